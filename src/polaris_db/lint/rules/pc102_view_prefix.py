from __future__ import annotations

from pglast import ast

from ..base import Rule
from ..nodes import is_matview

PREFIX = "v_"


class ViewPrefix(Rule):
    """Views and materialized views are named `v_...`.

    Why: PostgREST serves views and tables side by side; the prefix tells a client (and a reviewer)
    that the relation is derived, read-only and carries its own security settings.

    **Anti-pattern**

    ```sql
    create or replace view public.user_progress with (security_invoker = true) as
    select user_id, count(*) as attempts from public.attempts group by user_id;
    ```

    **Best practice**

    ```sql
    create or replace view public.v_user_progress with (security_invoker = true) as
    select user_id, count(*) as attempts from public.attempts group by user_id;
    ```
    """

    id = "PC102"
    name = "view-prefix"

    def check(self, tree):
        for file in tree.schema_files():
            for statement in file.statements:
                node = statement.node
                if isinstance(node, ast.ViewStmt):
                    name, kind = node.view.relname, "view"
                elif is_matview(node):
                    name, kind = node.into.rel.relname, "materialized view"
                else:
                    continue
                if not name.startswith(PREFIX):
                    yield self.at(file, statement.line, f"{kind} {name!r} should be named {PREFIX}{name}")
