from __future__ import annotations

import psycopg
from pglast import ast
from psycopg import sql

from ...rls.catalog import app_schemas
from ...migrations.seeds import discover_seeds
from ..base import Rule

RELATIONS = """
select n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'p') and not c.relispartition
  and (n.nspname = any(%(schemas)s) or (n.nspname, c.relname) in (('auth', 'users'), ('storage', 'buckets'),
                                                                     ('storage', 'objects')))
order by 1, 2
"""


class SeedIdempotent(Rule):
    """Seeds can run any number of times: every insert has `on conflict`, and a second run adds no rows.

    Why: `inv db.seed` runs on databases that already hold the seed data (a local database after a
    pull, staging after a deploy). Checked twice: statically (every `insert` in seeds/ has an
    `on conflict` clause) and on the scratch database (each seed runs again; row counts must not change).

    **Anti-pattern**

    ```sql
    insert into public.limits (key, value) values ('free_minutes_daily', 10);
    ```

    **Best practice**

    ```sql
    insert into public.limits (key, value) values ('free_minutes_daily', 10)
    on conflict (key) do update set value = excluded.value;
    ```
    """

    id = "PC501"
    name = "seed-idempotent"
    catalog = True

    def check(self, tree):
        for file in tree.folder("seeds"):
            for statement in file.statements:
                node = statement.node
                if isinstance(node, ast.InsertStmt) and node.onConflictClause is None:
                    yield self.at(file, statement.line, "insert in a seed has no on conflict clause")

    def check_catalog(self, tree, scratch):
        if not scratch.seeded or not tree.folder("seeds"):
            return
        files = {f.path.resolve(): f for f in tree.folder("seeds")}
        conn = scratch.conn
        relations = [tuple(r) for r in conn.execute(RELATIONS, {"schemas": app_schemas(conn)})]
        for seed in discover_seeds(tree.seeds_dir):
            file = files[seed.path.resolve()]
            before = _counts(conn, relations)
            try:
                with conn.transaction():
                    conn.execute(file.text.encode())
            except psycopg.Error as error:
                message = (error.diag.message_primary or str(error)).strip().splitlines()[0]
                yield self.at(file, 1, f"seed fails when run a second time: {message}")
                continue
            grown = [f"{name} +{after - before[name]}" for name, after in _counts(conn, relations).items()
                     if after > before[name]]
            if grown:
                yield self.at(file, 1, f"seed adds rows when run a second time: {', '.join(grown)}")


def _counts(conn: psycopg.Connection, relations: list[tuple[str, str]]) -> dict[str, int]:
    if not relations:
        return {}
    query = sql.SQL(" union all ").join(
        sql.SQL("select {}, count(*) from {}").format(sql.Literal(f"{schema}.{name}"), sql.Identifier(schema, name))
        for schema, name in relations)
    return dict(conn.execute(query).fetchall())
