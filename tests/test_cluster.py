"""The embedded cluster: loopback only, survives between commands, moves off a busy port."""

import os
import shutil
import signal
import socket
import time
from pathlib import Path

import psycopg
import pytest

from polaris_db import postmasters
from polaris_db.cluster import Cluster, free_port_from
from polaris_db.errors import ServerError
from run_dirs import suite_port


def test_start_is_idempotent_and_picks_a_free_port(cluster_dir, capsys):
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))  # a port the OS picks: no race with other test runs
        squatter.listen()
        port = squatter.getsockname()[1]
        cluster = Cluster(root=cluster_dir("idempotent"), port=port, settings={"fsync": "off"})
        try:
            chosen, started = cluster.start()
            assert started and chosen != port
            assert f"port {port} is busy on 127.0.0.1; using {chosen} instead" in capsys.readouterr().out
            again = Cluster(root=cluster.root, port=port)
            assert again.start() == (chosen, False)
            with psycopg.connect(cluster.url()) as conn:
                assert conn.execute("show listen_addresses").fetchone()[0] == "127.0.0.1"
                # the hosted model: the Quickstart URL's postgres is no superuser, supabase_admin is
                assert conn.execute("select current_user::text, rolsuper from pg_roles "
                                    "where rolname = current_user").fetchone() == ("postgres", False)
            with psycopg.connect(cluster.admin_url()) as conn:
                assert conn.execute("select rolsuper from pg_roles where rolname = current_user").fetchone() == (True,)
            assert cluster.stop() is True
            assert cluster.running_port() is None
            assert cluster.start()[1] is True  # data survives a stop
        finally:
            cluster.destroy()


def test_a_cluster_made_before_the_hosted_model_is_refused_with_the_way_out(tmp_path):
    cluster = Cluster(root=tmp_path / "pg", port=free_port_from(56150))
    (cluster.pgdata).mkdir(parents=True)
    (cluster.pgdata / "PG_VERSION").write_text("18\n")  # initialised, but no privilege-model marker
    with pytest.raises(ServerError, match="created before the hosted privilege model.*inv db.reset"):
        cluster.start()
    assert (cluster.pgdata / "PG_VERSION").exists()  # nothing destroyed


def test_a_deleted_data_directory_is_named_never_silently_replaced(cluster_dir):
    """Orphan server still holding the port, then a cluster whose data is gone: both refused with the way out."""
    root = cluster_dir("deleted")
    cluster = Cluster(root=root, port=free_port_from(56170), settings={"fsync": "off"})
    cluster.start()
    pid = int((cluster.pgdata / "postmaster.pid").read_text().splitlines()[0])
    try:
        shutil.rmtree(cluster.pgdata)  # what `rm -rf .polaris/postgres/data` does under a running server
        with pytest.raises(ServerError, match=rf"embedded Postgres \(pid {pid}\) still runs from the deleted data "
                                              rf"directory .*kill {pid}"):
            Cluster(root=root, port=cluster.port).start()
    finally:
        os.kill(pid, signal.SIGQUIT)
    for _ in range(100):
        if not Path(f"/proc/{pid}").exists():
            break
        time.sleep(0.05)
    with pytest.raises(ServerError, match="data directory .* is missing, but .*server.log shows a cluster ran here"):
        Cluster(root=root, port=cluster.port).start()
    assert not cluster.pgdata.exists()  # nothing was created in its place


def test_a_data_directory_too_deep_for_a_unix_socket_still_starts(cluster_dir):
    """A socket path is limited to 107 bytes: a deep checkout serves TCP only instead of failing to start."""
    root = cluster_dir("deep-" * 20)
    server = Cluster(root=root, port=free_port_from(suite_port(70)))
    server.start()
    try:
        with psycopg.connect(server.url(), connect_timeout=10) as conn:
            assert conn.execute("show unix_socket_directories").fetchone() == ("",)
    finally:
        server.destroy()


def test_its_own_server_is_never_answered_by_a_second_one_on_another_port(cluster_dir, monkeypatch):
    """A server runs from the data directory but `pg_ctl status` does not see it (postmaster.pid gone, or a
    start still writing it): start waits for it, then names it; it never starts a second server elsewhere."""
    monkeypatch.setattr(Cluster, "OWN_SERVER_WAIT", 0.5)
    cluster = Cluster(root=cluster_dir("unanswered"), port=free_port_from(56180), settings={"fsync": "off"})
    cluster.start()
    pid = int((cluster.pgdata / "postmaster.pid").read_text().splitlines()[0])
    try:
        (cluster.pgdata / "postmaster.pid").unlink()
        with pytest.raises(ServerError, match=rf"a Postgres \(pid {pid}\) runs from {cluster.pgdata} but does not "
                                              rf"answer .*kill {pid}"):
            Cluster(root=cluster.root, port=cluster.port).start()
        assert postmasters.postmasters(cluster.root) == [(pid, str(cluster.pgdata))]  # no second server
    finally:
        assert postmasters.stop_under(cluster.root) == [(pid, str(cluster.pgdata))]
    assert postmasters.postmasters(cluster.root) == []


def test_a_new_cluster_copies_the_machines_pristine_initdb_unless_the_cache_is_off(tmp_path, monkeypatch):
    """The first init keeps its never-started data directory; the next ones copy it (initdb's system identifier in
    global/pg_control is the same), owned as initdb's was. `off`: initdb runs every time (a new identifier)."""
    monkeypatch.setenv("POLARIS_INITDB_CACHE", str(tmp_path / "cache"))
    first, second = Cluster(root=tmp_path / "a"), Cluster(root=tmp_path / "b")
    first.init()
    (model,) = (tmp_path / "cache").iterdir()
    assert (model / "PG_VERSION").exists() and not (model / "postmaster.pid").exists()
    second.init()
    control = (first.pgdata / "global" / "pg_control").read_bytes()
    assert (second.pgdata / "global" / "pg_control").read_bytes() == control
    assert (second.pgdata.stat().st_uid, second.pgdata.stat().st_mode & 0o777) == \
        (first.pgdata.stat().st_uid, first.pgdata.stat().st_mode & 0o777)
    assert {p.stat().st_uid for p in second.pgdata.rglob("*")} == {first.pgdata.stat().st_uid}
    assert second.model_file.read_text() == "pending\n"
    monkeypatch.setenv("POLARIS_INITDB_CACHE", "off")
    third = Cluster(root=tmp_path / "c")
    third.init()
    assert (third.pgdata / "global" / "pg_control").read_bytes() != control
