"""scripts/bench_snapshot.py end to end at a toy size: it generates, backs up, restores, masks and prints the ratio."""

import pytest

from benches import main_exit, run_bench

pytestmark = pytest.mark.benchmark


def test_toy_run_prints_the_ratio_and_memory(cluster_dir, cluster, schema_template):
    out = run_bench("bench_snapshot.py", "--users", "20", "--attempts", "100", workdir=cluster_dir("bench-snapshot"),
                    server=cluster, schema=schema_template)
    mask = next(line for line in out.splitlines() if line.strip().startswith("mask (one pass per table)"))
    assert "ratio" in mask and mask.rstrip().endswith(("ok)", "OVER)"))
    assert "leak check" in out and "peak RSS" in out


def test_bad_arguments_exit_2(monkeypatch, capsys):
    code, err = main_exit("bench_snapshot.py", "--users", "0", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 2 and "must be positive" in err
