from __future__ import annotations

from pglast import ast, enums

from ..base import Rule
from ..nodes import is_matview, qualified, relation_name

REFRESH_FUNCTION = "public.refresh_views"


class MatviewRefreshed(Rule):
    """Every materialized view is refreshed by `public.refresh_views()`, the one function cron calls.

    Why: a materialized view nobody refreshes serves stale numbers forever, and nothing fails.
    Checked against the last definition of `refresh_views()` in the migrations (its body is parsed).
    Supabase's advisor `materialized_view_in_api` is owned here: a materialized view has no RLS, so
    one readable by anon/authenticated must hold only public aggregates (exceptions listed below).

    **Anti-pattern**

    ```sql
    create materialized view if not exists public.v_drill_stats_daily as
    select drill_id, count(*) as attempts from public.attempts group by drill_id;
    -- refresh_views() does not mention it
    ```

    **Best practice**

    ```sql
    create materialized view if not exists public.v_drill_stats_daily as
    select drill_id, count(*) as attempts from public.attempts group by drill_id;
    create or replace function public.refresh_views() returns void
    language plpgsql security definer set search_path = '' as $$
    begin
        refresh materialized view public.v_drill_stats_daily;
    end $$;
    ```
    """

    id = "PC601"
    name = "matview-refreshed"
    advisor_lints = ("materialized_view_in_api",)
    advisor_exceptions: dict[tuple[str, str], str] = {}

    def check(self, tree):
        matviews: dict[str, tuple] = {}
        refreshed: set[str] | None = None
        for file in tree.migrations:
            for statement in file.statements:
                node = statement.node
                if is_matview(node):
                    matviews[relation_name(node.into.rel)] = (file, statement.line)
                elif isinstance(node, ast.DropStmt) and node.removeType == enums.ObjectType.OBJECT_MATVIEW:
                    for name in node.objects:
                        matviews.pop(qualified(name), None)
            if any(_defines_refresh(s.node) for s in file.statements):
                refreshed = {relation_name(s.node.relation) for s in file.embedded
                             if s.function == REFRESH_FUNCTION and isinstance(s.node, ast.RefreshMatViewStmt)}
        for name, (file, line) in sorted(matviews.items()):
            if refreshed is None:
                yield self.at(file, line, f"materialized view {name} is never refreshed: "
                                          f"no {REFRESH_FUNCTION}() in the migrations")
            elif name not in refreshed:
                yield self.at(file, line, f"materialized view {name} is not refreshed by {REFRESH_FUNCTION}()")


def _defines_refresh(node) -> bool:
    return isinstance(node, ast.CreateFunctionStmt) and qualified(node.funcname) == REFRESH_FUNCTION
