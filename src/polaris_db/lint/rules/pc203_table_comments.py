from __future__ import annotations

from ...rls.catalog import app_schemas
from ..base import Rule

UNCOMMENTED = """
select format('%%I.%%I', n.nspname, c.relname), null::text
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'p') and n.nspname = any(%(schemas)s) and not c.relispartition
  and coalesce(obj_description(c.oid, 'pg_class'), '') = ''
  and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
union all
select format('%%I.%%I', n.nspname, c.relname), a.attname
from pg_class c join pg_namespace n on n.oid = c.relnamespace
join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
where c.relkind in ('r', 'p') and n.nspname = any(%(schemas)s) and not c.relispartition
  and coalesce(col_description(c.oid, a.attnum), '') = ''
  and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
order by 1, 2 nulls first
"""


class TableComments(Rule):
    """Every table and every column carries a `comment on`.

    Why: the comments are the data dictionary: Supabase Studio and the generated API docs show them,
    and they record the decisions behind each column (units, who writes it, what null means).
    Checked on the scratch database, so comments added in a later migration count.

    **Anti-pattern**

    ```sql
    create table if not exists public.limits (key text primary key, value integer not null);
    ```

    **Best practice**

    ```sql
    create table if not exists public.limits (key text primary key, value integer not null);
    comment on table public.limits is 'Tunable product limits, read by the app and by RPCs.';
    comment on column public.limits.key is 'Limit name, e.g. free_minutes_daily.';
    comment on column public.limits.value is 'Limit value in the unit its name states.';
    ```
    """

    id = "PC203"
    name = "table-comments"
    catalog = True

    def check_catalog(self, tree, scratch):
        conn = scratch.conn
        for table, column in conn.execute(UNCOMMENTED, {"schemas": app_schemas(conn)}):
            if column is None:
                yield self.at_location(tree, tree.locate("table", table), f"table {table} has no comment")
            else:
                location = tree.locate("column", f"{table}.{column}") or tree.locate("table", table)
                yield self.at_location(tree, location, f"column {table}.{column} has no comment")
