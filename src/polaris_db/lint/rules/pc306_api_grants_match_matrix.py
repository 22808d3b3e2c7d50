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


def _roles(actors) -> set[str]:
    """Matrix actors -> the database roles they connect as (the throwaway users are all `authenticated`)."""
    actors = set(actors)
    return ({"anon"} & actors) | ({"authenticated"} if actors & set(USER_ACTORS) else set()) | ({"service_role"} & actors)


class ApiGrantsMatchMatrix(Rule):
    """API roles hold no table privilege beyond what the table's access-matrix entry allows.

    Why: the platform's default privileges give `anon`, `authenticated` and `service_role` ALL on every
    new table and view in public (TRUNCATE included, which ignores RLS); a migration that forgets to
    revoke leaves them there, and only policies stand between a client and the rows. Checked on the
    scratch database against `ops/supabase/tests/access_matrix.toml` (`allow.<command>`, its cases
    included): a role may hold a command only if an actor it stands for is allowed that command
    (owner, other, editor and admin are `authenticated`), and TRUNCATE, TRIGGER, REFERENCES, MAINTAIN
    never. Tables and views of the app's schemas (auth and storage are the platform's); a write
    privilege on a view nothing can write through is inert and not reported. Seconds in
    `inv db.lint`, where the matrix's own checks take minutes.

    **Anti-pattern**

    ```sql
    create table if not exists public.streaks (
        user_id uuid primary key references auth.users (id),
        days integer not null default 0
    );
    -- nothing revoked: anon may insert, service_role may truncate (the platform granted ALL)
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
