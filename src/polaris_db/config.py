"""Targets (local, staging, prod) read from the environment and `.env`, and secret masking.

`local` is the embedded cluster unless `DATABASE_URL` points elsewhere (a Docker
container, a Supabase local stack). `staging` and `prod` come only from
`SUPABASE_STAGING_URL` / `SUPABASE_PROD_URL`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from dotenv import load_dotenv

from . import REPO_ROOT
from .errors import ConfigError

ENVIRONMENTS = ("local", "staging", "prod")
REMOTE_URL_VARS = {"staging": "SUPABASE_STAGING_URL", "prod": "SUPABASE_PROD_URL"}
SECRET_VARS = (
    "DATABASE_URL",
    "SUPABASE_STAGING_URL",
    "SUPABASE_PROD_URL",
    "SUPABASE_DB_PASSWORD",
    "SUPABASE_SERVICE_ROLE_KEY",
    "SUPABASE_JWT_SECRET",
    "SUPABASE_ACCESS_TOKEN",
    "PGPASSWORD",
    "POLARIS_BACKUP_IDENTITY",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "POLARIS_STORAGE_S3_SECRET_ACCESS_KEY",
)
MASK = "****"
WELL_KNOWN_PASSWORDS = {"postgres"}  # Supabase local's, public: replacing it everywhere would garble output


@dataclass(frozen=True)
class Target:
    """Where a task points: the environment name and, unless embedded, its URL."""

    env: str
    url: str | None  # None means the embedded cluster, resolved when started

    @property
    def embedded(self) -> bool:
        return self.url is None

    @property
    def remote(self) -> bool:
        return self.env in REMOTE_URL_VARS


def load_environment() -> None:
    """Read `.env` from the repo root; variables already set win."""
    load_dotenv(REPO_ROOT / ".env", override=False)


def resolve(env: str = "local") -> Target:
    """Turn an `--env` value into a Target, or explain in one line what is missing."""
    load_environment()
    if env not in ENVIRONMENTS:
        raise ConfigError(f"unknown environment {env!r}: use one of {', '.join(ENVIRONMENTS)}")
    if env == "local":
        url = os.environ.get("DATABASE_URL") or None
        if url:
            check_url(url, "DATABASE_URL")
        return Target("local", url)
    var = REMOTE_URL_VARS[env]
    url = os.environ.get(var)
    if not url:
        raise ConfigError(f"{var} is not set: add it to .env or the environment (see .env.example)")
    check_url(url, var)
    return Target(env, url)


ENCODE_HINT = ("URL-encode special characters in the password (@ as %40, / as %2F, # as %23, ? as %3F, "
               "% as %25, space as %20)")


def check_url(url: str, source: str) -> None:
    """A postgresql:// URL that parses as written; the message never shows the value."""
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise ConfigError(f"{source} must be a postgresql:// URL, got {mask(url)!r}")
    if not parses_cleanly(url):
        raise ConfigError(f"{source} does not parse as a URL (value not shown): {ENCODE_HINT}")


def parses_cleanly(url: str) -> bool:
    """True when urllib reads user, password and host exactly as written (no raw @ / # ? % in the password)."""
    parts = urlsplit(url)
    if "@" in url and ("@" not in parts.netloc or parts.netloc.count("@") > 1):
        return False  # a raw @ in the password, or a / # ? before the @ cut the authority short
    try:
        parts.port
    except ValueError:
        return False
    userinfo = parts.netloc.rpartition("@")[0]
    return all(re.fullmatch(r"[0-9A-Fa-f]{2}", userinfo[i + 1:i + 3]) for i, c in enumerate(userinfo) if c == "%")


_URL = re.compile(r"[a-z][a-z0-9+.-]*://\S+", re.I)
_SECRET_PARAMS = {"password", "sslpassword", "apikey", "key", "token"}
_KEYWORD_SECRET = re.compile(r"(?P<head>\bpassword\s*=\s*)(?P<secret>'[^']*'|[^\s&]+)", re.I)
_JWT = re.compile(r"eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}")


def _mask_url(url: str) -> str:
    """Everything between `user:` and the LAST @ is the password, whatever it holds; secret query values too."""
    scheme, _, rest = url.partition("://")
    userinfo, at, address = rest.rpartition("@")
    if at:
        user, colon, password = userinfo.partition(":")
        rest = f"{user}:{MASK}@{address}" if colon and password else f"{userinfo}@{address}"
    head, question, query = rest.partition("?")
    if question:
        fields = []
        for item in query.split("&"):
            key, equals, value = item.partition("=")
            fields.append(f"{key}={MASK}" if equals and value and key.lower() in _SECRET_PARAMS else item)
        rest = head + "?" + "&".join(fields)
    return f"{scheme}://{rest}"


def _secret_values() -> set[str]:
    """Secret variables' values, and the passwords inside the URL ones (raw and decoded)."""
    values = set()
    for var in SECRET_VARS:
        value = os.environ.get(var)
        if not value:
            continue
        values.add(value)
        if "://" in value:
            userinfo = value.partition("://")[2].rpartition("@")[0]
            password = userinfo.partition(":")[2]
            values.update((password, unquote(password)))
    return {v for v in values if len(v) >= 6 and v not in WELL_KNOWN_PASSWORDS}


def mask(text: str) -> str:
    """Hide passwords, keys and JWTs in any text that may reach a terminal or log."""
    if not text:
        return text
    text = _URL.sub(lambda m: _mask_url(m.group()), text)
    text = _KEYWORD_SECRET.sub(lambda m: m["head"] + MASK, text)
    text = _JWT.sub(MASK, text)
    for value in sorted(_secret_values(), key=len, reverse=True):  # e.g. a password with a space in it
        text = text.replace(value, MASK)
    return text
