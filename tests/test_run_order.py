"""tests/run_order.py: the longest files go first (recorded seconds), and on a fresh clone the heavy ones."""

import json
import os
import subprocess
import sys

from polaris_db import REPO_ROOT


def collected_files(cache_dir, *args: str) -> list[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_XDIST")}
    # without the third-party plugins that only load themselves (a second each to import): not about them
    result = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-n", "0", "-p", "no:hypothesispytest",
                             "-p", "no:faker", "-o",
                             f"cache_dir={cache_dir}", *args], cwd=REPO_ROOT, env=env, capture_output=True,
                            text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    files = []
    for line in result.stdout.splitlines():
        file = line.split("::")[0]
        if "::" in line and (not files or files[-1] != file):
            files.append(file)
    return files


def test_fresh_clone_sends_files_with_servers_of_their_own_first(tmp_path):
    files = collected_files(tmp_path / "cache", "tests/test_noxfile.py", "tests/backups/test_end_to_end.py",
                            "tests/test_setup.py", "tests/test_bench_reset.py")
    assert files == ["tests/backups/test_end_to_end.py", "tests/test_bench_reset.py", "tests/test_noxfile.py",
                     "tests/test_setup.py"]
    assert len(set(files)) == len(files)  # each file's tests stay together


def test_recorded_seconds_put_the_longest_file_first(tmp_path):
    record = tmp_path / "cache" / "v" / "polaris" / "file-seconds"
    record.parent.mkdir(parents=True)
    record.write_text(json.dumps({"tests/test_setup.py": 90.0, "tests/backups/test_end_to_end.py": 30.0,
                                  "tests/test_noxfile.py": 0.1}))
    files = collected_files(tmp_path / "cache", "tests/test_noxfile.py", "tests/backups/test_end_to_end.py",
                            "tests/test_setup.py", "tests/test_bench_reset.py")
    # test_bench_reset.py has no record: a heavy file, assumed 60 s
    assert files == ["tests/test_setup.py", "tests/test_bench_reset.py", "tests/backups/test_end_to_end.py",
                     "tests/test_noxfile.py"]
