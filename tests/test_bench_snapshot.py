"""scripts/bench_snapshot.py end to end at a toy size: it generates, backs up, restores, masks and prints the ratio."""

import sys

import pytest

from benches import run_bench
from polaris_db import REPO_ROOT

pytestmark = pytest.mark.benchmark

SCRIPT = REPO_ROOT / "scripts" / "bench_snapshot.py"


def test_toy_run_prints_the_ratio_and_memory(cluster_dir, cluster, schema_template):
    out = run_bench("bench_snapshot.py", "--users", "20", "--attempts", "100", workdir=cluster_dir("bench-snapshot"),
                    server=cluster, schema=schema_template)
    mask = next(line for line in out.splitlines() if line.strip().startswith("mask (one pass per table)"))
    assert "ratio" in mask and mask.rstrip().endswith(("ok)", "OVER)"))
    assert "leak check" in out and "peak RSS" in out


def test_bad_arguments_exit_2(monkeypatch, capsys):
    """main() in-process (the script as a process: the toy run above)."""
    monkeypatch.syspath_prepend(str(SCRIPT.parent))
    from bench_snapshot import main

    monkeypatch.setattr(sys, "argv", [str(SCRIPT), "--users", "0"])
    with pytest.raises(SystemExit) as caught:
        main()
    assert caught.value.code == 2 and "must be positive" in capsys.readouterr().err
