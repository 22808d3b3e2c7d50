"""tests/run_inv.py forks `inv` calls from a pre-imported Python: what a caller sees is what a new interpreter gives."""

import os
import subprocess
import sys
import time

import pytest

from polaris_db import REPO_ROOT
from polaris_db.migrations.history import LOCK_KEY
from run_inv import inv, inv_path


def _both(*args, **kwargs):
    forked = inv(*args, **kwargs)
    fresh = inv(*args, **kwargs, env={**kwargs.pop("env", {}), "POLARIS_TEST_INV": "subprocess"})
    return forked, fresh


@pytest.mark.parametrize("args", [
    ("--list",),
    ("db.backup", "--lock-wait", "abc"),                     # a user error: one line, exit 2
    ("db.nope",),                                             # invoke's own error
])
def test_forked_and_new_interpreter_give_the_same_result(args):
    forked, fresh = _both(*args)
    assert (forked.returncode, forked.stdout, forked.stderr) == (fresh.returncode, fresh.stdout, fresh.stderr)
    assert forked.stdout or forked.stderr


def test_each_call_reads_its_own_environment(tmp_path):
    """polaris_db reads POLARIS_STATE_DIR when it is imported: a call must not see the previous call's modules."""
    first, second = tmp_path / "one", tmp_path / "two"
    seen = [inv("db.status", env={"POLARIS_STATE_DIR": str(state), "POLARIS_PG_PORT": "1"}).stderr
            for state in (first, second)]
    assert str(first) in seen[0] and str(second) in seen[1] and str(first) not in seen[1]


def test_a_call_past_its_timeout_is_killed(schema_url, connect, tmp_path):
    """A backup waiting for a reset's lock, killed at the timeout instead of waiting its 60 s."""
    holder = connect(schema_url)
    holder.execute("select pg_advisory_lock(%s)", (LOCK_KEY,))
    started = time.monotonic()
    with pytest.raises(subprocess.TimeoutExpired):
        inv("db.backup", "--store", str(tmp_path), "--lock-wait", "60s", url=schema_url, timeout=2)
    assert time.monotonic() - started < 20
    # a backend waiting for a lock notices its client is gone only once it gets the lock
    holder.execute("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and not granted")


def test_a_shell_scripts_inv_is_the_same_inv(tmp_path):
    """The restore runbook runs `inv` from bash: through the zygote client it gives the same output and exit code as
    the virtualenv's `inv`, on the shell's own stdout/stderr, in the shell's directory and environment."""
    # invoke looks for tasks.py from the directory up: the worker must start in the shell's directory (ops/)
    script = ("cd ops; inv --list | head -3; inv db.backup --lock-wait abc; echo \"exit $?\"; "
              "POLARIS_STATE_DIR=\"$WHERE/s\" POLARIS_PG_PORT=1 inv db.status; echo \"exit $?\"")
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "SUPABASE_"))}
    base["WHERE"] = str(tmp_path)

    def run(extra):
        return subprocess.run(["bash", "-c", script], cwd=REPO_ROOT, env={**base, **extra}, capture_output=True,
                              text=True, stdin=subprocess.DEVNULL, timeout=120)

    via_zygote = inv_path(tmp_path / "bin")
    assert "POLARIS_INV_ZYGOTE" in via_zygote and (tmp_path / "bin" / "inv").exists()
    through_zygote = run(via_zygote)
    venv = run({"PATH": f"{os.path.dirname(sys.executable)}:{os.environ['PATH']}"})
    assert (through_zygote.stdout, through_zygote.stderr) == (venv.stdout, venv.stderr)
    assert "exit 2" in venv.stdout and str(tmp_path / "s") in venv.stderr and venv.stdout.count("exit ") == 2
