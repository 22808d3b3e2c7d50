from __future__ import annotations

from ..base import Rule
from ..splinter import PLATFORM_SCHEMAS, graphql_served, message

LINT = "pg_graphql_anon_table_exposed"  # splinter 0026, dashboard level WARN
# splinter 0026: tables, partitioned tables, views and materialized views anon may SELECT.
EXPOSED = """
select n.nspname, c.relname,
       case c.relkind when 'v' then 'view' when 'm' then 'materialized view' else 'table' end
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'p', 'v', 'm')
  and has_table_privilege('anon', c.oid, 'SELECT')
  and n.nspname <> all(%(platform)s)
order by 1, 2
"""


class AnonGraphqlTablesHidden(Rule):
    """anon has no SELECT on tables and views where pg_graphql serves them (splinter 0026, WARN).

    Why: pg_graphql's introspection reflects the caller's privileges. Every table, view or
    materialized view anon may SELECT shows its name, columns and relationships to anyone with the
    public anon key at `/graphql/v1`, even when RLS returns no rows. The hosted dashboard's Security
    Advisor reports each as `pg_graphql_anon_table_exposed`; the Supabase CLI's advisors do not run
    that lint, so this rule does, with the same catalog query. It applies where pg_graphql is
    installed or its entry schema `graphql_public` exists (as on hosted; `splinter.py`). Grant
    anon SELECT only on what anonymous visitors must read, or stop serving GraphQL (drop `graphql_public`
    from the API schemas and the extension). An object anon reads on purpose is listed in
    `advisor_exceptions` with the reason.

    **Anti-pattern**

    ```sql
    create table if not exists public.subscriptions (id uuid primary key, user_id uuid not null);
    alter table public.subscriptions enable row level security;
    grant select on public.subscriptions to anon, authenticated;
    ```

    **Best practice**

    ```sql
    create table if not exists public.subscriptions (id uuid primary key, user_id uuid not null);
    alter table public.subscriptions enable row level security;
    revoke all on public.subscriptions from anon;
    grant select on public.subscriptions to authenticated;
    ```
    """

    id = "PC326"
    name = "anon-graphql-tables-hidden"
    catalog = True
    advisor_lints = (LINT,)

    def check_catalog(self, tree, scratch):
        if not graphql_served(scratch.conn):
            return
        for schema, relation, kind in scratch.conn.execute(EXPOSED, {"platform": list(PLATFORM_SCHEMAS)}):
            if (LINT, f"{schema}.{relation}") in self.advisor_exceptions:
                continue
            location = tree.locate("table" if kind == "table" else "view", f"{schema}.{relation}")
            yield self.at_location(tree, location, message(
                "WARN", LINT, f"anon has SELECT on {kind} {schema}.{relation}: its name, columns and relationships "
                "are visible to anyone in /graphql/v1 introspection; revoke select from anon"))
