"""Every bench script under scripts/ has a test that runs it at a toy size (tests/test_<script>.py)."""

from polaris_db import REPO_ROOT


def test_every_bench_script_is_run_by_a_test():
    for script in sorted((REPO_ROOT / "scripts").glob("bench_*.py")):
        test = REPO_ROOT / "tests" / f"test_{script.name}"
        assert test.is_file(), f"{script.name} has no test: add {test.relative_to(REPO_ROOT)} (tests/benches.py runs it)"
        assert f'"{script.name}"' in test.read_text(), f"{test.name} does not run {script.name}"
