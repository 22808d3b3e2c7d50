"""The roles an archive names, and what a restore does about those the target lacks.

A hosted project's dump names roles a laptop's or CI's cluster has never seen: `GRANT ... ON SCHEMA public TO
supabase_realtime_admin`, objects owned by `supabase_admin`, pgsodium's roles, a project's own `reporting_reader`
in grants, default privileges and policies. Roles are cluster-wide and never in a `pg_dump -n` archive, so
before `pg_restore` the restore reads every role the restored entries name (their owners, and the roles in the
SQL of their ACL, DEFAULT ACL and POLICY entries) and:

- on the embedded side (scratch, local, backup-verify, the drill, rehearse) creates the missing ones as
  NOLOGIN placeholders, by the cluster's superuser, commented so that they can be found and dropped
  (ops/supabase/runbook_restore.md); they own nothing (the restore runs `--no-owner`) and cannot log in;
- on a hosted target (staging, prod) never creates a role: it refuses before the first change, listing them.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import psycopg
from pglast.parser import parse_sql_json
from psycopg import sql

from ..cluster import bin_path
from ..errors import BackupError
from .dump import run_tool

PLACEHOLDER = "polaris placeholder"  # the start of a placeholder role's comment
_SQL_TYPES = ("ACL", "DEFAULT ACL", "POLICY")


def named_roles(dump: Path, entries) -> set[str]:
    """Every role `entries` (restore.Entry, the ones to be restored) name: owners and roles in their grants and policies."""
    names = {e.line.rsplit(" ", 1)[-1] for e in entries if " " in e.line}
    with_sql = [e for e in entries if e.type in _SQL_TYPES]
    if with_sql:
        with tempfile.NamedTemporaryFile("w", suffix=".list") as listing:
            listing.write("\n".join(e.line for e in with_sql) + "\n")
            listing.flush()
            result = run_tool([bin_path("pg_restore"), "-L", listing.name, "-f", "-", str(dump)])
        if result.returncode != 0:
            raise BackupError(f"{dump}: unreadable archive: {(result.stderr.strip().splitlines() or ['?'])[-1]}")
        script = "\n".join(line for line in result.stdout.splitlines() if not line.startswith("\\"))
        names |= _roles_in(json.loads(parse_sql_json(script)))
    return {n for n in names if n and n != "-"}


def _roles_in(tree) -> set[str]:
    """Role names in a parse tree: RoleSpec nodes (grantees, grantors, FOR ROLE, policies' TO) and SET ROLE/SESSION."""
    found: set[str] = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            spec = node.get("RoleSpec")
            if spec and spec.get("roletype") == "ROLESPEC_CSTRING":
                found.add(spec["rolename"])
            setting = node.get("VariableSetStmt")
            if setting and setting.get("name") in ("role", "session_authorization"):
                found |= {a["A_Const"]["sval"]["sval"] for a in setting.get("args", ()) if "sval" in a.get("A_Const", {})}
            stack.extend(v for v in node.values() if isinstance(v, (dict, list)))
    return found


def lacking(conn: psycopg.Connection, names: set[str]) -> list[str]:
    present = {r for (r,) in conn.execute("select rolname::text from pg_roles where rolname = any(%s)", (sorted(names),))}
    return sorted(names - present)


def placeholders(conn: psycopg.Connection) -> list[str]:
    """The placeholder roles on this cluster (made by earlier restores)."""
    return [r for (r,) in conn.execute(
        "select rolname::text from pg_roles where shobj_description(oid, 'pg_authid') like %s order by 1",
        (PLACEHOLDER + "%",))]


def create_placeholders(conn: psycopg.Connection, names: list[str], backup: str) -> None:
    """NOLOGIN roles, created by the cluster's superuser (roles are cluster-wide: every database sees them)."""
    from .. import shim  # local import: hosted code paths never load the shim

    with shim.superuser_connection(conn) as admin:
        for name in names:
            admin.execute(sql.SQL("create role {} nologin").format(sql.Identifier(name)))
            admin.execute(sql.SQL("comment on role {} is {}").format(
                sql.Identifier(name), sql.Literal(f"{PLACEHOLDER}: named by {backup}; owns nothing, cannot log in")))


def ready(conn: psycopg.Connection, dump: Path, entries, *, create: bool, name: str, backup: str) -> list[str]:
    """Make sure the target has every role `entries` name; return the notes to show.

    `create`: the embedded side, where missing roles become placeholders. Otherwise (hosted) a missing role
    is refused before anything is changed.
    """
    named = named_roles(dump, entries)
    missing = lacking(conn, named)
    if missing and not create:
        raise BackupError(f"{name} lacks roles the backup names: {', '.join(missing)}: nothing was changed; "
                          "create them there first (ops/supabase/runbook_restore.md, \"Roles\") or restore --to scratch")
    notes = []
    if missing:
        create_placeholders(conn, missing, backup)
        notes.append(f"created NOLOGIN placeholders for roles the backup names and this cluster lacked "
                     f"(ops/supabase/runbook_restore.md, \"Roles\"): {', '.join(missing)}")
    earlier = sorted(set(placeholders(conn)) & named - set(missing))
    if earlier:
        notes.append(f"placeholder roles from an earlier restore used: {', '.join(earlier)}")
    return notes
