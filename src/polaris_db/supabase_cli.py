"""The Supabase CLI (npm package `supabase`, pinned in package.json) pointed at this repo's migrations.

The CLI only reads `supabase/migrations` under its --workdir, so we give it a
generated workdir whose migrations folder is a link to ops/supabase/migrations.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from . import MIGRATIONS_DIR, REPO_ROOT, STATE_DIR
from .config import mask
from .errors import ConfigError, ServerError

CLI_PATH = REPO_ROOT / "node_modules" / ".bin" / "supabase"


def cli_path() -> Path:
    if not CLI_PATH.exists():
        raise ConfigError("Supabase CLI not found in node_modules: run `bash scripts/setup` (npm ci)")
    return CLI_PATH


def workdir(migrations: Path = MIGRATIONS_DIR, root: Path = STATE_DIR / "supabase-cli") -> Path:
    """A folder with `supabase/migrations` linking to the given migrations (regenerated each call)."""
    link = root / "supabase" / "migrations"
    link.parent.mkdir(parents=True, exist_ok=True)
    if link.is_symlink() or link.exists():
        if link.is_symlink() and Path(os.readlink(link)) == migrations.resolve():
            return root
        link.unlink()
    link.symlink_to(migrations.resolve(), target_is_directory=True)
    return root


def run(args: list[str], url: str, *, migrations: Path = MIGRATIONS_DIR, workdir_root: Path | None = None,
        check: bool = True, timeout: float = 300) -> subprocess.CompletedProcess:
    """`supabase <args> --remote=<url> --workdir <generated>`; output masked, errors one line."""
    root = workdir(migrations, workdir_root) if workdir_root else workdir(migrations)
    command = [str(cli_path()), *args, f"--remote={url}", "--workdir", str(root)]
    env = {**os.environ, "SUPABASE_TELEMETRY_DISABLED": "1", "DO_NOT_TRACK": "1", "CI": os.environ.get("CI", "true")}
    try:
        result = subprocess.run(command, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL,
                                timeout=timeout, cwd=root)
    except subprocess.TimeoutExpired:
        raise ServerError(f"supabase {' '.join(args[:2])} did not finish within {timeout:.0f}s") from None
    result.stdout, result.stderr = mask(result.stdout), mask(result.stderr)
    if check and result.returncode != 0:
        lines = (result.stderr.strip() or result.stdout.strip() or "no output").splitlines()
        raise ConfigError(f"supabase {' '.join(args)} failed ({result.returncode}): {lines[-1]}")
    return result
