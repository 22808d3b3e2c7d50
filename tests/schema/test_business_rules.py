"""Business rules of issue 13 that need more than one statement to show: the learner's local day, fail-closed
limits, one open session, abandoned sessions, pack preview counts, and the API roles' privileges."""

import psycopg
import pytest

from helpers import acting_as, make_user

AVA = "00000000-0000-4000-8000-000000000c01"
KAI = "00000000-0000-4000-8000-000000000c02"
WEST, EAST = "Pacific/Pago_Pago", "Pacific/Kiritimati"  # UTC-11 and UTC+14: never the same calendar day


def _learner_in(conn, zone: str):
    learner = make_user(conn)
    conn.execute("update public.profiles set timezone = %s where id = %s", (zone, learner))
    return learner


def _used_on_day_of(conn, learner, zone: str, minutes: int = 10):
    conn.execute("insert into public.daily_usage (user_id, day, minutes_used) "
                 "values (%s, (now() at time zone %s)::date, %s)", (learner, zone, minutes))


def test_the_day_of_the_limit_is_the_learners_local_day(schema_conn):
    conn = schema_conn
    blocked, free = _learner_in(conn, WEST), _learner_in(conn, WEST)
    _used_on_day_of(conn, blocked, WEST)
    _used_on_day_of(conn, free, EAST)  # another calendar day for a learner in WEST
    with pytest.raises(psycopg.errors.RaiseException, match="daily practice limit of 10 minutes"):
        with acting_as(conn, blocked):
            conn.execute("select public.start_session()")
    with acting_as(conn, free):
        assert conn.execute("select public.start_session()").fetchone()[0]


def test_start_session_fails_closed_without_a_limit(schema_conn):
    conn = schema_conn
    learner = make_user(conn)
    conn.execute("delete from public.tiers where key = 'free'")
    with pytest.raises(psycopg.errors.RaiseException, match="no daily practice limit is configured for the free plan"):
        with acting_as(conn, learner):
            conn.execute("select public.start_session()")


def test_one_open_session_at_a_time(schema_conn):
    conn = schema_conn
    learner = make_user(conn)
    with acting_as(conn, learner):
        first = conn.execute("select public.start_session()").fetchone()[0]
        with pytest.raises(psycopg.errors.RaiseException, match="already running"):
            with conn.transaction():
                conn.execute("select public.start_session()")
        conn.execute("select public.finish_session(%s)", (first,))
        assert conn.execute("select public.start_session()").fetchone()[0] != first


def test_abandoned_sessions_are_closed_at_the_longest_length_and_counted(schema_conn):
    conn = schema_conn
    learner = _learner_in(conn, EAST)
    stale = conn.execute("insert into public.sessions (user_id, started_at) values (%s, now() - interval '5 hours') "
                         "returning id, started_at", (learner,)).fetchone()
    running = conn.execute("insert into public.sessions (user_id, started_at) values (%s, now() - interval '5 minutes') "
                           "returning id", (learner,)).fetchone()[0]
    with acting_as(conn, None, role="service_role"):
        assert conn.execute("select public.close_stale_sessions()").fetchone()[0] == 1
        closed = conn.execute("select finished_at - started_at, minutes_used from public.sessions where id = %s",
                              (stale[0],)).fetchone()
        assert closed[0].total_seconds() == 3600 and closed[1] == 60
        assert conn.execute("select finished_at from public.sessions where id = %s", (running,)).fetchone()[0] is None
        usage = conn.execute("select day, minutes_used from public.daily_usage where user_id = %s", (learner,)).fetchall()
        day = conn.execute("select (%s::timestamptz at time zone %s)::date", (stale[1], EAST)).fetchone()[0]
        assert usage == [(day, 60)]


def test_finish_session_counts_at_most_the_longest_length(schema_conn):
    conn = schema_conn
    learner = make_user(conn)
    session = conn.execute("insert into public.sessions (user_id, started_at) values (%s, now() - interval '3 hours') "
                           "returning id", (learner,)).fetchone()[0]
    with acting_as(conn, learner):
        assert conn.execute("select public.finish_session(%s)", (session,)).fetchone()[0] == 60


def test_a_session_with_another_coach_is_a_switch(schema_conn):
    conn = schema_conn
    learner = make_user(conn)
    with acting_as(conn, learner):
        conn.execute("select public.start_session(%s)", (AVA,))
        assert str(conn.execute("select coach_id from public.profiles where id = %s", (learner,)).fetchone()[0]) == AVA
        assert conn.execute("select count(*) from public.coach_switches where user_id = %s", (learner,)).fetchone()[0] == 1


