"""Views return the right aggregates on fixture data, and only the caller's rows."""

from datetime import datetime, timezone

from helpers import acting_as, make_user

DRILL_1 = "00000000-0000-4000-8000-0000000003e9"  # demo-drill-1 (published)
DRILL_2 = "00000000-0000-4000-8000-0000000003ea"  # demo-drill-2 (published)


def add_attempts(conn, user, drill, scores, day):
    for score in scores:
        conn.execute("insert into public.attempts (user_id, drill_id, score, created_at) values (%s, %s, %s, %s)",
                     (user, drill, score, day))


def test_drill_stats_aggregate_after_refresh(schema_conn):
    conn = schema_conn
    alice, bob = make_user(conn), make_user(conn)
    monday = datetime(2026, 11, 2, 10, tzinfo=timezone.utc)
    tuesday = datetime(2026, 11, 3, 10, tzinfo=timezone.utc)
    add_attempts(conn, alice, DRILL_1, [80, 90], monday)
    add_attempts(conn, bob, DRILL_1, [70], tuesday)
    add_attempts(conn, bob, DRILL_2, [50], monday)
    refreshed = {r[0] for r in conn.execute("select * from public.refresh_views()")}
    assert {"public.v_drill_stats", "public.v_drill_stats_daily"} <= refreshed
    assert conn.execute("select attempts, learners, avg_score from public.v_drill_stats where drill_id = %s",
                        (DRILL_1,)).fetchone() == (3, 2, 80)
    daily = conn.execute("select day::text, attempts, avg_score from public.v_drill_stats_daily where drill_id = %s order by day",
                         (DRILL_1,)).fetchall()
    assert daily == [("2026-11-02", 2, 85), ("2026-11-03", 1, 70)]


def test_user_progress_shows_only_the_callers_row(schema_conn):
    conn = schema_conn
    alice, bob = make_user(conn), make_user(conn)
    add_attempts(conn, alice, DRILL_1, [60, 100], datetime.now(timezone.utc))
    add_attempts(conn, bob, DRILL_2, [10], datetime.now(timezone.utc))
    with acting_as(conn, alice):
        rows = conn.execute("select user_id, attempts, avg_score, drills_practised from public.v_user_progress").fetchall()
    assert rows == [(alice, 2, 80, 1)]


def test_weekly_recap_per_learner_and_week(schema_conn):
    conn = schema_conn
    alice, bob = make_user(conn), make_user(conn)
    conn.execute("insert into public.sessions (user_id, started_at, finished_at, minutes_used) values "
                 "(%s, '2026-11-02 09:00Z', '2026-11-02 09:10Z', 10), (%s, '2026-11-04 09:00Z', '2026-11-04 09:05Z', 5), "
                 "(%s, '2026-11-02 09:00Z', '2026-11-02 09:20Z', 20)", (alice, alice, bob))
    add_attempts(conn, alice, DRILL_1, [50, 60, 70], datetime(2026, 11, 3, tzinfo=timezone.utc))
    with acting_as(conn, alice):
        rows = conn.execute("select user_id, week_start::date::text, sessions, minutes, attempts from public.v_weekly_recap").fetchall()
    assert rows == [(alice, "2026-11-02", 2, 15, 3)]


def test_materialized_stats_are_not_exposed_to_clients(schema_conn):
    conn = schema_conn
    for role in ("anon", "authenticated"):
        assert conn.execute("select has_table_privilege(%s, 'public.v_drill_stats', 'select')", (role,)).fetchone()[0] is False
