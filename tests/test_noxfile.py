"""The nox split: each default session's tests exist where the noxfile says, so `tests` never runs them twice."""

import ast

from polaris_db import REPO_ROOT

NOXFILE = REPO_ROOT / "noxfile.py"


def assigned(name: str):
    """The literal value the noxfile assigns to `name` (read, not imported: nox is not in the test group)."""
    tree = ast.parse(NOXFILE.read_text())
    return next(ast.literal_eval(n.value) for n in tree.body
                if isinstance(n, ast.Assign) and ast.unparse(n.targets[0]) == name)


def _paths(mapping: str):
    for session, paths in assigned(mapping).items():
        for path in paths:
            yield session, path


def test_default_sessions_run_each_check_once():
    default = assigned("nox.options.sessions")
    for session in assigned("OWN_SESSION"):
        assert session in default, f"{session} is not a default session: its tests would never run"
    for session in assigned("SUBSET"):
        assert session not in default, f"{session} runs a part of `tests`: as a default session it runs twice"


def test_every_path_the_noxfile_names_exists():
    for session, path in [*_paths("OWN_SESSION"), *_paths("SUBSET")]:
        file, _, test = path.partition("::")
        assert (REPO_ROOT / file).exists(), f"{path} (run by nox -s {session}) was moved: update noxfile.py"
        if test:
            assert f"def {test}(" in (REPO_ROOT / file).read_text(), f"{path} was renamed: update noxfile.py"
