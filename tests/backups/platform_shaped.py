"""A database in the shape of a real hosted project, and what "nothing lost" means for its restore.

  build(cluster, name)      the project's schema (tpl_schema's clone) + tests/fixtures/backups/platform_shaped.sql,
                            run by supabase_admin; returns the roles it had to create on the cluster
  forget_roles(cluster, roles)   drop them again: the restoring side has never seen them (as a laptop or CI
                            cluster has never seen a project's `pgsodium_keyholder` or `reporting_reader`)
  snapshot(url)             what must survive a restore: per table row count and content checksum, grants
                            (tables, columns, functions, sequences, schemas, default privileges), policies and
                            sequences' last values, in the schemas a backup holds
  differences(a, b)         the lines that differ, empty when nothing was lost (used=True: sequences may be ahead)

Restores run as `postgres` with `--no-owner`, so restored objects belong to `postgres`: owners, and the owner's
own privileges and those of the admin roles (postgres, supabase_admin), are left out of the comparison.
"""

from __future__ import annotations

from pathlib import Path

import psycopg

from polaris_db.backups.dump import EXCLUDED_DATA, SCHEMAS
from polaris_db.database import clone_database, drop_database

FIXTURE = Path(__file__).parents[1] / "fixtures" / "backups" / "platform_shaped.sql"
# Roles the fixture creates where missing; the restore side must cope without those the cluster lacked.
ROLES = ("supabase_functions_admin", "supabase_realtime_admin", "supabase_replication_admin", "supabase_read_only_user",
         "dashboard_user", "pgbouncer", "pgsodium_keyholder", "pgsodium_keyiduser", "pgsodium_keymaker",
         "supabase_etl_admin", "reporting_reader")
ADMINS = ("postgres", "supabase_admin")


def build(cluster, name: str, template: str = "tpl_schema") -> list[str]:
    with psycopg.connect(cluster.url("postgres"), autocommit=True) as owner:  # the project's database: postgres's
        drop_database(owner, name)
        clone_database(owner, template, name, strategy="file_copy")
        before = {r for (r,) in owner.execute("select rolname from pg_roles")}
    with psycopg.connect(cluster.admin_url(name), autocommit=True) as conn:
        conn.execute(FIXTURE.read_text(encoding="utf-8").encode())
    return [r for r in ROLES if r not in before]


def forget_roles(cluster, roles) -> None:
    """Drop `roles` (and what they hold in any database of the cluster)."""
    if not roles:
        return
    with psycopg.connect(cluster.admin_url("postgres"), autocommit=True) as admin:
        databases = [d for (d,) in admin.execute("select datname from pg_database where datallowconn")]
        present = [r for (r,) in admin.execute("select rolname::text from pg_roles where rolname = any(%s)", (list(roles),))]
    if not present:
        return
    names = ", ".join(f'"{r}"' for r in present)
    for database in databases:
        with psycopg.connect(cluster.admin_url(database), autocommit=True) as conn:
            conn.execute(f"drop owned by {names}")
    with psycopg.connect(cluster.admin_url("postgres"), autocommit=True) as admin:
        admin.execute(f"drop role {names}")


_TABLES = """
select format('%%I.%%I', schemaname, tablename) from pg_tables
 where schemaname = any(%s) and format('%%s.%%s', schemaname, tablename) <> all(%s) order by 1
"""
_GRANTS = """
select kind, object, grantee, privilege, grantable from (
  select 'relation' as kind, c.oid::regclass::text as object, c.relowner as owner, a.*
    from pg_class c, aclexplode(c.relacl) a where c.relnamespace::regnamespace::text = any(%(schemas)s)
  union all
  select 'column', c.oid::regclass::text || '.' || quote_ident(t.attname), c.relowner, a.*
    from pg_attribute t join pg_class c on c.oid = t.attrelid, aclexplode(t.attacl) a
   where c.relnamespace::regnamespace::text = any(%(schemas)s)
  union all
  select 'function', p.oid::regprocedure::text, p.proowner, a.*
    from pg_proc p, aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a  -- NULL: the default (PUBLIC)
   where p.pronamespace::regnamespace::text = any(%(owned)s)
  union all
  select 'schema', n.nspname::text, n.nspowner, a.*
    from pg_namespace n, aclexplode(n.nspacl) a where n.nspname = any(%(owned)s)
) g(kind, object, owner, grantor, grantee_oid, privilege, grantable)
cross join lateral (select case when grantee_oid = 0 then 'public' else grantee_oid::regrole::text end) r(grantee)
where grantee_oid <> owner and grantee <> all(%(admins)s)
order by 1, 2, 3, 4
"""
_DEFAULT_ACL = """
select d.defaclrole::regrole::text, n.nspname, d.defaclobjtype::text,
       case when a.grantee = 0 then 'public' else a.grantee::regrole::text end, a.privilege_type
  from pg_default_acl d join pg_namespace n on n.oid = d.defaclnamespace, aclexplode(d.defaclacl) a
 where n.nspname = any(%s) and a.grantee <> d.defaclrole order by 1, 2, 3, 4, 5
"""
_POLICIES = """
select schemaname, tablename, policyname, permissive, roles::text[], cmd, qual, with_check
  from pg_policies where schemaname = any(%s) order by 1, 2, 3
"""
_SEQUENCES = "select format('%%I.%%I', schemaname, sequencename), last_value from pg_sequences where schemaname = any(%s) order by 1"


def snapshot(url: str, schemas=SCHEMAS) -> dict[str, object]:
    owned = [s for s in schemas if s in ("public", "supabase_migrations")]
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("set search_path = ''")  # object names schema-qualified, whatever the role's setting
        tables = {}
        for (table,) in conn.execute(_TABLES, (list(schemas), list(EXCLUDED_DATA))).fetchall():
            tables[table] = conn.execute(
                f"select count(*), md5(coalesce(string_agg(to_jsonb(t)::text, ',' order by to_jsonb(t)::text), ''))"
                f" from {table} t").fetchone()
        return {
            "tables": tables,
            "grants": conn.execute(_GRANTS, {"schemas": list(schemas), "owned": owned, "admins": list(ADMINS)}).fetchall(),
            "default privileges": conn.execute(_DEFAULT_ACL, (owned,)).fetchall(),
            "policies": conn.execute(_POLICIES, (list(schemas),)).fetchall(),
            "sequences": conn.execute(_SEQUENCES, (list(schemas),)).fetchall(),
        }


def _rows(rows) -> set[tuple]:
    return {tuple(tuple(v) if isinstance(v, list) else v for v in row) for row in rows}


def differences(source: dict, restored: dict, *, used: bool = False) -> list[str]:
    """Human-readable differences, `[]` when the restored database holds everything the source did.

    `used`: checks ran on the restored database (the drill's RLS script, rehearse's suites) and rolled their
    rows back; sequences do not roll back, so they may only be ahead of the source's.
    """
    out = []
    if used:
        ahead = dict(source["sequences"])
        restored = {**restored, "sequences": [(name, ahead[name]) if name in ahead and (value or 0) >= (ahead[name] or 0)
                                              else (name, value) for name, value in restored["sequences"]]}
    for table in sorted(set(source["tables"]) | set(restored["tables"])):
        a, b = source["tables"].get(table), restored["tables"].get(table)
        if a != b:
            out.append(f"{table}: source {a}, restored {b}")
    for key in ("grants", "default privileges", "policies", "sequences"):
        a, b = _rows(source[key]), _rows(restored[key])
        out += [f"{key}: lost {row}" for row in sorted(a - b, key=str)]
        out += [f"{key}: extra {row}" for row in sorted(b - a, key=str)]
    return out
