"""Restore a proven archive into a database and compare it with the manifest (row counts, migration history).

The archive comes from `fetch.fetched()` (checksums and manifest already proven); `targets.py` decides
where it goes (a side database that replaces the target only once proven, or an empty hosted project).
The database is made ready (fresh: the platform shim; hosted: must be empty), then one
`pg_restore -L <plan>` runs (`-j N`, or `--single-transaction` for a hosted target). The plan is the archive's table of contents filtered the way
`supabase db dump` separates roles, schema and data:

- `public`, `supabase_migrations` (owned by the project): everything, schema and data;
- `auth`, `storage` (owned by the platform): only the rows, their sequences' values (where the restoring role
  may set them: new sessions must not reuse restored ids) and the project's own triggers and policies on
  platform tables; the platform (or the shim) provides the definitions;
- roles are never in the archive: `roles.py` reads the ones the restored entries name; the embedded side
  creates the missing ones as NOLOGIN placeholders, a hosted target must have them all.

Data is loaded with `session_replication_role = replica`, as Supabase's restore guide does, so
platform triggers do not fire on loaded rows.
"""

from __future__ import annotations

import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pglast
import psycopg
from pglast.stream import RawStream
from psycopg import sql

from ..cluster import bin_path
from ..database import connection, recreate_database
from ..errors import BackupError
from ..psql import tool_env
from . import roles
from .dump import DUMP_TIMEOUT, OWNED_SCHEMAS, PLATFORM_SCHEMAS, migration_versions, row_counts, run_tool
from .manifest import Manifest

_TYPES = sorted(("TABLE DATA", "SEQUENCE SET", "SEQUENCE OWNED BY", "FK CONSTRAINT", "CHECK CONSTRAINT",
                 "ROW SECURITY", "MATERIALIZED VIEW DATA", "MATERIALIZED VIEW", "DEFAULT ACL", "EVENT TRIGGER",
                 "FOREIGN TABLE", "LARGE OBJECT", "STATISTICS DATA", "PUBLICATION TABLE", "TABLE ATTACH",
                 "INDEX ATTACH", "SHELL TYPE", "TEXT SEARCH CONFIGURATION", "TEXT SEARCH DICTIONARY",
                 "OPERATOR CLASS", "OPERATOR FAMILY", "ACCESS METHOD", "PROCEDURAL LANGUAGE",
                 "FOREIGN DATA WRAPPER", "USER MAPPING", "DATABASE PROPERTIES"), key=len, reverse=True)
_ENTRY = re.compile(r"^\d+; \d+ \d+ (?P<rest>.*)$")


@dataclass(frozen=True)
class Entry:
    """One line of `pg_restore --list`: `id; tableoid oid TYPE namespace tag owner`."""

    line: str
    type: str
    namespace: str
    tag: str


def parse_list(text: str) -> list[Entry]:
    entries = []
    for line in text.splitlines():
        match = _ENTRY.match(line)
        if not match:
            continue
        rest = match["rest"]
        kind = next((t for t in _TYPES if rest.startswith(t + " ")), rest.split(" ", 1)[0])
        namespace, _, tail = rest[len(kind) + 1:].partition(" ")
        tag = tail.rsplit(" ", 1)[0] if " " in tail else tail
        entries.append(Entry(line, kind, namespace, tag))
    return entries


@dataclass
class TargetState:
    schemas: set[str]
    tables: set[str]  # schema.table in the platform schemas, and the sequences there the restoring role may set
    platform_objects: set[tuple[str, str]]  # (schema, "table name") of triggers and policies
    role: str = "postgres"  # who restores: default privileges of other grantors are the platform's


def target_state(conn: psycopg.Connection) -> TargetState:
    platform = list(PLATFORM_SCHEMAS)
    schemas = {s for (s,) in conn.execute("select nspname from pg_namespace")}
    tables = {t for (t,) in conn.execute(
        "select schemaname || '.' || tablename from pg_tables where schemaname = any(%s) union"
        " select schemaname || '.' || sequencename from pg_sequences where schemaname = any(%s)"
        " and has_sequence_privilege(format('%%I.%%I', schemaname, sequencename), 'UPDATE')", (platform, platform))}
    objects = set(conn.execute(
        "select n.nspname, c.relname || ' ' || t.tgname from pg_trigger t join pg_class c on c.oid = t.tgrelid"
        " join pg_namespace n on n.oid = c.relnamespace where not t.tgisinternal and n.nspname = any(%s)"
        " union select schemaname, tablename || ' ' || policyname from pg_policies where schemaname = any(%s)",
        (platform, platform)).fetchall())
    return TargetState(schemas, tables, objects, conn.execute("select current_user::text").fetchone()[0])


