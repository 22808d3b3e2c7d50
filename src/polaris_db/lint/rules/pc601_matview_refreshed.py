from __future__ import annotations

import psycopg

from ...shim import superuser_connection
from ...rls.catalog import app_schemas
from ..base import Rule

REFRESH_FUNCTION = "public.refresh_views"
MATVIEWS = """
select format('%%I.%%I', schemaname, matviewname) from pg_matviews where schemaname = any(%(schemas)s) order by 1
"""
# An event trigger records every REFRESH MATERIALIZED VIEW that refresh_views() runs, dynamic SQL included.
# Created, used and rolled back inside one transaction: the scratch database is left as it was. Event
# triggers need a superuser (postgres is none, as on hosted): the probe runs as the shim's superuser.
PROBE = """
create schema lint_probe;
create table lint_probe.refreshed (name text);
create function lint_probe.record_refresh() returns event_trigger language plpgsql security definer as $$
begin
  insert into lint_probe.refreshed
  select object_identity from pg_event_trigger_ddl_commands() where command_tag = 'REFRESH MATERIALIZED VIEW';
end $$;
create event trigger lint_probe_refresh on ddl_command_end when tag in ('REFRESH MATERIALIZED VIEW')
execute function lint_probe.record_refresh();
"""


class MatviewRefreshed(Rule):
    """Every materialized view is refreshed by `public.refresh_views()`, the one function cron calls.

    Why: a materialized view nobody refreshes serves stale numbers forever, and nothing fails.
    Checked on the scratch database: `refresh_views()` is called under an event trigger that records
    each view it refreshes, so dynamic SQL (`execute format('refresh materialized view %s', ...)`)
    counts. Supabase's advisor `materialized_view_in_api` is owned here: a materialized view has no RLS,
    so one readable by anon/authenticated must hold only public aggregates (exceptions listed below).

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
    catalog = True
    advisor_lints = ("materialized_view_in_api",)
    advisor_exceptions: dict[tuple[str, str], str] = {}

    def check_catalog(self, tree, scratch):
        conn = scratch.conn
        matviews = [row[0] for row in conn.execute(MATVIEWS, {"schemas": app_schemas(conn)})]
        if not matviews:
            return
        function = tree.locate("function", REFRESH_FUNCTION)
        if function is None:
            for name in matviews:
                yield self.at_location(tree, tree.locate("view", name),
                                       f"materialized view {name} is never refreshed: no {REFRESH_FUNCTION}()")
            return
        try:
            refreshed = _refreshed_by_function(conn)
        except psycopg.Error as error:
            message = (error.diag.message_primary or str(error)).strip().splitlines()[0]
            yield self.at_location(tree, function, f"{REFRESH_FUNCTION}() fails on a fresh database: {message}")
            return
        for name in matviews:
            if name not in refreshed:
                yield self.at_location(tree, tree.locate("view", name),
                                       f"materialized view {name} is not refreshed by {REFRESH_FUNCTION}()")


def _refreshed_by_function(conn: psycopg.Connection) -> set[str]:
    with superuser_connection(conn) as admin, admin.transaction(force_rollback=True):
        admin.execute(PROBE)
        admin.execute(f"select {REFRESH_FUNCTION}()")
        return {row[0] for row in admin.execute("select name from lint_probe.refreshed")}
