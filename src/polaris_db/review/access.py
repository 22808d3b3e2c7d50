"""Who gains or loses access: the access matrix's probes and a privilege probe, on base and on head; the changes.

Two probes, both run on the same scratch database before and after the migrations:
- the matrix's cases (every actor x object x command, the attacks, storage), through `rls.runner.run_matrix`,
  the one executor `inv db.rls-test` uses, all rolled back: a case whose verdict changed is listed;
- every column of every public table and view read as `anon` and as a signed-in stranger (`authenticated`, a
  user id with no rows of its own) in a rolled-back transaction: readable when rows come back (a denied privilege
  or row security hiding every row is not readable); the catalog, per API role, for what it may insert, update
  (a column privilege, and row security off or a policy for that command naming the role) and execute:
  `anon: SELECT public.drill_items.expected_answer newly allowed`.
A change is *recorded* when the head's matrix file expects the new behaviour: a case's verdict its allow list
gives; a column read only a named case of that table selecting that column as that actor (the table's allow
list does not speak for each column); a write or an execute by the entry's allow list. An unrecorded change is
a blocker: either the matrix is updated in the same pull request, or the change is a leak.
"""

from __future__ import annotations

from dataclasses import dataclass

import psycopg
from psycopg import sql

from ..database import connection
from ..rls.matrix import USER_ACTORS, Matrix
from ..rls.runner import run_matrix
from ..shim import superuser_connection

ROLES = {"anon": ("anon",), "authenticated": USER_ACTORS, "service_role": ("service_role",)}
_COMMAND = {"r": "select", "a": "insert", "w": "update"}
GRANTS = """
select r.rolname, p.priv, n.nspname || '.' || c.relname, a.attname
from pg_class c
join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
cross join (values ('INSERT', 'a'), ('UPDATE', 'w')) p(priv, cmd)
join pg_roles r on r.rolname = any(%(roles)s)
where c.relkind in ('r', 'p', 'v', 'm')
  and has_column_privilege(r.oid, c.oid, a.attnum, p.priv)
  and (not c.relrowsecurity or r.rolbypassrls or exists (
        select 1 from pg_policy pol where pol.polrelid = c.oid and pol.polcmd in ('*', p.cmd)
          and (pol.polroles @> array[0::oid] or r.oid = any(pol.polroles))))
union all
select r.rolname, 'EXECUTE', n.nspname || '.' || f.proname || '(' || oidvectortypes(f.proargtypes) || ')', null
from pg_proc f join pg_namespace n on n.oid = f.pronamespace and n.nspname = 'public'
join pg_roles r on r.rolname = any(%(roles)s)
where has_function_privilege(r.oid, f.oid, 'EXECUTE')
"""


@dataclass(frozen=True)
class Change:
    who: str  # actor or role
    what: str  # "SELECT public.drill_items.expected_answer", "select public.drills", "update_own_profile (...)"
    now: str  # allowed | denied | error
    recorded: bool

    def __str__(self) -> str:
        state = {"allowed": "newly allowed", "denied": "newly denied"}.get(self.now, f"now {self.now}")
        return f"{self.who}: {self.what} {state}"


@dataclass
class Snapshot:
    cases: dict[str, tuple]  # case id -> (verdict, case)
    grants: set[tuple[str, str, str, str | None]]  # (role, privilege, object, column)


COLUMNS = """select n.nspname || '.' || c.relname, a.attname from pg_class c
join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
where c.relkind in ('r', 'p', 'v', 'm') order by 1, a.attnum"""
STRANGER = "00000000-0000-4000-8000-00000000beef"


