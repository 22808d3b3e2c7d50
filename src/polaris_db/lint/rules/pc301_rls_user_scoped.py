from __future__ import annotations

from ...rls.audits import rls_disabled
from ...rls.catalog import app_schemas
from ..base import Rule

# User-scoped: a foreign key to auth.users, or to a table whose primary key is a foreign key to auth.users
# (profiles). Clients read (write) a table when anon or authenticated hold select (insert, update) on any column.
TABLES = """
with owners as (
    select 'auth.users'::regclass::oid as oid
    union
    select f.conrelid from pg_constraint f
    join pg_constraint p on p.conrelid = f.conrelid and p.contype = 'p' and p.conkey = f.conkey
    where f.contype = 'f' and f.confrelid = 'auth.users'::regclass
)
select format('%%I.%%I', n.nspname, c.relname),
       exists (select 1 from pg_constraint f where f.conrelid = c.oid and f.contype = 'f'
               and f.confrelid in (select oid from owners)),
       exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polqual is not null),
       exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polwithcheck is not null),
       exists (select 1 from unnest(array['anon', 'authenticated']) r(role)
               where has_any_column_privilege(r.role, c.oid, 'SELECT')),
       exists (select 1 from unnest(array['anon', 'authenticated']) r(role), unnest(array['INSERT', 'UPDATE']) m(priv)
               where has_any_column_privilege(r.role, c.oid, m.priv))
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'p') and n.nspname = any(%(schemas)s) and not c.relispartition
  and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
order by 1
"""


class RlsUserScoped(Rule):
    """Every exposed table enables RLS; user-scoped tables have `using` and `with check` policies for client grants.

    Why: with Supabase's default grants RLS is the only barrier between users. `using` decides which
    rows a user sees, `with check` which rows a user may write; without it a learner could insert rows
    for another user id. A user-scoped table references `auth.users` or `profiles`. When anon or
    authenticated may select it, a policy needs `using`; when they may insert or update it, a policy
    needs `with check`. A table only the server reads or writes says so by revoking those grants.

    **Anti-pattern**

    ```sql
    alter table public.sessions enable row level security;
    create policy sessions_select_own on public.sessions for select to authenticated
        using (user_id = (select auth.uid()));
    -- no with check policy, yet authenticated still holds insert and update
    ```

    **Best practice**

    ```sql
    alter table public.sessions enable row level security;
    create policy sessions_select_own on public.sessions for select to authenticated
        using (user_id = (select auth.uid()));
    create policy sessions_insert_own on public.sessions for insert to authenticated
        with check (user_id = (select auth.uid()));
    ```
    """

    id = "PC301"
    name = "rls-user-scoped"
    catalog = True
    advisor_lints = ("rls_disabled_in_public", "policy_exists_rls_disabled", "rls_enabled_no_policy")
    advisor_exceptions: dict[tuple[str, str], str] = {}

    def check_catalog(self, tree, scratch):
        conn = scratch.conn
        # the catalog audit's check; here for app tables (partitions are reported through their parent)
        disabled = {r.name for r in rls_disabled(conn) if r.kind == "table" and not r.name.startswith("storage.")}
        for table, user_scoped, has_using, has_check, clients_read, clients_write in conn.execute(
                TABLES, {"schemas": app_schemas(conn)}):
            location = tree.locate("table", table)
            if table in disabled:
                yield self.at_location(tree, location, f"table {table} does not enable row level security")
            if not user_scoped:
                continue
            if clients_read and not has_using:
                yield self.at_location(tree, location,
                                       f"user-scoped table {table} is readable by anon/authenticated but no policy "
                                       f"has a using clause (add one, or revoke select if only the server reads)")
            if clients_write and not has_check:
                yield self.at_location(tree, location,
                                       f"user-scoped table {table} is writable by anon/authenticated but no policy "
                                       f"has a with check clause (add one, or revoke insert, update if only the "
                                       f"server writes)")
