"""scripts/bench_storage.py end to end at a toy size: both copies measured, a ratio printed, night 2 only new files."""

import re
import subprocess
import sys

from polaris_db import REPO_ROOT

SCRIPT = str(REPO_ROOT / "scripts" / "bench_storage.py")


def test_quick_run_prints_the_ratio_and_a_second_night_of_new_files_only():
    result = subprocess.run([sys.executable, SCRIPT, "--files", "40", "--kib", "2", "--large-mib", "0",
                             "--new-percent", "10"], capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stdout[-1000:] + result.stderr[-2000:]
    assert re.search(r"^throughput ours/raw: \d+\.\d\dx \((ok|UNDER), target >= 0\.9x\)$", result.stdout, re.M)
    assert "second night: 4 new of 44 files: 4 read, 4 copied, 40 known by etag" in result.stdout
    assert "(only the new ones)" in result.stdout


def test_bad_arguments_are_one_line_and_exit_2():
    result = subprocess.run([sys.executable, SCRIPT, "--files", "0"], capture_output=True, text=True, timeout=60,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 2 and "must be positive" in result.stderr