def keep(entry: Entry, target: TargetState) -> bool:
    """Whether an archive entry is restored into the target (see the module docstring)."""
    if entry.type == "DEFAULT ACL" and entry.line.rsplit(" ", 1)[-1] != target.role:
        return False  # e.g. supabase_admin's: the platform (or shim) has them and postgres cannot write them
    if entry.namespace in OWNED_SCHEMAS:
        return True
    if entry.namespace in PLATFORM_SCHEMAS:
        if entry.type in ("TABLE DATA", "SEQUENCE SET"):
            return f"{entry.namespace}.{entry.tag}" in target.tables
        if entry.type in ("TRIGGER", "POLICY"):
            return (entry.namespace, entry.tag) not in target.platform_objects
        return False
    if entry.type == "SCHEMA":
        return entry.tag in OWNED_SCHEMAS and entry.tag not in target.schemas
    if entry.tag.startswith("SCHEMA ") and entry.type in ("ACL", "COMMENT"):
        name = entry.tag.split(" ", 1)[1]
        return name in OWNED_SCHEMAS and (entry.type == "ACL" or name not in target.schemas)
    return False


def archive_list(dump: Path) -> list[Entry]:
    result = run_tool([bin_path("pg_restore"), "--list", str(dump)])
    if result.returncode != 0:
        raise BackupError(f"{dump}: unreadable archive: {(result.stderr.strip().splitlines() or ['?'])[-1]}")
    return parse_list(result.stdout)


# -- making the target ready ---------------------------------------------------------------------
def align_platform_tables(conn: psycopg.Connection, dump: Path, entries: list[Entry]) -> list[str]:
    """On a shim target, give platform tables the columns (and tables) the archive's rows need.

    A hosted `auth.users` has more columns than the shim's; types the target lacks become text.
    Scratch and local databases only: the point is to load every row, not to be the platform.
    """
    definitions = [e for e in entries if e.type in ("TABLE", "SEQUENCE") and e.namespace in PLATFORM_SCHEMAS]
    if not definitions:
        return []
    with tempfile.NamedTemporaryFile("w", suffix=".list") as listing:
        listing.write("\n".join(e.line for e in definitions) + "\n")
        listing.flush()
        result = run_tool([bin_path("pg_restore"), "-s", "-L", listing.name, "-f", "-", str(dump)])
    if result.returncode != 0:
        raise BackupError(f"pg_restore -s failed: {(result.stderr.strip().splitlines() or ['?'])[-1]}")
    ddl = result.stdout
    notes = []
    script = "\n".join(line for line in ddl.splitlines() if not line.startswith("\\"))
    for raw in pglast.parse_sql(script):
        statement = raw.stmt
        if type(statement).__name__ == "CreateSeqStmt":  # e.g. auth.refresh_tokens_id_seq: its value is restored
            name = f"{statement.sequence.schemaname}.{statement.sequence.relname}"
            if conn.execute("select to_regclass(%s) is null", (name,)).fetchone()[0]:
                conn.execute(RawStream()(statement))
                notes.append(f"{name}: created for the restore (the shim has no such sequence)")
            continue
        if type(statement).__name__ != "CreateStmt":
            continue
        schema, table = statement.relation.schemaname, statement.relation.relname
        existing = {c for (c,) in conn.execute(
            "select attname from pg_attribute where attrelid = to_regclass(%s) and attnum > 0 and not attisdropped",
            (f"{schema}.{table}",))}
        if not existing:
            conn.execute(sql.SQL("create table if not exists {}.{} ()").format(sql.Identifier(schema), sql.Identifier(table)))
        added = []
        for column in statement.tableElts or ():
            if type(column).__name__ != "ColumnDef" or column.colname in existing:
                continue
            kind = RawStream()(column.typeName)
            if "." in kind.replace("pg_catalog.", ""):
                kind = "text"
            conn.execute(sql.SQL("alter table {}.{} add column {} " + kind).format(
                sql.Identifier(schema), sql.Identifier(table), sql.Identifier(column.colname)))
            added.append(column.colname)
        if not existing:
            notes.append(f"{schema}.{table}: created for the restore (the shim has no such table)")
        elif added:
            notes.append(f"{schema}.{table}: {len(added)} platform column(s) the shim lacks added for the restore")
    return notes


