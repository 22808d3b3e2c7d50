"""Each audit stays quiet on a correct schema and names the object when one thing is broken.

One database with tests/rls/fixtures/mini_schema.sql for the module: each case runs in a transaction that
is rolled back (DDL is transactional), so every case sees the correct schema plus its one break.
"""

from __future__ import annotations

import psycopg
import pytest

from polaris_db import shim
from polaris_db.rls.audits import run_audits

PUBLIC_AGGREGATES = frozenset({"public.v_drill_counts"})


def findings(conn, public_aggregates=PUBLIC_AGGREGATES) -> list[str]:
    return [str(f) for f in run_audits(conn, public_aggregates)]


@pytest.fixture
def mini_conn(mini_db):
    """A connection in a transaction on the module's database (tests/rls/conftest.py), rolled back afterwards."""
    with psycopg.connect(mini_db) as conn:
        yield conn
        conn.rollback()


def test_correct_schema_has_no_findings(mini_conn):
    assert findings(mini_conn) == []


@pytest.fixture
def with_partitioned_table(mini_conn):
    mini_conn.execute("create table notes_p (year int, body text) partition by range (year);"
                      "alter table notes_p enable row level security")
    return mini_conn


BREAKAGES = [
    pytest.param("alter table sessions disable row level security",
                 "public.sessions: rls-disabled", id="rls-off"),
    pytest.param("create table notes (id int primary key, body text)",
                 "public.notes: rls-disabled", id="new-table-without-rls"),
    pytest.param("create table notes_2026 partition of notes_p for values from (2026) to (2027)",
                 "public.notes_2026: rls-disabled", id="partition-without-rls"),
    pytest.param("alter table storage.objects disable row level security",
                 "storage.objects: rls-disabled", id="storage-rls-off"),
    pytest.param("create policy sessions_upd on sessions for update to authenticated using (user_id = auth.uid())",
                 "public.sessions: policy-without-check: policy 'sessions_upd' (for update)", id="update-no-check"),
    pytest.param("create policy drills_ins on drills for insert to anon with check (true)",
                 "public.drills: write-policy-always-true: policy 'drills_ins' (for insert)", id="anon-insert-true"),
    pytest.param("create policy drills_all on drills for all to public using (true) with check (true)",
                 "public.drills: write-policy-always-true: policy 'drills_all' (for all)", id="all-true"),
    pytest.param("create function leak() returns int language sql security definer as 'select 1'",
                 "public.leak(): definer-search-path", id="definer-no-search-path"),
    pytest.param("create function leak() returns int language sql security definer set search_path = '' "
                 "as 'select 1'", "public.leak(): definer-public-execute", id="definer-public-execute"),
    # a view is a finding once an API role may read it; the platform no longer grants that by default
    pytest.param("create view v_all_sessions as select * from sessions; grant select on v_all_sessions to authenticated",
                 "public.v_all_sessions: definer-view: view runs as its owner over RLS tables public.sessions",
                 id="definer-view"),
    pytest.param("create view v_inner with (security_invoker) as select * from sessions; "
                 "create view v_outer as select * from v_inner; grant select on v_outer to authenticated",
                 "public.v_outer: definer-view", id="definer-view-over-invoker-view"),
    pytest.param("create materialized view mv_sessions as select user_id, count(*) from sessions group by 1; "
                 "grant select on mv_sessions to authenticated",
                 "public.mv_sessions: definer-view: materialized view", id="matview"),
    pytest.param("create or replace view v_drill_counts as select status, count(*) as n, min(id::text) as user_id "
                 "from drills group by status", "public.v_drill_counts: definer-view: listed as public_aggregate "
                 "but it exposes personal column(s) user_id", id="aggregate-with-personal-column"),
    pytest.param("drop view v_drill_counts; create view v_drill_counts as select status, 1 as n from drills; "
                 "grant select on v_drill_counts to anon",
                 "public.v_drill_counts: definer-view: listed as public_aggregate but its top-level query "
                 "neither groups nor aggregates", id="public-aggregate-returning-rows"),
]


@pytest.mark.parametrize(("breakage", "expected"), BREAKAGES)
def test_breakage_is_named(with_partitioned_table, breakage, expected):
    conn = with_partitioned_table
    if breakage.startswith("alter table storage."):  # a platform table: only the platform's roles can
        with shim.superuser_connection(conn) as admin:
            admin.execute(breakage)
            admin.commit()
            try:
                found = findings(conn)
            finally:
                admin.execute(breakage.replace(" disable ", " enable "))
                admin.commit()
    else:
        conn.execute(breakage)
        found = findings(conn)
    assert any(f.startswith(expected) for f in found), found


def test_revoked_definer_view_is_not_a_finding(mini_conn):
    """A server-only view (no select for anon/authenticated) may run as its owner."""
    conn = mini_conn
    conn.execute("create view v_all_sessions as select * from sessions;"
                 "revoke all on v_all_sessions from anon, authenticated, public")
    assert findings(conn) == []


def test_definer_trigger_function_needs_no_grants(mini_conn):
    """Trigger functions cannot be called directly, so PUBLIC execute on them is harmless."""
    conn = mini_conn
    conn.execute("grant execute on function handle_new_user() to public")
    assert findings(conn) == []