def readable(conn: psycopg.Connection) -> set[tuple[str, str, str, str]]:
    """(role, 'SELECT', table, column) for every column that role reads rows of; all rolled back."""
    columns = conn.execute(COLUMNS).fetchall()
    found = set()
    for role in ("anon", "authenticated"):
        with conn.transaction(force_rollback=True):
            conn.execute(sql.SQL("set local role {}").format(sql.Identifier(role)))
            claims = '{"role": "%s"%s}' % (role, f', "sub": "{STRANGER}"' if role == "authenticated" else "")
            conn.execute("select set_config('request.jwt.claims', %s, true)", (claims,))
            for table, column in columns:
                query = sql.SQL("select exists (select {} from {})").format(
                    sql.Identifier(column), sql.Identifier(*table.split(".", 1)))
                try:
                    with conn.transaction():
                        if conn.execute(query).fetchone()[0]:
                            found.add((role, "SELECT", table, column))
                except psycopg.Error:
                    pass  # denied, or an error: not readable
    return found


def settle(conn: psycopg.Connection) -> None:
    """`vacuum analyze` every table (as the superuser: auth's and storage's too), so that both sides are probed on
    the same physical state. A matrix run leaves the dead rows of its rolled-back fixtures (public.drills grows
    from 1 page to 30 in one run): without this, the head's probe alone planned match_drills() as an approximate
    HNSW index scan (the base's, a sequential scan), and autovacuum, when it ran in between, decided which."""
    with superuser_connection(conn) as admin:
        autocommit, admin.autocommit = admin.autocommit, True  # vacuum runs outside a transaction
        try:
            admin.execute("vacuum analyze")
        finally:
            admin.autocommit = autocommit


def probe(url: str, matrix: Matrix) -> Snapshot:
    with connection(url) as conn:
        settle(conn)
        grants = {tuple(row) for row in conn.execute(GRANTS, {"roles": list(ROLES)})} | readable(conn)
    with psycopg.connect(url) as conn:  # autocommit off: run_matrix rolls everything back
        results = run_matrix(conn, matrix)
    return Snapshot({r.case.id: (r.verdict, r.case) for r in results}, grants)


def _matrix_allows(matrix: Matrix, obj: str, command: str, actors: tuple[str, ...]) -> bool | None:
    """Whether the matrix lets any of `actors` run `command` on `obj` (None: the matrix has no entry)."""
    for entry in matrix.entries:
        if entry.name == obj or (entry.kind == "function" and entry.name.split("(")[0] == obj.split("(")[0]):
            return any(actor in entry.allow.get(command, ()) for actor in actors)
    return None


def _case_reads(matrix: Matrix, table: str, column: str, actors: tuple[str, ...]) -> bool | None:
    """Whether a named case of the table's entry selects this column as one of `actors` and expects it allowed."""
    for entry in matrix.entries:
        if entry.name != table:
            continue
        for case in entry.cases:
            if case.get("command") == "select" and column in case.get("sql", "") and \
                    set(case.get("actors", actors)) & set(actors):
                return bool(set(case.get("allow", ())) & set(actors))
    return None


def diff(base: Snapshot, head: Snapshot, matrix: Matrix) -> list[Change]:
    changes: list[Change] = []
    for key, (verdict, case) in head.cases.items():
        before = base.cases.get(key)
        if before is None or before[0] == verdict or "setup failed" in (verdict, before[0]):
            continue
        action = case.name and f"{case.name} ({case.object})" or f"{case.command} {case.object}"
        changes.append(Change(case.actor, action, verdict, case.allowed == (verdict == "allowed")))
    for grants, now in ((head.grants - base.grants, "allowed"), (base.grants - head.grants, "denied")):
        for role, privilege, obj, column in sorted(grants, key=lambda g: tuple(map(str, g))):
            command = "execute" if privilege == "EXECUTE" else privilege.lower()
            allows = (_case_reads(matrix, obj, column, ROLES[role]) if privilege == "SELECT"
                      else _matrix_allows(matrix, obj, command, ROLES[role]))
            what = f"{privilege} {obj}" + (f".{column}" if column else "")
            changes.append(Change(role, what, now, allows is not None and allows == (now == "allowed")))
    return changes
