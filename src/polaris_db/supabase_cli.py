"""The Supabase CLI (npm package `supabase`, pinned in package.json), run on this repo's `supabase/` folder.

The committed `supabase/config.toml` sits at the repo root and `supabase/migrations` is a link to
ops/supabase/migrations, so the CLI reads the same files as our tasks with no generated workdir.
"""

from __future__ import annotations

import os
import platform
import subprocess
from pathlib import Path

from . import REPO_ROOT
from .config import mask
from .errors import ConfigError, ServerError

CLI_PATH = REPO_ROOT / "node_modules" / ".bin" / "supabase"
# The CLI is a Bun-compiled binary. JavaScriptCore's optimizing JITs (DFG, FTL) compile code that a CLI run of a
# second never amortizes: without them `gen types` costs ~0.5 instead of ~0.8 CPU-s, its output byte for byte
# the same. The caller's environment wins (set either to 1 to have them back).
QUICK_START = {"BUN_JSC_useDFGJIT": "0", "BUN_JSC_useFTLJIT": "0"}
_SYSTEMS = {"Linux": "linux", "Darwin": "darwin", "Windows": "windows"}
_MACHINES = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64"}


def _platform_binary() -> Path | None:
    """The npm package's binary for this machine (what its node wrapper would start: ~0.1 CPU-s saved a call)."""
    system, machine = _SYSTEMS.get(platform.system()), _MACHINES.get(platform.machine().lower())
    if not system or not machine:
        return None
    for suffix in (f"{system}-{machine}", f"{system}-{machine}-musl"):
        binary = REPO_ROOT / "node_modules" / "@supabase" / f"cli-{suffix}" / "bin" / \
            ("supabase.exe" if system == "windows" else "supabase")
        if binary.exists():
            return binary
    return None


def cli_path() -> Path:
    if not CLI_PATH.exists():
        raise ConfigError("Supabase CLI not found in node_modules: run `bash scripts/setup` (npm ci)")
    if os.environ.get("SUPABASE_CLI_BINARY_OVERRIDE"):  # the wrapper's own switch to another binary
        return CLI_PATH
    return _platform_binary() or CLI_PATH


def environment(**extra: str) -> dict[str, str]:
    """The environment the CLI runs in: no telemetry, the quick start, then the caller's and `extra`."""
    return {**QUICK_START, **os.environ, "SUPABASE_TELEMETRY_DISABLED": "1", "DO_NOT_TRACK": "1", **extra}


def run(args: list[str], url: str, *, workdir: Path = REPO_ROOT, check: bool = True,
        timeout: float = 300) -> subprocess.CompletedProcess:
    """`supabase <args> --remote=<url> --workdir <workdir>`; output masked, errors one line."""
    command = [str(cli_path()), *args, f"--remote={url}", "--workdir", str(workdir)]
    env = environment(CI=os.environ.get("CI", "true"))
    try:
        result = subprocess.run(command, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL,
                                timeout=timeout, cwd=workdir)
    except subprocess.TimeoutExpired:
        raise ServerError(f"supabase {' '.join(args)} gave no answer within {timeout:.0f} s") from None
    result.stdout, result.stderr = mask(result.stdout), mask(result.stderr)
    if check and result.returncode != 0:
        lines = (result.stderr.strip() or result.stdout.strip() or "no output").splitlines()
        raise ConfigError(f"supabase {' '.join(args)} failed ({result.returncode}): {lines[-1]}")
    return result
