"""Run access-matrix cases on a real database, as PostgREST would: inside one transaction that is rolled back.

Each case runs in its own savepoint: `set local role <api role>` plus `request.jwt.claims`, the statement,
then a rollback to the savepoint, so cases never see each other's writes. Outcomes:
  allowed  select/update/delete touched >= 1 row; insert wrote a row (or hit a unique violation, which
           Postgres only raises after privileges and RLS let the row through); execute raised nothing
  denied   select/update/delete touched 0 rows; insert wrote 0 rows; or any of them raised a denial
           (42501 insufficient privilege / RLS check, P0001 a guard's `raise exception`, 23514 check)
  error    anything else (infinite recursion 42P17, a missing column...): always a failure
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass

import psycopg
from psycopg import sql

from .matrix import ACTORS, USER_ACTORS, Case, Entry, Matrix

DENIAL_STATES = frozenset({"42501", "P0001", "23514"})
PLACEHOLDER = re.compile(r":'(\w+)'")
API_ROLES = {"anon": "anon", "service_role": "service_role"}  # every other actor is `authenticated`


def quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def bind(statement: str, values: dict[str, str]) -> str:
    """Replace psql-style `:'name'` placeholders with quoted literals; unknown names are an error."""

    def literal(match: re.Match) -> str:
        if match[1] not in values:
            raise KeyError(f"unknown placeholder :'{match[1]}' (known: {', '.join(sorted(values))})")
        return quote(values[match[1]])

    return PLACEHOLDER.sub(literal, statement)


@dataclass(frozen=True)
class Actors:
    """The throwaway users of one run: their ids, plus `run`, a tag that makes names unique."""

    ids: dict[str, str]
    run: str

    @property
    def values(self) -> dict[str, str]:
        return {**self.ids, "run": self.run}

    def claims(self, actor: str) -> str:
        if actor in API_ROLES:
            return json.dumps({"role": API_ROLES[actor]})
        # user_role: the claim the custom access token hook (0040) adds from profiles.role
        return json.dumps({"sub": self.ids[actor], "role": "authenticated", "aud": "authenticated",
                           "email": f"rls-{self.run}-{actor}@example.invalid",
                           "user_role": actor if actor in ("editor", "admin") else "learner"})


def create_actors(conn: psycopg.Connection, matrix: Matrix) -> Actors:
    """Insert the four throwaway users (the schema's trigger creates their profiles) and promote two."""
    run = uuid.uuid4().hex[:10]
    actors = Actors({actor: str(uuid.uuid4()) for actor in USER_ACTORS}, run)
    for actor in USER_ACTORS:
        values = {"id": actors.ids[actor], "email": f"rls-{run}-{actor}@example.invalid", "run": run}
        conn.execute(bind(matrix.users["create"], values).encode())
        if actor in ("editor", "admin"):
            conn.execute(bind(matrix.users[actor], values).encode())
    return actors


def act_as(conn: psycopg.Connection, actor: str, actors: Actors) -> None:
    """Become the actor for the rest of the current (sub)transaction, exactly as PostgREST does."""
    role = API_ROLES.get(actor, "authenticated")
    conn.execute("select set_config('role', %s, true), set_config('request.jwt.claims', %s, true)",
                 [role, actors.claims(actor)])


@dataclass(frozen=True)
class Outcome:
    rows: int | None = None
    sqlstate: str | None = None
    message: str | None = None

    def verdict(self, command: str) -> str:
        """allowed | denied | error, by the rules in the module docstring."""
        if self.sqlstate is None:
            if command == "execute":
                return "allowed"
            return "allowed" if (self.rows or 0) > 0 else "denied"
        if command == "insert" and self.sqlstate == "23505":
            return "allowed"
        return "denied" if self.sqlstate in DENIAL_STATES else "error"

    def describe(self) -> str:
        if self.sqlstate:
            return f"{self.sqlstate} {self.message}"
        return f"{self.rows} row(s)"


@dataclass(frozen=True)
class Result:
    case: Case
    outcome: Outcome

    @property
    def verdict(self) -> str:
        return self.outcome.verdict(self.case.command)

    @property
    def passed(self) -> bool:
        return self.verdict == ("allowed" if self.case.allowed else "denied")

    def explain(self) -> str:
        expected = "allowed" if self.case.allowed else "denied"
        return f"expected {expected}, got {self.verdict}: {self.outcome.describe()}"


def execute_as(conn: psycopg.Connection, actor: str, actors: Actors, statement: str) -> Outcome:
    """Run one statement as the actor in a savepoint that is always rolled back."""
    try:
        with conn.transaction() as savepoint:
            act_as(conn, actor, actors)
            rows = conn.execute(statement.encode()).rowcount
            raise psycopg.Rollback(savepoint)
    except psycopg.Error as error:
        first = (str(error).strip().splitlines() or [""])[0]
        return Outcome(sqlstate=error.sqlstate or "?????", message=first)
    return Outcome(rows=rows)


class SetupFailed(Exception):
    """An entry's fixture SQL failed: every case of the entry fails with this message."""


def run_case(conn: psycopg.Connection, case: Case, actors: Actors) -> Result:
    """Set up the case's fixture rows (as the connecting role) and run the case, leaving nothing behind."""
    with conn.transaction() as savepoint:
        if case.setup:
            try:
                with conn.transaction():
                    conn.execute(bind(case.setup, actors.values).encode())
            except psycopg.Error as error:
                raise SetupFailed(f"setup of {case.object} failed: {str(error).strip().splitlines()[0]}") from None
        outcome = execute_as(conn, case.actor, actors, bind(case.sql, actors.values))
        raise psycopg.Rollback(savepoint)
    return Result(case, outcome)  # the Rollback above only undid the savepoint


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
    try:
        actors = create_actors(conn, matrix)
        for entry in matrix.entries:
            if entry.optional and not exists(conn, entry):
                continue
            for case in _cases_or_setup_failure(conn, entry):
                result = case if isinstance(case, Result) else _run_or_fail(conn, case, actors)
                results.append(result)
                if on_result:
                    on_result(result)
    finally:
        conn.rollback()
    return results


def _cases_or_setup_failure(conn: psycopg.Connection, entry: Entry):
    try:
        with conn.transaction():
            return entry_cases(conn, entry)
    except (SetupFailed, psycopg.Error) as error:
        message = str(error).strip().splitlines()[0]
        return [Result(Case(entry.name, "setup", actor, True, ""), Outcome(sqlstate="SETUP", message=message))
                for actor in ACTORS[:1]]


def _run_or_fail(conn: psycopg.Connection, case: Case, actors: Actors) -> Result:
    try:
        return run_case(conn, case, actors)
    except SetupFailed as error:
        return Result(case, Outcome(sqlstate="SETUP", message=str(error)))
