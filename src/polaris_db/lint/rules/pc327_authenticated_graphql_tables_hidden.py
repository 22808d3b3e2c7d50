from __future__ import annotations

from ..base import Rule
from ..splinter import PLATFORM_SCHEMAS, graphql_served, message

LINT = "pg_graphql_authenticated_table_exposed"  # splinter 0027, dashboard level WARN
# splinter 0027: tables, views, materialized views and foreign tables with a column authenticated may
# SELECT (column grants count; partitioned roots are left out, as pg_graphql leaves them out).
EXPOSED = """
select n.nspname, c.relname,
       case c.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'f' then 'foreign table'
                      else 'table' end
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'v', 'm', 'f')
  and exists (select 1 from pg_attribute a
              where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                and has_column_privilege('authenticated', c.oid, a.attnum, 'SELECT'))
  and n.nspname <> all(%(platform)s)
order by 1, 2
"""


class AuthenticatedGraphqlTablesHidden(Rule):
    """authenticated has no SELECT on tables and views where pg_graphql serves them (splinter 0027, WARN).

    Why: pg_graphql's introspection reflects the caller's privileges, column grants included: every
    relation with a column authenticated may SELECT shows its name, columns and relationships to each
    signed-in user at `/graphql/v1` (with open sign-up, anyone). The hosted dashboard's Security
    Advisor reports each as `pg_graphql_authenticated_table_exposed`; the Supabase CLI's advisors do
    not run that lint, so this rule does, with the same catalog query. It applies where pg_graphql is
    installed or its entry schema `graphql_public` exists (as on hosted; `splinter.py`). Keep
    server-only tables out of authenticated's grants, or stop serving GraphQL. A relation signed-in
    users read on purpose is listed in `advisor_exceptions` with
    the reason.

    **Anti-pattern**

    ```sql
    create table if not exists public.payment_events (id uuid primary key, payload jsonb);
    alter table public.payment_events enable row level security;
    grant select on public.payment_events to authenticated;
    ```

    **Best practice**

    ```sql
    create table if not exists public.payment_events (id uuid primary key, payload jsonb);
    alter table public.payment_events enable row level security;
    revoke all on public.payment_events from anon, authenticated;
    grant select on public.payment_events to service_role;
    ```
    """

    id = "PC327"
    name = "authenticated-graphql-tables-hidden"
    catalog = True
    advisor_lints = (LINT,)

    def check_catalog(self, tree, scratch):
        if not graphql_served(scratch.conn):
            return
        for schema, relation, kind in scratch.conn.execute(EXPOSED, {"platform": list(PLATFORM_SCHEMAS)}):
            if (LINT, f"{schema}.{relation}") in self.advisor_exceptions:
                continue
            location = tree.locate("table" if kind in ("table", "foreign table") else "view", f"{schema}.{relation}")
            yield self.at_location(tree, location, message(
                "WARN", LINT, f"authenticated has SELECT on {kind} {schema}.{relation}: its name, columns and "
                "relationships are visible to every signed-in user in /graphql/v1 introspection; "
                "revoke select from authenticated"))
