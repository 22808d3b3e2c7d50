"""Render ops/supabase/tests/rls_tests.sql: the access matrix as a script that plain psql runs.

The matrix is the source; the script is its psql-only form for places without this package (the CI
step of the ops README, staging, a restored backup). It is the helpers of `rls_tests.sql.head`, the
throwaway users, every entry's fixture rows once, then per entry one `rls_check` per matrix case (the first
writes the entry's fixture rows, the others reuse them) and a rollback to the savepoint that undoes them, and
the summary.
Table updates without a `touch` use the primary key, which needs the catalog: rendering reads a
database at head (`inv db.rls-script` builds a throwaway one). A test fails while the committed
script differs from a fresh rendering.
"""

from __future__ import annotations

from pathlib import Path

import psycopg

from ..errors import ConfigError
from .matrix import USER_ACTORS, Matrix
from .runner import OBJECT_SAVEPOINT, SetupFailed, entry_cases, exists
from .script import HEAD_PATH

GENERATED = ("-- GENERATED from access_matrix.toml and rls_tests.sql.head by `inv db.rls-script`: edit those,\n"
             "-- then regenerate. Everything below the helpers is rendered by src/polaris_db/rls/render.py.\n")


def literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def dollar_quoted(text: str) -> str:
    """$q$text$q$ with a tag that does not occur in the text (psql leaves dollar-quoted text alone)."""
    tag, n = "q", 0
    while f"${tag}$" in text:
        n += 1
        tag = f"q{n}"
    return f"${tag}${text}${tag}$"


def _users(matrix: Matrix) -> list[str]:
    """The matrix's user statements with psql variables: :'owner' etc. come from the head's \\gset."""
    lines = ["-- Throwaway users (the schema's trigger creates their profiles), then the promotions."]
    for actor in USER_ACTORS:
        email = f"('rls-' || :'run' || '-{actor}@example.invalid')"
        create = matrix.users["create"].strip().replace(":'id'", f":'{actor}'").replace(":'email'", email)
        lines.append(create + ";")
    for actor in ("editor", "admin"):
        lines.append(matrix.users[actor].strip().replace(":'id'", f":'{actor}'") + ";")
    return lines


def render(matrix: Matrix, conn: psycopg.Connection, head_path: Path = HEAD_PATH) -> str:
    """The whole script, for the schema `conn` is connected to (read only)."""
    checks: list[str] = []
    fixtures: list[str] = []
    for entry in matrix.entries:
        if entry.optional and not exists(conn, entry):
            continue
        key = f"{entry.kind} {entry.name}"
        if entry.setup:
            fixtures.append(f"insert into rls_setup values ({literal(entry.name)}, {dollar_quoted(entry.setup.strip())});")
        checks.append(f"\n-- {key}" + (f": {entry.note}" if entry.note else ""))
        try:
            cases = entry_cases(conn, entry)
        except SetupFailed as error:  # e.g. a table without a primary key and no `touch`
            raise ConfigError(f"{matrix.path.name}: {key}: {error}") from None
        for case in cases:
            expect = "allow" if case.allowed else "deny"
            checks.append(f"select pg_temp.rls_check({literal(case.title)}, '{case.actor}', '{case.command}', "
                          f"{literal(case.object)}, {dollar_quoted(case.sql.strip())}, '{expect}');")
        checks.append(f"rollback to savepoint {OBJECT_SAVEPOINT};  -- undo the fixture rows of {entry.name}")
    count = sum(line.startswith("select pg_temp.rls_check(") for line in checks)
    parts = [
        head_path.read_text(encoding="utf-8").rstrip("\n"),
        "",
        GENERATED,
        *_users(matrix),
        "",
        "-- Fixture rows per object: its first check writes them, its other checks see them, the rollback to",
        f"-- savepoint {OBJECT_SAVEPOINT} after its last check undoes them.",
        *fixtures,
        "",
        f"\\echo 1..{count}",
        f"savepoint {OBJECT_SAVEPOINT};  -- holds one object's fixture rows at a time",
        *checks,
        "",
        "select pg_temp.rls_summary();",
        "",
        "-- A failure stops psql here (ON_ERROR_STOP: exit code 3); the transaction dies with the session.",
        "do $$",
        "begin",
        "  if pg_temp.rls_count('rls_failures') > 0 then",
        "    raise exception '% check(s) failed: see the not ok lines above', pg_temp.rls_count('rls_failures');",
        "  end if;",
        "end",
        "$$;",
        "",
        "rollback;",
    ]
    return "\n".join(parts) + "\n"