def ensure_extensions(conn: psycopg.Connection, wanted: dict[str, str]) -> list[str]:
    """Create the source's extensions the target has available; say which could not be."""
    available = {n for (n,) in conn.execute("select name from pg_available_extensions")}
    installed = {n for (n,) in conn.execute("select extname from pg_extension")}
    notes = []
    for name, schema in sorted(wanted.items()):
        if name in installed:
            continue
        if name not in available:
            notes.append(f"extension {name}: not available on the target")
            continue
        try:
            with conn.transaction():
                conn.execute(sql.SQL("create schema if not exists {}").format(sql.Identifier(schema)))
                conn.execute(sql.SQL("create extension if not exists {} with schema {}").format(
                    sql.Identifier(name), sql.Identifier(schema)))
        except psycopg.Error as error:
            notes.append(f"extension {name}: {str(error).strip().splitlines()[0]}")
    return notes


_DEFAULT_ACL = """
select n.nspname, d.defaclobjtype, array_agg(distinct a.grantee::regrole::text) filter (where a.grantee <> 0),
       bool_or(a.grantee = 0)
  from pg_default_acl d join pg_namespace n on n.oid = d.defaclnamespace, aclexplode(d.defaclacl) a
 where d.defaclrole = current_user::regrole and n.nspname = any(%s) and a.grantee <> current_user::regrole
 group by 1, 2
"""
_DEFAULT_ACL_KINDS = {"r": "tables", "S": "sequences", "f": "functions", "T": "types", "n": "schemas"}


def clear_default_privileges(conn: psycopg.Connection) -> list[tuple]:
    """Drop the target's own default grants in the owned schemas before restoring into them.

    Default privileges in `public` still grant the API roles more than the built-in defaults (supabase_admin's:
    ALL; postgres's since 2026-10-30: TRUNCATE, REFERENCES, TRIGGER, MAINTAIN, sequence UPDATE); pg_dump writes
    each object's grants relative to the built-in defaults, so without this a restored object could come
    back with grants the source had revoked. The archive's DEFAULT ACL entries then
    re-create the source's own default privileges.
    """
    before = conn.execute(_DEFAULT_GRANTS, (list(OWNED_SCHEMAS),)).fetchall()
    for schema, kind, roles, public in conn.execute(_DEFAULT_ACL, (list(OWNED_SCHEMAS),)).fetchall():
        grantees = [sql.Identifier(r) for r in roles or []] + ([sql.SQL("public")] if public else [])
        conn.execute(sql.SQL("alter default privileges in schema {} revoke all on {} from {}").format(
            sql.Identifier(schema), sql.SQL(_DEFAULT_ACL_KINDS[kind]), sql.SQL(", ").join(grantees)))
    return before


_DEFAULT_GRANTS = """
select n.nspname, d.defaclobjtype, coalesce(a.grantee::regrole::text, 'public'), a.privilege_type
  from pg_default_acl d join pg_namespace n on n.oid = d.defaclnamespace,
       aclexplode(d.defaclacl) a
 where d.defaclrole = current_user::regrole and n.nspname = any(%s) and a.grantee <> current_user::regrole
"""


def regrant_default_privileges(conn: psycopg.Connection, grants: list[tuple]) -> None:
    """Put back what `clear_default_privileges` revoked (a hosted restore that failed leaves them as they were)."""
    for schema, kind, grantee, privilege in grants:
        who = sql.SQL("public") if grantee in ("public", "-") else sql.Identifier(grantee)
        conn.execute(sql.SQL("alter default privileges in schema {} grant {} on {} to {}").format(
            sql.Identifier(schema), sql.SQL(privilege), sql.SQL(_DEFAULT_ACL_KINDS[kind]), who))


def check_empty(conn: psycopg.Connection, name: str) -> None:
    """A hosted target is empty when the project has nothing there: no tables in public, no rows in auth or storage."""
    tables = conn.execute("select count(*) from pg_tables where schemaname = 'public'").fetchone()[0]
    history = len(migration_versions(conn))
    rows = {t: n for t, n in row_counts(conn, PLATFORM_SCHEMAS).items() if n}
    if tables or history or rows:
        found = [f"{tables} tables in public"] * bool(tables) + [f"{history} migrations applied"] * bool(history)
        found += [f"{n} rows in {t}" for t, n in sorted(rows.items())]
        raise BackupError(f"{name} is not empty ({', '.join(found)}): nothing was changed; restore into a new project "
                          "(ops/supabase/runbook_restore.md, C) or --to scratch")


# -- the restore ---------------------------------------------------------------------------------
@dataclass
class RestoreResult:
    manifest: Manifest
    seconds: float
    mismatches: list[str]  # tables whose row count differs from the manifest
    history: list[str]  # differences between the restored migration history and the manifest
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.mismatches and not self.history

    @property
    def problems(self) -> str:
        return "; ".join(self.mismatches + self.history)


