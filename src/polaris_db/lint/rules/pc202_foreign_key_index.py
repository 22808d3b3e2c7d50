from __future__ import annotations

from ...rls.catalog import app_schemas
from ..base import Rule

# Foreign keys whose columns are not the leading columns of any index on the referencing table.
UNINDEXED = """
select format('%%I.%%I', n.nspname, t.relname), c.conname,
       array(select a.attname from unnest(c.conkey) with ordinality k(attnum, i)
             join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.i)
from pg_constraint c
join pg_class t on t.oid = c.conrelid
join pg_namespace n on n.oid = t.relnamespace
where c.contype = 'f' and n.nspname = any(%(schemas)s)
  and not exists (
    select 1 from pg_index i
    where i.indrelid = c.conrelid
      and (select array_agg(k order by k) from unnest(c.conkey) k)
        = (select array_agg(k order by k) from unnest(i.indkey::int2[]) with ordinality u(k, pos)
           where u.pos <= cardinality(c.conkey)))
order by 1, 2
"""


class ForeignKeyIndex(Rule):
    """Every foreign key has an index whose leading columns are the key's columns.

    Why: deleting or updating a referenced row scans the referencing table without it, and RLS
    policies and joins filter on these columns constantly (`user_id = (select auth.uid())`).
    Checked on the scratch database, so an index added in a later migration counts.

    **Anti-pattern**

    ```sql
    create table if not exists public.attempts (
        id uuid primary key default gen_random_uuid(),
        session_id uuid not null references public.sessions (id)
    );
    ```

    **Best practice**

    ```sql
    create table if not exists public.attempts (
        id uuid primary key default gen_random_uuid(),
        session_id uuid not null references public.sessions (id)
    );
    create index if not exists attempts_session_id_idx on public.attempts (session_id);
    ```
    """

    id = "PC202"
    name = "foreign-key-index"
    catalog = True
    advisor_lints = ("unindexed_foreign_keys", "duplicate_index")
    advisor_exceptions: dict[tuple[str, str], str] = {}

    def check_catalog(self, tree, scratch):
        conn = scratch.conn
        for table, constraint, columns in conn.execute(UNINDEXED, {"schemas": app_schemas(conn)}):
            location = tree.locate("column", f"{table}.{columns[0]}") or tree.locate("table", table)
            yield self.at_location(tree, location, f"foreign key {constraint} ({', '.join(columns)}) on {table} "
                                                   f"has no index starting with those columns")
