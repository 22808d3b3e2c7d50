from __future__ import annotations

from ...errors import ConfigError
from ...rls.catalog import app_schemas
from ...rls.matrix import USER_ACTORS, load
from ..base import Rule

MATRIX = "ops/supabase/tests/access_matrix.toml"
API_ROLES = ("anon", "authenticated", "service_role")
# Privileges the matrix can allow (its commands) and those no API role ever needs (TRUNCATE ignores RLS).
COMMANDS = ("select", "insert", "update", "delete")
NEVER = ("truncate", "references", "trigger")

# What each API role holds on each listed relation of the app's schemas, directly, through PUBLIC or a column
# grant. A write privilege on a view nothing can write through (aggregates, materialized views) is inert: skipped.
HELD = """
select e.name, r.role, lower(p.privilege)
from unnest(%(names)s::text[]) e(name)
join pg_class c on c.oid = to_regclass(e.name)
cross join unnest(%(roles)s::text[]) r(role)
cross join unnest(%(privileges)s::text[]) p(privilege)
where c.relnamespace::regnamespace::text = any(%(schemas)s)
  and case when p.privilege in ('SELECT', 'INSERT', 'UPDATE', 'REFERENCES')
           then has_any_column_privilege(r.role, c.oid, p.privilege)
           else has_table_privilege(r.role, c.oid, p.privilege) end
  and case p.privilege when 'UPDATE' then pg_relation_is_updatable(c.oid, true) & 4 <> 0
                       when 'INSERT' then pg_relation_is_updatable(c.oid, true) & 8 <> 0
                       when 'DELETE' then pg_relation_is_updatable(c.oid, true) & 16 <> 0 else true end
order by 1, 2, array_position(%(privileges)s::text[], p.privilege)
"""

# The lower bound: each (relation, role, privilege) the matrix allows that the role does not hold. A write on a
# view nothing can write through is not required (the matrix's own case would fail, not for want of a grant).
LACKING = """
select w.name, w.role, lower(w.privilege)
from unnest(%(names)s::text[], %(roles)s::text[], %(privileges)s::text[]) w(name, role, privilege)
join pg_class c on c.oid = to_regclass(w.name)
where c.relnamespace::regnamespace::text = any(%(schemas)s)
  and not case when w.privilege in ('SELECT', 'INSERT', 'UPDATE')
               then has_any_column_privilege(w.role, c.oid, w.privilege)
               else has_table_privilege(w.role, c.oid, w.privilege) end
  and case w.privilege when 'UPDATE' then pg_relation_is_updatable(c.oid, true) & 4 <> 0
                       when 'INSERT' then pg_relation_is_updatable(c.oid, true) & 8 <> 0
                       when 'DELETE' then pg_relation_is_updatable(c.oid, true) & 16 <> 0 else true end
order by 1, 2, array_position(%(order)s::text[], w.privilege)
"""


def _roles(actors) -> set[str]:
    """Matrix actors -> the database roles they connect as (the throwaway users are all `authenticated`)."""
    actors = set(actors)
    return ({"anon"} & actors) | ({"authenticated"} if actors & set(USER_ACTORS) else set()) | ({"service_role"} & actors)


