"""The hosted project's custom access token hook, kept equal to `supabase/config.toml`.

Migration 0040 reads the `user_role` claim that the hook (`[auth.hook.custom_access_token]`,
`pg-functions://postgres/public/set_role_claim`) puts in every token; without the hook admins
silently see only their own rows. The local stack reads config.toml; a hosted project keeps its own
auth settings, so the release sets them through the Supabase Management API
(`GET`/`PATCH /v1/projects/{ref}/config/auth`, bearer `SUPABASE_ACCESS_TOKEN`), touching only the
hook's two fields. (`supabase config push` would push every key config.toml declares, the local
`site_url` and `enable_confirmations = false` included.)

The project ref comes from `SUPABASE_<ENV>_PROJECT_REF` or the database URL (`db.<ref>.supabase.co`,
or the pooler's user `postgres.<ref>`); the API base from `SUPABASE_API_URL` (default
https://api.supabase.com). The token is never printed (config.mask).
"""

from __future__ import annotations

import json
import os
import re
import tomllib
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import psycopg

from . import REPO_ROOT
from .config import load_environment, mask, resolve
from .errors import AuthHookOff, ConfigError, PolarisError, ServerError

CONFIG_TOML = REPO_ROOT / "supabase" / "config.toml"
API_URL_VAR = "SUPABASE_API_URL"
DEFAULT_API_URL = "https://api.supabase.com"
TOKEN_VAR = "SUPABASE_ACCESS_TOKEN"
REF_VARS = {"staging": "SUPABASE_STAGING_PROJECT_REF", "prod": "SUPABASE_PROD_PROJECT_REF"}
ENABLED, URI = "hook_custom_access_token_enabled", "hook_custom_access_token_uri"
TIMEOUT = 30  # seconds per request
_REF = re.compile(r"[a-z0-9]{20}")
_PG_FUNCTION = re.compile(r"pg-functions://[^/]+/(?P<schema>[^/]+)/(?P<function>[^/]+)")


@dataclass(frozen=True)
class Hook:
    enabled: bool
    uri: str | None = None

    def __str__(self) -> str:
        return f"on ({self.uri})" if self.enabled else "off"

    def matches(self, other: "Hook") -> bool:
        return self.enabled == other.enabled and (not self.enabled or self.uri == other.uri)


def wanted(config: Path = CONFIG_TOML) -> Hook:
    """The hook supabase/config.toml declares (off when the section is missing)."""
    section = tomllib.loads(config.read_text(encoding="utf-8")).get("auth", {}).get("hook", {})
    hook = section.get("custom_access_token", {})
    return Hook(bool(hook.get("enabled", False)), hook.get("uri"))


def hook_function(uri: str | None) -> str | None:
    """`pg-functions://postgres/public/set_role_claim` -> `public.set_role_claim`."""
    match = _PG_FUNCTION.fullmatch(uri or "")
    return f"{match['schema']}.{match['function']}" if match else None


def project_ref(env: str, url: str | None = None) -> str:
    """The project ref: SUPABASE_<ENV>_PROJECT_REF, else read from the env's hosted database URL."""
    load_environment()
    var = REF_VARS[env]
    ref = os.environ.get(var, "").strip()
    if not ref:
        url = url or resolve(env).url
        parts = urlsplit(url)
        host, user = parts.hostname or "", unquote(parts.username or "")
        found = re.fullmatch(r"db\.([a-z0-9]{20})\.supabase\.co", host) or re.fullmatch(r"postgres\.([a-z0-9]{20})", user)
        ref = found.group(1) if found else ""
    if not _REF.fullmatch(ref):
        raise ConfigError(f"no Supabase project ref for {env}: set {var} (Settings > General > Reference ID); "
                          "the database URL does not name one")
    return ref


