"""The session-end check (tests/conftest.py): a run whose tests leave a Postgres running fails, names it, stops it;
a test's cluster_dir stops and fails what its test left; a killed run's leftover is stopped by the next run."""

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from polaris_db import REPO_ROOT, postmasters
from polaris_db.cluster import Cluster, free_port_from
from run_dirs import suite_port

LEAKY = "tests/fixtures/leaky/leaky_case.py"
# The child runs need none of the third-party plugins that only load themselves (a second each to import).
NO_PLUGINS = ("-p", "no:cacheprovider", "-p", "no:randomly", "-p", "no:hypothesispytest", "-p", "no:faker")


def child_run(basetemp: Path, *args: str) -> subprocess.CompletedProcess:
    """A child pytest in a port range of its own (+90: its run directory is not this run's). Its basetemp is not
    under pytest-of-<user>, which every pytest run starting meanwhile resets to 0700: as root, the cluster's
    system user could then not reach a data directory there."""
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("PYTEST_XDIST")},
           "POLARIS_TEST_PORT": str(child_port())}
    return subprocess.run([sys.executable, "-m", "pytest", *NO_PLUGINS, f"--basetemp={basetemp}", *args],
                          cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300,
                          stdin=subprocess.DEVNULL)


def child_port() -> int:
    return suite_port(90)


def assert_leaks_failed_named_and_stopped(result: subprocess.CompletedProcess, basetemp: Path) -> str:
    out = result.stdout + result.stderr
    assert result.returncode == 1, out[-3000:]
    assert re.search(r"\b2 passed, .*\b1 error", out.splitlines()[-1]), out[-3000:]  # cluster_dir errors at teardown
    assert "the test left Postgres running (stopped now): pid" in out and "/leaky/data" in out  # cluster_dir's
    left = next(line for line in out.splitlines() if line.startswith("error: the test run left Postgres running"))
    assert f"{basetemp}" in left and "/pg/data" in left and "leaky" not in left  # the basetemp one
    assert postmasters.postmasters(basetemp) == []  # both stopped
    return out


def test_a_killed_runs_leftover_is_stopped_first_and_a_server_left_running_fails_the_serial_run(cluster_dir):
    """A server a killed run left in its run directory holds its port: the next run stops it before starting (not
    at its end, where it would be named as left running); the servers its own tests leave fail the run."""
    leftover = Cluster(root=Path(tempfile.gettempdir()) / f"polaris-tests-{child_port()}" / "suite",
                       port=free_port_from(child_port()), settings={"fsync": "off"})
    leftover.start()
    try:
        basetemp = cluster_dir("leak-check") / "basetemp"
        basetemp.parent.mkdir()
        out = assert_leaks_failed_named_and_stopped(child_run(basetemp, "-n", "0", LEAKY, "-k", "leaves"), basetemp)
        assert postmasters.postmasters(leftover.root) == []
        assert f"{leftover.pgdata}" not in out  # stopped when the run took its directory, not found at its end
    finally:
        postmasters.stop_under(leftover.root)


def test_a_server_a_worker_left_running_fails_the_run_and_is_stopped(cluster_dir):
    basetemp = cluster_dir("leak-check") / "basetemp"
    basetemp.parent.mkdir()
    assert_leaks_failed_named_and_stopped(child_run(basetemp, "-n", "1", LEAKY, "-k", "leaves"), basetemp)
