"""Postgres servers found by their data directory: the postmaster only (not its children), stopped for good."""

import os
import subprocess
import sys

from polaris_db import postmasters
from polaris_db.cluster import Cluster, free_port_from
from run_dirs import suite_port


def test_a_server_is_found_by_its_data_directory_and_stopped(cluster_dir):
    root = cluster_dir("found")
    server = Cluster(root=root, port=free_port_from(suite_port(85)),
                     settings={"fsync": "off"})
    server.start()
    pid = int((server.pgdata / "postmaster.pid").read_text().splitlines()[0])
    assert postmasters.postmasters(root) == [(pid, str(server.pgdata))]  # the postmaster, none of its children
    assert postmasters.postmasters(root / "data") == [(pid, str(server.pgdata))]
    assert postmasters.postmasters(root.parent / "elsewhere") == []
    assert postmasters.stop_under(root) == [(pid, str(server.pgdata))]
    assert not postmasters.alive(pid) and postmasters.postmasters(root) == []
    assert server.running_port() is None


def test_a_process_that_is_not_postgres_is_never_matched(tmp_path):
    decoy = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)", "-D", str(tmp_path / "data")])
    try:
        assert postmasters.postmasters(tmp_path) == []
    finally:
        decoy.kill()
        decoy.wait(timeout=10)
