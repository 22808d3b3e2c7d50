"""Targets (local, staging, prod) read from the environment and `.env`, and secret masking.

`local` is the embedded cluster unless `DATABASE_URL` points elsewhere (a Docker
container, a Supabase local stack). `staging` and `prod` come only from
`SUPABASE_STAGING_URL` / `SUPABASE_PROD_URL`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

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
)
MASK = "****"


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


def check_url(url: str, source: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise ConfigError(f"{source} must be a postgresql:// URL, got {mask(url)!r}")


_URL_PASSWORD = re.compile(r"(?P<head>[a-z][a-z0-9+.-]*://[^:/@\s]*:)(?P<secret>[^@\s]*)(?P<tail>@)", re.I)
_QUERY_SECRET = re.compile(r"(?P<head>[?&](?:password|sslpassword|apikey|key|token)=)(?P<secret>[^&\s]+)", re.I)
_KEYWORD_SECRET = re.compile(r"(?P<head>\bpassword\s*=\s*)(?P<secret>'[^']*'|[^\s&]+)", re.I)
_JWT = re.compile(r"eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}")


def mask(text: str) -> str:
    """Hide passwords, keys and JWTs in any text that may reach a terminal or log."""
    if not text:
        return text
    text = _URL_PASSWORD.sub(lambda m: m["head"] + (MASK if m["secret"] else "") + m["tail"], text)
    text = _QUERY_SECRET.sub(lambda m: m["head"] + MASK, text)
    text = _KEYWORD_SECRET.sub(lambda m: m["head"] + MASK, text)
    text = _JWT.sub(MASK, text)
    for var in SECRET_VARS:
        value = os.environ.get(var)
        if value and len(value) >= 6:
            text = text.replace(value, MASK)
    return text
