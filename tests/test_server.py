"""The embedded cluster: loopback only, survives between commands, moves off a busy port."""

import socket

import psycopg

from polaris_db.server import Cluster, free_port_from


def test_start_is_idempotent_and_picks_a_free_port(tmp_path, capsys):
    port = free_port_from(56100)
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", port))
        squatter.listen()
        cluster = Cluster(root=tmp_path / "pg", port=port, settings={"fsync": "off"})
        try:
            chosen, started = cluster.start()
            assert started and chosen != port
            assert f"port {port} is busy on 127.0.0.1; using {chosen} instead" in capsys.readouterr().out
            again = Cluster(root=tmp_path / "pg", port=port)
            assert again.start() == (chosen, False)
            with psycopg.connect(cluster.url()) as conn:
                assert conn.execute("show listen_addresses").fetchone()[0] == "127.0.0.1"
            assert cluster.stop() is True
            assert cluster.running_port() is None
            assert cluster.start()[1] is True  # data survives a stop
        finally:
            cluster.destroy()
