"""`inv(...)`: run an `inv db.*` command as a user does (subprocess, no DATABASE_URL/SUPABASE_* leaking in)."""

import os
import subprocess
import sys

from polaris_db import REPO_ROOT


def inv(*args, url=None, env=None):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "SUPABASE_"))}
    if url:
        environment["DATABASE_URL"] = url
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=REPO_ROOT, env=environment,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300)