class ApiGrantsMatchMatrix(Rule):
    """API roles hold exactly the table privileges the table's access-matrix entry allows: no more, no less.

    Why: a migration's grants are the only way in and the only limit. Upper bound: on tables created
    before the platform's 2026 change, and on every table `supabase_admin` creates, `anon`,
    `authenticated` and `service_role` hold ALL (TRUNCATE included, which ignores RLS); a migration
    that forgets to revoke leaves them there. Lower bound: since 2026-10-30 (changelog 45329) a table
    `postgres` creates in public gets no SELECT, INSERT, UPDATE or DELETE for them: a migration that
    relies on the old default grants passes wherever those still exist and leaves the table invisible to
    the Data API on the project (`42501 permission denied`). Checked on the scratch database against
    `ops/supabase/tests/access_matrix.toml` (`allow.<command>`, its cases included): a role may hold a
    command only if an actor it stands for is allowed that command, and must hold it if one is (owner,
    other, editor and admin are `authenticated`; a column grant counts); TRUNCATE, TRIGGER, REFERENCES,
    MAINTAIN never. Tables and views of the app's schemas (auth and storage are the platform's); a write
    privilege on a view nothing can write through is inert: neither reported nor required. Seconds in
    `inv db.lint`, where the matrix's own checks take minutes.

    **Anti-pattern**

    ```sql
    create table if not exists public.streaks (
        user_id uuid primary key references auth.users (id),
        days integer not null default 0
    );
    -- nothing revoked (where the old defaults exist, anon may insert and service_role truncate), and
    -- service_role, which the matrix allows every command, relies on a default grant the platform no longer gives
    grant select on public.streaks to authenticated;
    ```

    **Best practice**

    ```sql
    create table if not exists public.streaks (
        user_id uuid primary key references auth.users (id),
        days integer not null default 0
    );
    revoke all on public.streaks from anon, authenticated, service_role;
    grant select on public.streaks to authenticated;
    grant select, insert, update, delete on public.streaks to service_role;
    ```
    """

    id = "PC306"
    name = "api-grants-match-matrix"
    catalog = True

    def check_catalog(self, tree, scratch):
        path = tree.root / MATRIX
        if not path.is_file():
            return
        try:
            matrix = load(path)
        except ConfigError as error:
            yield self.at_location(tree, None, f"{MATRIX} does not load: {error}")
            return
        allowed: dict[str, dict[str, set[str]]] = {}
        for entry in matrix.entries:
            if entry.kind not in ("table", "view"):
                continue
            actors = {command: set(entry.allow.get(command, ())) for command in COMMANDS}
            for case in entry.cases:
                actors.setdefault(case["command"], set()).update(case.get("allow", ()))
            allowed[entry.name] = {command: _roles(names) for command, names in actors.items()}
        conn = scratch.conn
        never = NEVER + (("maintain",) if conn.info.server_version >= 170000 else ())
        privileges = [p.upper() for p in COMMANDS + never]
        extra: dict[tuple[str, str], list[str]] = {}
        query = {"names": sorted(allowed), "roles": list(API_ROLES), "privileges": privileges,
                 "schemas": app_schemas(conn)}
        for name, role, privilege in conn.execute(HELD, query):
            if role not in allowed[name].get(privilege, set()):
                extra.setdefault((name, role), []).append(privilege.upper())
        for (name, role), held in extra.items():
            entitled = [c for c in COMMANDS if role in allowed[name].get(c, set())]
            location = tree.locate("table", name) or tree.locate("view", name)
            yield self.at_location(tree, location, (
                f"{role} holds {', '.join(held)} on {name}, beyond its access-matrix entry (allows {role} "
                f"{', '.join(entitled) or 'nothing'}): `revoke all on {name} from {role}`, then grant what the matrix lists"))
        yield from self._lacking(tree, conn, allowed)

    def _lacking(self, tree, conn, allowed):
        """The lower bound: what the matrix allows a role and no grant gives it (the platform grants nothing any more)."""
        wanted = [(name, role, command.upper()) for name, commands in sorted(allowed.items())
                  for command in COMMANDS for role in sorted(commands.get(command, ()))]
        if not wanted:
            return
        names, roles, privileges = (list(column) for column in zip(*wanted))
        lacking: dict[tuple[str, str], list[str]] = {}
        query = {"names": names, "roles": roles, "privileges": privileges, "schemas": app_schemas(conn),
                 "order": [c.upper() for c in COMMANDS]}
        for name, role, privilege in conn.execute(LACKING, query):
            lacking.setdefault((name, role), []).append(privilege)
        for (name, role), missing in lacking.items():
            location = tree.locate("table", name) or tree.locate("view", name)
            yield self.at_location(tree, location, (
                f"{role} lacks {', '.join(p.upper() for p in missing)} on {name}, which its access-matrix entry allows: "
                f"`grant {', '.join(missing)} on {name} to {role}` (new tables in public get no API grants on the platform)"))
