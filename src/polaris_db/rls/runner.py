"""Run access-matrix cases on a real database through the psql script's own helpers: one executor.

`start` runs the definitions block of ops/supabase/tests/rls_tests.sql.head (temporary tables and the
pg_temp.rls_* functions) in the connection's transaction and creates the throwaway users; `run_case`
calls pg_temp.rls_case, the function behind every `rls_check` line of the script, and reads its row back.
So the verdict (allowed | denied | error | setup failed: the rules are at the top of the head), the
explanation and the placeholder binding are decided in SQL alone, and the Python API cannot disagree
with the script. As in the script, an object's fixture rows are written once, by its first case, inside a
savepoint (`rls_object`) that is rolled back to before the next object's cases; each case runs in a savepoint
of its own inside rls_case, always undone. `run_matrix` rolls the whole transaction back at the end, so
nothing is left behind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

from .matrix import ACTORS, USER_ACTORS, Case, Entry, Matrix
from .script import HEAD_PATH

OBJECT_SAVEPOINT = "rls_object"  # holds one object's fixture rows (the script's `savepoint rls_object` lines)
PLACEHOLDER = re.compile(r":'(\w+)'")
DEFINITIONS = re.compile(r"^-- >>> definitions\b.*?\n(.*)^-- <<< definitions$", re.S | re.M)


def quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def bind(statement: str, values: dict[str, str]) -> str:
    """Replace psql-style `:'name'` placeholders with quoted literals (the matrix's [users] statements,
    whose :'id' and :'email' the script gets from psql variables); unknown names are an error."""

    def literal(match: re.Match) -> str:
        if match[1] not in values:
            raise KeyError(f"unknown placeholder :'{match[1]}' (known: {', '.join(sorted(values))})")
        return quote(values[match[1]])

    return PLACEHOLDER.sub(literal, statement)


def definitions(head_path: Path = HEAD_PATH) -> str:
    """The SQL between `-- >>> definitions` and `-- <<< definitions` in the head: no psql meta-commands."""
    found = DEFINITIONS.search(head_path.read_text(encoding="utf-8"))
    if not found:
        raise ValueError(f"{head_path}: no `-- >>> definitions` ... `-- <<< definitions` block")
    return found[1]


@dataclass(frozen=True)
class Actors:
    """The throwaway users of one run (ids from the head's rls_actor), plus `run`, the tag of rls_run."""

    ids: dict[str, str]
    run: str

    @property
    def values(self) -> dict[str, str]:
        return {**self.ids, "run": self.run}


def start(conn: psycopg.Connection, matrix: Matrix) -> Actors:
    """Install the head's definitions in the current transaction, then insert the four throwaway users
    (the schema's trigger creates their profiles) and promote two, as the rendered script does."""
    conn.execute(definitions().encode())
    actors = Actors(dict(conn.execute("select actor, id::text from rls_actor").fetchall()),
                    conn.execute("select tag from rls_run").fetchone()[0])
    for actor in USER_ACTORS:
        values = {"id": actors.ids[actor], "email": f"rls-{actors.run}-{actor}@example.invalid", "run": actors.run}
        conn.execute(bind(matrix.users["create"], values).encode())
        if actor in ("editor", "admin"):
            conn.execute(bind(matrix.users[actor], values).encode())
    return actors


@dataclass(frozen=True)
class Outcome:
    """What pg_temp.rls_case recorded: its verdict, and the rows touched or the error raised."""

    verdict: str  # allowed | denied | error | setup failed
    rows: int | None = None
    sqlstate: str | None = None
    message: str | None = None


@dataclass(frozen=True)
class Result:
    case: Case
    outcome: Outcome
    passed: bool
    explanation: str  # "expected allowed, got denied: 42501 permission denied ...", worded by rls_case
    number: int | None = None  # the rls_tap row, as the script would number the TAP line

    @property
    def verdict(self) -> str:
        return self.outcome.verdict

    def explain(self) -> str:
        return self.explanation


CASE_QUERY = ("select n, ok, verdict, rows, sqlstate, message, explanation "
              "from pg_temp.rls_case(%s, %s, %s, %s, %s, %s, %s)")


def run_case(conn: psycopg.Connection, case: Case) -> Result:
    """One `rls_check` of the script, for this case (after `start` in the same transaction): the statement as
    the actor, undone, on the fixture rows of its object; the actors' ids and the run tag come from
    rls_actor/rls_run. The fixture rows stay for the next case of the same object; a case of another object
    first rolls them back (savepoint rls_object), so no case sees another object's fixture or another case's
    writes."""
    in_place = conn.execute("select object from rls_fixture").fetchone()
    if in_place is None:
        conn.execute(f"savepoint {OBJECT_SAVEPOINT}")
    elif in_place[0] != case.object:
        conn.execute(f"rollback to savepoint {OBJECT_SAVEPOINT}")
    return _judge(conn, case)


def _judge(conn: psycopg.Connection, case: Case) -> Result:
    """pg_temp.rls_case for `case`, inside the savepoint that holds (or is to hold) its object's fixture rows."""
    row = conn.execute(CASE_QUERY, [case.title, case.actor, case.command, case.object, case.sql,
                                    "allow" if case.allowed else "deny", case.setup]).fetchone()
    number, passed, verdict, rows, sqlstate, message, explanation = row
    return Result(case, Outcome(verdict, rows, sqlstate, message), passed, explanation, number)


class SetupFailed(Exception):
    """An entry's cases cannot be built (a table without a primary key and no `touch`)."""


def default_touch(conn: psycopg.Connection, table: str) -> str:
    """`col = col` on the first primary-key column: an update that changes nothing but passes through RLS."""
    row = conn.execute(
        """select a.attname from pg_index i
           join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
           where i.indrelid = %s::regclass and i.indisprimary""", [table]).fetchone()
    if not row:
        raise SetupFailed(f"{table} has no primary key: give its matrix entry a `touch` (set clause)")
    column = sql.Identifier(row[0]).as_string(conn)
    return f"{column} = {column}"


def entry_cases(conn: psycopg.Connection, entry: Entry) -> list[Case]:
    touch = None
    if entry.kind == "table" and not entry.touch:
        touch = default_touch(conn, entry.name)
    return entry.expand(touch)


def exists(conn: psycopg.Connection, entry: Entry) -> bool:
    if entry.kind == "function":
        query = "select to_regprocedure(%s) is not null"
    elif entry.kind == "bucket":
        query = "select exists (select 1 from storage.buckets where id = %s)"
    else:
        query = "select to_regclass(%s) is not null"
    return conn.execute(query, [entry.name]).fetchone()[0]


def run_matrix(conn: psycopg.Connection, matrix: Matrix, on_result=None) -> list[Result]:
    """Every case of every entry that exists, in one transaction rolled back at the end."""
    if conn.autocommit:
        raise ValueError("run_matrix needs a connection with autocommit off (it rolls everything back)")
    results: list[Result] = []
    settle(conn)
    try:
        start(conn, matrix)
        conn.execute(f"savepoint {OBJECT_SAVEPOINT}")
        for entry in matrix.entries:
            if entry.optional and not exists(conn, entry):
                continue
            for case in _cases_or_setup_failure(conn, entry):
                result = case if isinstance(case, Result) else _judge(conn, case)
                results.append(result)
                if on_result:
                    on_result(result)
            conn.execute(f"rollback to savepoint {OBJECT_SAVEPOINT}")  # undo the entry's fixture rows
    finally:
        conn.rollback()
    return results


def settle(conn: psycopg.Connection) -> None:
    """`vacuum public.drills` before a run, as the script's head does (why: there). Only between transactions."""
    if conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
        return
    if conn.execute("select to_regclass('public.drills') is not null").fetchone()[0]:
        conn.rollback()  # the lookup opened a transaction; vacuum runs outside one
        conn.autocommit = True
        try:
            conn.execute("vacuum public.drills")
        finally:
            conn.autocommit = False
    else:
        conn.rollback()


def _cases_or_setup_failure(conn: psycopg.Connection, entry: Entry):
    """The entry's cases, or one failed result naming why they cannot be built (the script's rendering
    refuses such an entry with the same message)."""
    try:
        with conn.transaction():
            return entry_cases(conn, entry)
    except (SetupFailed, psycopg.Error) as error:
        message = str(error).strip().splitlines()[0]
        return [Result(Case(entry.name, "setup", actor, True, ""), Outcome("setup failed", message=message),
                       False, f"expected allowed, got setup failed: {message}") for actor in ACTORS[:1]]
