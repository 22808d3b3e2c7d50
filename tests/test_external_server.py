"""POLARIS_TEST_DATABASE_URL: the suite runs on a server you choose, here a second hosted-model cluster."""

import os
import subprocess
import sys

import psycopg
import pytest

from polaris_db import REPO_ROOT
from polaris_db.cluster import FAST_UNSAFE, Cluster, free_port_from
from run_dirs import suite_port

PART = ["tests/test_shim.py", "tests/migrations/test_apply.py"]  # the platform shim and the history: what a chosen server changes
COMMITS = "select sum(xact_commit) from pg_stat_database"
# The child runs need none of the third-party plugins that only load themselves (a second each to import).
NO_PLUGINS = ("-p", "no:cacheprovider", "-p", "no:randomly", "-p", "no:hypothesispytest", "-p", "no:faker")


def child_env(url: str) -> dict[str, str]:
    """A serial pytest run on the server at `url`, even when this run is an xdist worker."""
    return {**{k: v for k, v in os.environ.items() if not k.startswith("PYTEST_XDIST")},
            "POLARIS_TEST_DATABASE_URL": url}


@pytest.fixture(scope="module")
def second(fresh_cluster_dir):
    """A second hosted-model cluster: a chosen server's run drops the test databases it finds there (`tpl_*`),
    so it is never this run's own cluster."""
    server = Cluster(root=fresh_cluster_dir("second"), port=free_port_from(suite_port(50)),
                     settings={**FAST_UNSAFE, "max_connections": "200"})
    try:
        server.start()
        yield server
    finally:
        server.destroy()


@pytest.mark.skipif(bool(os.environ.get("POLARIS_TEST_DATABASE_URL")), reason="already running on a chosen server")
def test_part_of_the_suite_runs_serially_on_a_second_hosted_model_server(tmp_path, second):
    """Tests name some of their databases: two workers on one server would collide, so the workers that
    pyproject's addopts (or -n) ask for are dropped, and the header says so."""
    with psycopg.connect(second.admin_url(), autocommit=True) as conn:
        before = conn.execute(COMMITS).fetchone()[0]
    env = child_env(second.admin_url())
    result = subprocess.run([sys.executable, "-m", "pytest", *NO_PLUGINS, "-n", "2", f"--basetemp={tmp_path / 'child'}",
                             *PART], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:]
    assert " passed" in result.stdout.splitlines()[-1] and "skipped" not in result.stdout.splitlines()[-1]
    assert "POLARIS_TEST_DATABASE_URL: serial run" in result.stdout
    assert "created: 2/2 workers" not in result.stdout and "gw0" not in result.stdout
    with psycopg.connect(second.admin_url(), autocommit=True) as conn:
        assert conn.execute(COMMITS).fetchone()[0] - before > 100  # the suite's work happened there
        left = conn.execute("select count(*) from pg_database where datname ~ '^(tpl_|t[0-9]{4}$)'").fetchone()[0]
        assert left == 0  # and its per-test databases are gone


def test_a_superuser_postgres_is_refused_as_a_chosen_server(cluster, tmp_path):
    """The contract: the URL is the superuser's and `postgres` on that server is hosted's non-superuser."""
    env = child_env(cluster.url())  # postgres: not a superuser
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", *NO_PLUGINS, "tests/test_shim.py",
                             f"--basetemp={tmp_path / 'child'}", "-k", "idempotent"], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "must be the server's superuser (supabase_admin)" in result.stdout + result.stderr
