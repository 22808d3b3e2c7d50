"""Catalog audits on a built database. Each audit returns findings that name the object at fault.

Rules (why each exists is in ops/docs/rls-tests.md):
  rls-disabled            a table or partition clients can reach has row level security off
  policy-without-using    a select/update/delete/all policy with no USING expression
  policy-without-check    an insert/update/all policy with no explicit WITH CHECK (we do not rely on
                          Postgres reusing USING for update: the written check documents the intent)
  write-policy-always-true  a write policy for anon/authenticated/public whose USING or CHECK is `true`
  definer-search-path     a security definer function without `set search_path`
  definer-public-execute  a security definer function executable by PUBLIC (no explicit grants)
  definer-view            a view/matview clients can read that runs as its owner over RLS tables,
                          unless the matrix lists it as a public aggregate and it is aggregate-only
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import psycopg
from pglast import ast, parse_sql

from .catalog import PLATFORM_SCHEMAS, STORAGE_TABLES, Relation, app_schemas, relations
from .clauses import missing_clauses
from .definers import RULE as DEFINER_RULE, pins_search_path, unpinned


@dataclass(frozen=True)
class Finding:
    rule: str
    object: str
    message: str

    def __str__(self) -> str:
        return f"{self.object}: {self.rule}: {self.message}"


CLIENT_ROLES = ("anon", "authenticated")
COMMANDS = {"r": "select", "a": "insert", "w": "update", "d": "delete", "*": "all"}


def rls_disabled(conn: psycopg.Connection) -> list[Relation]:
    """Tables and partitions clients can reach with row level security off (this audit and PC301)."""
    return [r for r in relations(conn) if r.kind in ("table", "partition") and not r.rls]


def audit_rls_enabled(conn: psycopg.Connection) -> list[Finding]:
    return [
        Finding("rls-disabled", r.name, f"{r.kind} has row level security disabled: every API role reads and "
                                        f"writes all of it (alter table {r.name} enable row level security)")
        for r in rls_disabled(conn)
    ]


_POLICIES = """
select format('%%I.%%I', n.nspname, c.relname), p.polname, p.polcmd,
       pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid),
       0 = any(p.polroles) or exists (select 1 from pg_roles r where r.oid = any(p.polroles)
                                      and r.rolname = any(%(client)s))
