"""The session-end check (tests/conftest.py): a run whose tests leave a Postgres running fails, names it, stops it;
a test's cluster_dir stops and fails what its test left; a killed run's leftover is stopped by the next run."""

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from polaris_db import REPO_ROOT, postmasters
from polaris_db.cluster import Cluster, free_port_from

LEAKY = "tests/fixtures/leaky/leaky_case.py"


def child_run(basetemp: Path, *args: str) -> subprocess.CompletedProcess:
    """A child pytest in a port range of its own (+90: its run directory is not this run's). Its basetemp is not
    under pytest-of-<user>, which every pytest run starting meanwhile resets to 0700: as root, the cluster's
    system user could then not reach a data directory there."""
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("PYTEST_XDIST")},
           "POLARIS_TEST_PORT": str(int(os.environ.get("POLARIS_TEST_PORT", 55432)) + 90)}
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:randomly",
                           f"--basetemp={basetemp}", *args], cwd=REPO_ROOT, env=env, capture_output=True,
                          text=True, timeout=300, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("workers", ["0", "1"])
def test_a_server_left_running_fails_the_run_and_is_stopped(cluster_dir, workers):
    basetemp = cluster_dir("leak-check") / "basetemp"
    basetemp.parent.mkdir()
    result = child_run(basetemp, "-n", workers, LEAKY, "-k", "leaves")
    out = result.stdout + result.stderr
    assert result.returncode == 1, out[-3000:]
    assert re.search(r"\b2 passed, .*\b1 error", out.splitlines()[-1]), out[-3000:]  # cluster_dir errors at teardown
    assert "the test left Postgres running (stopped now): pid" in out and "/leaky/data" in out  # cluster_dir's
    left = next(line for line in out.splitlines() if line.startswith("error: the test run left Postgres running"))
    assert f"{basetemp}" in left and "/pg/data" in left and "leaky" not in left  # the basetemp one
    assert postmasters.postmasters(basetemp) == []  # both stopped


def test_the_next_run_stops_a_killed_runs_leftover_by_its_data_directory(tmp_path):
    """A server a killed run left in its run directory holds its port: the next run stops it before starting."""
    port = int(os.environ.get("POLARIS_TEST_PORT", 55432)) + 90
    leftover = Cluster(root=Path(tempfile.gettempdir()) / f"polaris-tests-{port}" / "suite",
                       port=free_port_from(port), settings={"fsync": "off"})
    leftover.start()
    try:
        result = child_run(tmp_path / "child", "-n", "0", LEAKY, "-k", "starts_nothing")
        assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
        assert postmasters.postmasters(leftover.root) == []
    finally:
        postmasters.stop_under(leftover.root)