class ManagementApi:
    """The two calls we make, with urllib; errors become one line (no token, no response body)."""

    def __init__(self, token: str, base: str | None = None):
        self.token = token
        self.base = (base or os.environ.get(API_URL_VAR) or DEFAULT_API_URL).rstrip("/")

    def auth_config(self, ref: str) -> dict:
        return self._call("GET", f"/v1/projects/{ref}/config/auth")

    def update_auth_config(self, ref: str, fields: dict) -> dict:
        return self._call("PATCH", f"/v1/projects/{ref}/config/auth", fields)

    def _call(self, method: str, path: str, body: dict | None = None) -> dict:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method, headers={
            "Authorization": f"Bearer {self.token}", "Accept": "application/json",
            "Content-Type": "application/json", "User-Agent": "polaris-db"})
        where = f"Management API {method} {path}"
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                return json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            if error.code in (401, 403):
                raise ConfigError(f"{where}: HTTP {error.code}, {TOKEN_VAR} is not accepted for this project "
                                  "(a personal access token of a member who may change auth settings)") from None
            if error.code == 404:
                raise ConfigError(f"{where}: HTTP 404, no such project (check the project ref)") from None
            raise ServerError(f"{where}: HTTP {error.code} {error.reason}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise ServerError(mask(f"{where}: unreachable ({reason})")) from None
        except json.JSONDecodeError:
            raise ServerError(f"{where}: the answer is not JSON") from None


def hosted(config: dict) -> Hook:
    return Hook(bool(config.get(ENABLED)), config.get(URI) or None)


def apply(api: ManagementApi, ref: str, hook: Hook) -> tuple[Hook, bool]:
    """Make the project's hook equal `hook`; returns (what it was, whether it changed). Read back after."""
    before = hosted(api.auth_config(ref))
    if before.matches(hook):
        return before, False
    fields = {ENABLED: hook.enabled, **({URI: hook.uri} if hook.enabled else {})}
    api.update_auth_config(ref, fields)
    after = hosted(api.auth_config(ref))
    if not after.matches(hook):
        raise ServerError(f"the Management API accepted the change, but the hook reads back as {after}")
    return before, True


def needed(conn: psycopg.Connection, hook: Hook) -> bool:
    """The database holds the function config.toml's hook calls (0040 created it): tokens need the hook."""
    name = hook_function(hook.uri) if hook.enabled else None
    if not name:
        return False
    schema, function = name.split(".", 1)
    return conn.execute("select exists (select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace "
                        "where n.nspname = %s and p.proname = %s)", [schema, function]).fetchone()[0]


@dataclass(frozen=True)
class HookStatus:
    state: str  # "on (uri)", "off" or "unknown (why)"
    needed: bool
    failure: PolarisError | None = None  # raised by db.status after printing: off but needed, or the API failed

    def as_dict(self) -> dict:
        return {"state": self.state, "needed": self.needed, "problem": str(self.failure) if self.failure else None}


def status(env: str, url: str, conn: psycopg.Connection) -> HookStatus:
    """What `db.status` prints for a hosted target; no token: unknown, not a failure."""
    want = wanted()
    need = needed(conn, want)
    load_environment()
    token = os.environ.get(TOKEN_VAR)
    if not token:
        return HookStatus(f"unknown ({TOKEN_VAR} not set)", need)
    try:
        current = hosted(ManagementApi(token).auth_config(project_ref(env, url)))
    except PolarisError as error:
        return HookStatus("unknown (Management API failed)", need, error)
    if need and not current.matches(want):
        return HookStatus(str(current), need, AuthHookOff(
            f"the custom access token hook is {current} on {env}, but the migrations need {want} "
            f"(admins see only their own rows): run `inv db.auth-hook --env {env}`"))
    return HookStatus(str(current), need)


def sync(env: str) -> str:
    """`db.auth-hook`: make the hosted hook equal config.toml's; one line saying what happened."""
    load_environment()
    token = os.environ.get(TOKEN_VAR)
    if not token:
        raise ConfigError(f"{TOKEN_VAR} is not set: a personal access token (Account > Access Tokens) is needed "
                          "to change the project's auth hook")
    want = wanted()
    ref = project_ref(env)
    before, changed = apply(ManagementApi(token), ref, want)
    return f"auth hook on {env}: {want}" + (f" (was {before})" if changed else " (already so)")


def check(env: str) -> str:
    """`db.auth-hook --check`: compare only; raises AuthHookOff when they differ."""
    load_environment()
    token = os.environ.get(TOKEN_VAR)
    if not token:
        raise ConfigError(f"{TOKEN_VAR} is not set")
    want, current = wanted(), hosted(ManagementApi(token).auth_config(project_ref(env)))
    if not current.matches(want):
        raise AuthHookOff(f"auth hook on {env} is {current}, supabase/config.toml says {want}: "
                          f"run `inv db.auth-hook --env {env}`")
    return f"auth hook on {env}: {current} (matches supabase/config.toml)"