def test_time_zone_must_exist(schema_conn):
    conn = schema_conn
    learner = make_user(conn)
    with pytest.raises(psycopg.errors.CheckViolation, match="unknown time zone"):
        with acting_as(conn, learner):
            conn.execute("update public.profiles set timezone = 'Mars/Olympus_Mons' where id = %s", (learner,))


def test_pack_preview_counts_follow_the_contents(schema_conn):
    conn = schema_conn
    pack = conn.execute("insert into public.practice_packs (slug, title) values ('count-test', 'Count') "
                        "returning id").fetchone()[0]
    drill = conn.execute("insert into public.drills (slug, title, skill) values ('count-drill', 'D', 'grammar') "
                         "returning id").fetchone()[0]
    conn.execute("insert into public.pack_drills (pack_id, drill_id) values (%s, %s)", (pack, drill))
    expression = conn.execute("insert into public.expressions (pack_id, phrase, meaning, is_published) "
                              "values (%s, 'p', 'm', true) returning id", (pack,)).fetchone()[0]
    counts = "select drill_count, expression_count from public.practice_packs where id = %s"
    assert conn.execute(counts, (pack,)).fetchone() == (1, 1)
    conn.execute("update public.expressions set is_published = false where id = %s", (expression,))
    conn.execute("delete from public.pack_drills where pack_id = %s", (pack,))
    assert conn.execute(counts, (pack,)).fetchone() == (0, 0)


def test_api_roles_hold_only_what_policies_need(schema_conn):
    conn = schema_conn
    extra = conn.execute("""
        select c.oid::regclass::text, r.rolname, p.privilege_type
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        cross join (values ('anon'), ('authenticated'), ('service_role')) r (rolname)
        cross join (values ('TRUNCATE'), ('TRIGGER'), ('REFERENCES')) p (privilege_type)
        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')
          and has_table_privilege(r.rolname, c.oid, p.privilege_type)""").fetchall()
    assert extra == []
    sequences = conn.execute("""
        select c.oid::regclass::text, r.rolname, p.privilege_type
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        cross join (values ('anon'), ('authenticated'), ('service_role')) r (rolname)
        cross join (values ('USAGE'), ('SELECT'), ('UPDATE')) p (privilege_type)
        where n.nspname = 'public' and c.relkind = 'S'
          and has_sequence_privilege(r.rolname, c.oid, p.privilege_type)
          and (r.rolname <> 'service_role' or p.privilege_type = 'UPDATE')""").fetchall()
    assert sequences == []


def test_the_token_hook_adds_the_profile_role(schema_conn):
    conn = schema_conn
    editor = make_user(conn, "editor")
    event = conn.execute("select public.set_role_claim(jsonb_build_object('user_id', %s::text, 'claims', "
                         "'{\"sub\": \"x\"}'::jsonb))", (str(editor),)).fetchone()[0]
    assert event["claims"] == {"sub": "x", "user_role": "editor"}


@pytest.mark.parametrize(("claim", "profile_role", "reads_all"), [
    ("admin", "admin", True),       # claim confirmed by the profile
    (None, "admin", False),         # promoted, token not refreshed yet: own rows only (fails closed)
    ("admin", "learner", False),    # demoted, old token still says admin: own rows only at once
])
def test_owner_range_needs_the_claim_and_the_profile(schema_conn, claim, profile_role, reads_all):
    conn = schema_conn
    reader, learner = make_user(conn, profile_role), make_user(conn)
    conn.execute("insert into public.skill_estimates (user_id, skill, estimate) values (%s, 'speaking', 50)", (learner,))
    with acting_as(conn, reader, user_role=claim):
        seen = conn.execute("select count(*) from public.skill_estimates where user_id = %s", (learner,)).fetchone()[0]
    assert seen == (1 if reads_all else 0)


def test_an_assignment_is_stamped_with_the_assigning_admin(schema_conn):
    """assigned_by comes from the admin's token (0042), whatever the client would like it to say."""
    conn = schema_conn
    admin, learner = make_user(conn, "admin"), make_user(conn)
    drill = conn.execute("select id from public.drills where is_published limit 1").fetchone()[0]
    with acting_as(conn, admin, user_role="admin"):  # the token hook's claim (0040)
        stamped = conn.execute("insert into public.assignments (user_id, drill_id) values (%s, %s) "
                               "returning assigned_by, status", (learner, drill)).fetchone()
        assert stamped == (admin, "assigned")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("insert into public.assignments (user_id, drill_id, assigned_by) values (%s, %s, %s)",
                         (learner, drill, learner))
