"""polaris_db.tasks.namespace: a command line that names tasks imports only their areas; the rest gets every area."""

import subprocess
import sys

from invoke import Program

from polaris_db import REPO_ROOT
from polaris_db.tasks import AREAS, areas_for, namespace, task_areas


def test_the_scanned_areas_are_those_of_the_imported_tasks():
    db = namespace().collections["db"]
    imported = {name: task.body.__module__.rsplit(".", 1)[1] for name, task in db.tasks.items()}
    assert task_areas() == imported and set(imported.values()) == set(AREAS)


def test_a_command_line_gets_the_areas_of_its_tasks_or_every_area():
    assert areas_for(["db.status", "--json"]) == ("cluster",)
    assert areas_for(["db.backup", "--env", "local", "db.status"]) == ("cluster", "backup")
    assert areas_for(["--help", "db.rls-test"]) == ("rls",)
    for argv in (None, [], ["--list"], ["db.no-such-task"], ["db.status", "db.no-such-task"]):
        assert areas_for(argv) == AREAS


def test_inv_imports_only_the_named_tasks_area(capsys):
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "invoke", "--help", "db.status"], cwd=REPO_ROOT,
                            capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert result.returncode == 0 and "Usage: inv[oke] [--core-opts] db.status" in result.stdout, result.stderr[-2000:]
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "polaris_db.cluster" in imported  # the cluster area's (importlib.import_module's own line is not shown)
    assert not {"polaris_db.backups.dump", "polaris_db.review.run", "polaris_db.lint.runner"} & imported
    # `inv --list` gets every area: in-process (tests/tasks/test_output.py runs it through `inv`)
    Program(namespace=namespace(["--list"])).run(["inv", "--list"], exit=False)
    listing = capsys.readouterr().out
    assert "db.review" in listing and "db.status" in listing and "db.backup " in listing