from pg_policy p
join pg_class c on c.oid = p.polrelid
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = any(%(schemas)s) or (n.nspname = 'storage' and c.relname = any(%(storage)s))
order by 1, 2
"""


def audit_policies(conn: psycopg.Connection) -> list[Finding]:
    findings = []
    params = {"schemas": app_schemas(conn), "storage": list(STORAGE_TABLES), "client": list(CLIENT_ROLES)}
    for table, name, cmd, using, check, for_clients in conn.execute(_POLICIES, params):
        command = COMMANDS[cmd]
        missing = missing_clauses(command, has_using=using is not None, has_check=check is not None)
        if "using" in missing:
            findings.append(Finding("policy-without-using", table, f"policy {name!r} (for {command}) has no USING"))
        if "with check" in missing:
            findings.append(Finding("policy-without-check", table,
                                    f"policy {name!r} (for {command}) has no explicit WITH CHECK"))
        if cmd != "r" and for_clients and "true" in (_bare(using), _bare(check)):
            findings.append(Finding("write-policy-always-true", table,
                                    f"policy {name!r} (for {command}) lets any client write any row (true)"))
    return findings


def _bare(expression: str | None) -> str | None:
    return expression.strip("() ").lower() if expression else None


_DEFINERS = """
select format('%%I.%%I(%%s)', n.nspname, p.proname, oidvectortypes(p.proargtypes)),
       coalesce(p.proconfig, '{}'),
       p.proacl is null or exists (select 1 from aclexplode(p.proacl) a
                                   where a.grantee = 0 and a.privilege_type = 'EXECUTE'),
       p.prorettype in ('trigger'::regtype, 'event_trigger'::regtype)
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
where p.prosecdef
  and (n.nspname <> all(%(platform)s) or n.nspname = any(%(schemas)s))
  and n.nspname not like 'pg\\_%%'
  and not exists (select 1 from pg_depend d
                  where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
order by 1
"""


def audit_security_definers(conn: psycopg.Connection) -> list[Finding]:
    findings = []
    params = {"platform": sorted(PLATFORM_SCHEMAS), "schemas": app_schemas(conn)}
    for function, settings, public_execute, is_trigger in conn.execute(_DEFINERS, params):
        if not pins_search_path(settings):
            findings.append(Finding(DEFINER_RULE, function, unpinned(function)))
        if public_execute and not is_trigger:
            findings.append(Finding("definer-public-execute", function,
                                    "security definer function executable by PUBLIC: revoke it and grant "
                                    "execute only to the roles that need it"))
    return findings


_VIEW_SOURCES = """
with recursive deps(view_oid, ref) as (
  select r.ev_class, d.refobjid
  from pg_rewrite r
  join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = r.oid
                  and d.refclassid = 'pg_class'::regclass and d.refobjid <> r.ev_class
  where r.ev_class = %(view)s::regclass
  union
  select deps.view_oid, d.refobjid
  from deps
  join pg_rewrite r on r.ev_class = deps.ref
  join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = r.oid
                  and d.refclassid = 'pg_class'::regclass and d.refobjid <> r.ev_class
)
select distinct format('%%I.%%I', n.nspname, c.relname)
from deps join pg_class c on c.oid = deps.ref join pg_namespace n on n.oid = c.relnamespace
where c.relrowsecurity
order by 1
"""
_CLIENT_CAN_READ = "select bool_or(has_table_privilege(r, %s::regclass, 'select')) from unnest(%s::text[]) r"
# Output columns that identify a person: a public aggregate must not have one.
PERSONAL_COLUMN = re.compile(r"(^|_)(user|profile|learner|owner|author|customer)(_id)?$|email", re.I)


def audit_views(conn: psycopg.Connection, public_aggregates: frozenset[str] = frozenset()) -> list[Finding]:
    findings = []
    for view in relations(conn):
        if view.kind not in ("view", "matview") or (view.kind == "view" and view.security_invoker):
            continue
        if not conn.execute(_CLIENT_CAN_READ, [view.name, list(CLIENT_ROLES)]).fetchone()[0]:
            continue  # server-only: clients have no select privilege
        sources = [r[0] for r in conn.execute(_VIEW_SOURCES, {"view": view.name})]
        if not sources:
            continue
        runs_as = "materialized view (no RLS at all)" if view.kind == "matview" else "view runs as its owner"
        if view.name not in public_aggregates:
            findings.append(Finding("definer-view", view.name,
                                    f"{runs_as} over RLS tables {', '.join(sources)} and clients can read it: "
                                    "use security_invoker, revoke select, or list it as public_aggregate"))
            continue
        problem = _not_aggregate_only(conn, view.name)
        if problem:
            findings.append(Finding("definer-view", view.name, f"listed as public_aggregate but {problem}"))
    return findings


def _not_aggregate_only(conn: psycopg.Connection, view: str) -> str | None:
    """Why the view's top-level query is not an aggregate without personal columns, or None."""
    definition = conn.execute("select pg_get_viewdef(%s::regclass)", [view]).fetchone()[0]
    select = parse_sql(definition)[0].stmt
    columns = [r[0] for r in conn.execute(
        "select attname from pg_attribute where attrelid = %s::regclass and attnum > 0 and not attisdropped",
        [view])]
    personal = [c for c in columns if PERSONAL_COLUMN.search(c)]
    if personal:
        return f"it exposes personal column(s) {', '.join(personal)}"
    aggregates = {r[0] for r in conn.execute("select distinct proname from pg_proc where prokind = 'a'")}
    if getattr(select, "groupClause", None) or _calls_aggregate(select.targetList or (), aggregates):
        return None
    return "its top-level query neither groups nor aggregates (it returns rows)"


def _calls_aggregate(node, aggregates: set[str]) -> bool:
    if isinstance(node, ast.FuncCall):
        return node.funcname[-1].sval in aggregates
    if isinstance(node, ast.Node):
        return any(_calls_aggregate(getattr(node, name), aggregates) for name in node)
    if isinstance(node, (tuple, list)):
        return any(_calls_aggregate(item, aggregates) for item in node)
    return False


def run_audits(conn: psycopg.Connection, public_aggregates: frozenset[str] = frozenset()) -> list[Finding]:
    """Every audit, findings sorted by object so one table's problems read together."""
    findings = [
        *audit_rls_enabled(conn),
        *audit_policies(conn),
        *audit_security_definers(conn),
        *audit_views(conn, public_aggregates),
    ]
    return sorted(findings, key=lambda f: (f.object, f.rule, f.message))