def restore_archive(dump: Path, manifest: Manifest, url: str, *, fresh: bool, name: str = "target",
                    jobs: int = 2) -> RestoreResult:
    """Make the target ready (fresh, or check it is empty), restore by plan, compare with the manifest.

    Hosted (not fresh): every check runs before the first change, and pg_restore runs in one transaction.
    """
    entries = archive_list(dump)
    started = time.perf_counter()
    if not fresh:  # read-only until every check passed
        with connection(url) as conn:
            check_empty(conn, name)
            plan, notes = _plan(conn, dump, entries, create=False, name=name, backup=manifest.name)
    else:
        recreate_database(url)
    with connection(url) as conn:
        if fresh:
            notes = prepare_fresh(conn, dump, entries)
            plan, more = _plan(conn, dump, entries, create=True, name=name, backup=manifest.name)
            notes += more
        notes += ensure_extensions(conn, manifest.extensions)
        revoked = clear_default_privileges(conn)
    notes += [f"{e.namespace}.{e.tag}: " + ("not restored (no such table on the target)" if e.type == "TABLE DATA" else
                                         "value not restored (no such sequence the restoring role may set on the target)")
              for e in entries if e.type in ("TABLE DATA", "SEQUENCE SET") and e.namespace in PLATFORM_SCHEMAS
              and e not in plan]
    try:
        run_pg_restore(dump, url, plan, jobs, single_transaction=not fresh)
    except BaseException:
        if not fresh:  # pg_restore's transaction rolled back; so do our default privileges
            with connection(url) as conn:
                regrant_default_privileges(conn, revoked)
        raise
    took = time.perf_counter() - started
    return RestoreResult(manifest, took, *compare(manifest, url, skipped=_skipped(entries, plan)), notes)


def _plan(conn: psycopg.Connection, dump: Path, entries: list[Entry], **how) -> tuple[list[Entry], list[str]]:
    """The entries restored into this target, once it has every role they name (roles.ready: placeholders or refusal)."""
    state = target_state(conn)
    plan = [e for e in entries if keep(e, state)]
    return plan, roles.ready(conn, dump, plan, **how)


def prepare_fresh(conn: psycopg.Connection, dump: Path, entries: list[Entry]) -> list[str]:
    from .. import shim  # local import: hosted code paths never load the shim

    shim.install(conn, "local")
    with shim.superuser_connection(conn) as admin:  # platform tables belong to platform roles
        notes = align_platform_tables(admin, dump, entries)
        if admin is not conn:  # the restoring role writes platform rows, as postgres may on the platform
            admin.execute(sql.SQL("grant all on all tables in schema auth, storage to {0};"
                                  " grant all on all sequences in schema auth, storage to {0}").format(
                sql.Identifier(conn.info.user)))
    return notes


def _skipped(entries: list[Entry], plan: list[Entry]) -> set[str]:
    return {f"{e.namespace}.{e.tag}" for e in entries if e.type == "TABLE DATA" and e not in plan}


def run_pg_restore(dump: Path, url: str, plan: list[Entry], jobs: int, *, single_transaction: bool = False) -> None:
    clean, env = tool_env(url)
    env["PGOPTIONS"] = (env.get("PGOPTIONS", "") + " -c session_replication_role=replica").strip()
    with tempfile.NamedTemporaryFile("w", suffix=".list") as listing:
        listing.write("\n".join(e.line for e in plan) + "\n")
        listing.flush()
        mode = ["--single-transaction"] if single_transaction else ["-j", str(jobs)]
        command = [bin_path("pg_restore"), "--no-owner", "--exit-on-error", *mode, "-L", listing.name,
                   "-d", clean, str(dump)]
        result = run_tool(command, env=env, timeout=DUMP_TIMEOUT)
    if result.returncode != 0:
        lines = [line for line in result.stderr.strip().splitlines() if "error" in line.lower()] or ["no output"]
        raise BackupError(f"pg_restore failed: {lines[0]}")


def compare(manifest: Manifest, url: str, *, skipped: set[str] = frozenset()) -> tuple[list[str], list[str]]:
    """Row counts and migration history of the restored database against the manifest."""
    with connection(url) as conn:
        restored = row_counts(conn)
        versions = migration_versions(conn)
    mismatches = [f"{table}: expected {count}, restored {restored.get(table)}"
                  for table, count in manifest.row_counts.items()
                  if table not in skipped and restored.get(table) != count]
    history = []
    if manifest.migrations and versions != manifest.migrations:
        missing = sorted(set(manifest.migrations) - set(versions))
        extra = sorted(set(versions) - set(manifest.migrations))
        history.append(f"migration history differs: missing {missing or 'none'}, extra {extra or 'none'}")
    elif (versions[-1] if versions else None) != manifest.migration_head:
        history.append(f"migration head: expected {manifest.migration_head}, restored {versions[-1] if versions else None}")
    return mismatches, history
