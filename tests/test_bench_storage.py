"""scripts/bench_storage.py end to end at a toy size: both copies measured, a ratio printed, night 2 only new files."""

import re

import pytest

from benches import main_exit, run_bench

pytestmark = pytest.mark.benchmark


def test_quick_run_prints_the_ratio_and_a_second_night_of_new_files_only(cluster_dir):
    out = run_bench("bench_storage.py", "--files", "10", "--kib", "2", "--large-mib", "0", "--new-percent", "10",
                    workdir=cluster_dir("bench-storage"), timeout=300)
    assert re.search(r"^throughput ours/raw: \d+\.\d\dx \((ok|UNDER), target >= 0\.9x\)$", out, re.M)
    assert "second night: 1 new of 11 files: 1 read, 1 copied, 10 known by etag" in out
    assert "(only the new ones)" in out


def test_bad_arguments_are_one_line_and_exit_2(monkeypatch, capsys):
    code, err = main_exit("bench_storage.py", "--files", "0", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 2 and "must be positive" in err
    assert len([line for line in err.splitlines() if "error" in line]) == 1, err
