"""Where the clusters a test run starts live, and the check that none is left running (tests/conftest.py imports
the fixtures and hooks).

Every cluster a test run starts lives under one directory per test port (`polaris-tests-<POLARIS_TEST_PORT>` in
the temp dir, held with a lock while the process lives): a run finds what a killed run left there by its data
directory and stops it before starting its own, so its ports are free and nothing falls back to another. A run
that ends with a Postgres still running from its directories or its basetemp fails, naming it (the servers are
stopped). A concurrent run on the same port gets a directory of its own. Not under pytest's basetemp: every
pytest run that starts resets `pytest-of-<user>` to 0700 (as root, the cluster's system user could no longer
reach a data directory there) and prunes older basetemps, data directories included.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from run_order import record_file_seconds

from polaris_db import postmasters

WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
# Below 32768: the kernel hands out ports from 32768 up (ip_local_port_range) as the source ports of outgoing
# connections, and the suite makes thousands. A test server on such a port could find it taken between the check
# and its bind, or a client could connect to itself before the server listens.
DEFAULT_TEST_PORT = 25432


def suite_port(offset: int = 0) -> int:
    """This process's base port (POLARIS_TEST_PORT; each xdist worker's is 100 above the last) plus `offset`."""
    return int(os.environ.get("POLARIS_TEST_PORT") or DEFAULT_TEST_PORT) + offset

_RUN_ROOT: list[Path] = []  # this process's directory for clusters, made on first use
_LOCKS: list = []  # held open (flock) while the process lives


def run_root() -> Path:
    """`<tmp>/polaris-tests-<port>`, leftovers of a killed run stopped and removed; a live run's is not ours."""
    if not _RUN_ROOT:
        base = Path(tempfile.gettempdir()) / f"polaris-tests-{suite_port()}"
        lock = open(f"{base}.lock", "w")
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # a live run on the same port: a directory of our own, its servers untouched
            lock.close()
            _RUN_ROOT.append(Path(tempfile.mkdtemp(prefix=f"{base.name}-", dir=base.parent)))
            return _RUN_ROOT[0]
        _LOCKS.append(lock)
        postmasters.stop_under(base)
        shutil.rmtree(base, ignore_errors=True)
        base.mkdir()
        _RUN_ROOT.append(base)
    return _RUN_ROOT[0]


def _fresh_dir(name: str) -> Path:
    path = run_root() / name
    postmasters.stop_under(path)
    shutil.rmtree(path, ignore_errors=True)
    return path


@pytest.fixture(scope="session")
def fresh_cluster_dir():
    """fresh_cluster_dir(name) -> like cluster_dir, for a module- or session-scoped cluster (its fixture stops it;
    the session-end check catches what it does not)."""
    return _fresh_dir


@pytest.fixture
def cluster_dir():
    """cluster_dir(name) -> a fresh directory under the run's for a cluster the test starts (its root, or the
    POLARIS_STATE_DIR of the `inv` it runs). A server still running there at teardown fails the test (stopped);
    the directory is removed."""
    made: list[Path] = []

    def _make(name: str) -> Path:
        made.append(_fresh_dir(name))
        return made[-1]

    yield _make
    left = [found for path in made for found in postmasters.stop_under(path)]
    for path in made:  # data directories are large, and in RAM: not kept
        shutil.rmtree(path, ignore_errors=True)
    if left:
        pytest.fail(f"the test left Postgres running (stopped now): {_named(left)}")


def _named(found: list[tuple[int, str]]) -> str:
    return ", ".join(f"pid {pid} on {data}" for pid, data in found)


_left_by_workers = pytest.StashKey[list]()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    node.config.stash.setdefault(_left_by_workers, []).extend(getattr(node, "workeroutput", {}).get("left_running", []))


def pytest_sessionfinish(session):
    """A Postgres this process's tests started and left running fails the run (named, then stopped); under
    xdist each worker checks its own and the controller fails the run."""
    record_file_seconds(session.config)
    basetemp = getattr(session.config, "_tmp_path_factory", None)
    roots = [*_RUN_ROOT, *([basetemp._basetemp] if basetemp and basetemp._basetemp else [])]
    left = [found for root in roots for found in postmasters.stop_under(root)]
    if WORKER:
        session.config.workeroutput["left_running"] = left
        return
    left += session.config.stash.get(_left_by_workers, [])
    if left:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        message = f"error: the test run left Postgres running (stopped now): {_named(left)}"
        if reporter and session.config.getoption("numprocesses", None):
            reporter.write("\n")  # xdist's progress line has no newline yet
        reporter.write_line(message, red=True) if reporter else print(message)
        if session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED
