from __future__ import annotations

from pglast import ast, enums

from ..base import Rule
from ..nodes import relation_name, walk

PRIMARY = enums.ConstrType.CONSTR_PRIMARY


class TablePrimaryKey(Rule):
    """Every table the migrations create has a primary key (in `create table` or a later `add primary key`).

    Why: without one, rows cannot be addressed reliably (PostgREST updates, logical replication,
    Supabase's table editor all need it) and duplicates creep in silently.

    **Anti-pattern**

    ```sql
    create table if not exists public.drill_set_items (set_id uuid not null, drill_id uuid not null);
    ```

    **Best practice**

    ```sql
    create table if not exists public.drill_set_items (
        set_id uuid not null,
        drill_id uuid not null,
        primary key (set_id, drill_id)
    );
    ```
    """

    id = "PC201"
    name = "table-primary-key"

    def check(self, tree):
        created, keyed = [], set()
        for file in tree.schema_files():
            for statement in file.statements:
                node = statement.node
                if isinstance(node, ast.CreateStmt):
                    if node.partbound is None and node.relation.relpersistence != "t":
                        created.append((file, statement.line, relation_name(node.relation)))
                    if _has_primary_key(node.tableElts):
                        keyed.add(relation_name(node.relation))
                elif isinstance(node, ast.AlterTableStmt) and _has_primary_key(node.cmds):
                    keyed.add(relation_name(node.relation))
        for file, line, table in created:
            if table not in keyed:
                yield self.at(file, line, f"table {table} has no primary key")


def _has_primary_key(nodes) -> bool:
    return any(isinstance(n, ast.Constraint) and n.contype == PRIMARY for n in walk(list(nodes or ())))
