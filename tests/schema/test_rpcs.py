"""RPCs act for the caller only: sessions, coach switch cooldown, similarity over published drills."""

import psycopg
import pytest

from helpers import acting_as, make_user

AVA = "00000000-0000-4000-8000-000000000c01"
KAI = "00000000-0000-4000-8000-000000000c02"
MIRA = "00000000-0000-4000-8000-000000000c03"


def test_start_and_finish_own_session(schema_url, connect):
    conn = connect(schema_url)
    learner = make_user(conn)
    with acting_as(conn, learner):
        session = conn.execute("select public.start_session()").fetchone()[0]
        owner = conn.execute("select user_id from public.sessions where id = %s", (session,)).fetchone()[0]
        assert owner == learner
        minutes = conn.execute("select public.finish_session(%s)", (session,)).fetchone()[0]
        assert minutes >= 0
        assert conn.execute("select count(*) from public.daily_usage where user_id = %s", (learner,)).fetchone()[0] == 1


def test_nobody_finishes_someone_elses_session(schema_url, connect):
    conn = connect(schema_url)
    owner, intruder = make_user(conn), make_user(conn)
    with conn.transaction():
        session = conn.execute("insert into public.sessions (user_id) values (%s) returning id", (owner,)).fetchone()[0]
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="no running session"):
        with acting_as(conn, intruder):
            conn.execute("select public.finish_session(%s)", (session,))
    assert conn.execute("select finished_at from public.sessions where id = %s", (session,)).fetchone()[0] is None


def test_start_session_needs_a_signed_in_learner(schema_url, connect):
    conn = connect(schema_url)
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        with acting_as(conn, None, role="anon"):
            conn.execute("select public.start_session()")


def test_daily_limit_stops_new_sessions(schema_url, connect):
    conn = connect(schema_url)
    learner = make_user(conn)
    conn.execute("insert into public.daily_usage (user_id, day, minutes_used) values (%s, (now() at time zone 'UTC')::date, 10)", (learner,))
    with pytest.raises(psycopg.errors.RaiseException, match="daily practice limit of 10 minutes"):
        with acting_as(conn, learner):
            conn.execute("select public.start_session()")


def test_coach_switch_cooldown(schema_url, connect):
    conn = connect(schema_url)
    learner = make_user(conn)
    with acting_as(conn, learner):
        conn.execute("select public.switch_coach(%s)", (AVA,))
        with pytest.raises(psycopg.errors.RaiseException, match="coach can be switched again after"):
            with conn.transaction():
                conn.execute("select public.switch_coach(%s)", (KAI,))
        assert conn.execute("select coach_id from public.profiles where id = %s", (learner,)).fetchone()[0].hex == AVA.replace("-", "")


def test_coach_switch_allowed_after_cooldown(schema_url, connect):
    conn = connect(schema_url)
    learner = make_user(conn)
    conn.execute("insert into public.coach_switches (user_id, to_coach_id, switched_at) values (%s, %s, now() - interval '8 days')", (learner, AVA))
    with acting_as(conn, learner):
        conn.execute("select public.switch_coach(%s)", (MIRA,))
        assert conn.execute("select count(*) from public.coach_switches where user_id = %s", (learner,)).fetchone()[0] == 2


def test_similarity_rpc_never_returns_unpublished_drills(schema_url, connect):
    conn = connect(schema_url)
    draft_embedding = conn.execute("select embedding::text from public.drills where not is_published limit 1").fetchone()[0]
    for role, user in (("anon", None), ("authenticated", make_user(conn, "editor")), ("service_role", None)):
        with acting_as(conn, user, role=role):
            rows = conn.execute("select m.drill_id, d.is_published from public.match_drills(%s::extensions.vector, 50) m "
                                "join public.drills d on d.id = m.drill_id", (draft_embedding,)).fetchall() \
                if role == "service_role" else \
                [(r[0], True) for r in conn.execute("select drill_id from public.match_drills(%s::extensions.vector, 50)", (draft_embedding,)).fetchall()]
            assert rows, f"{role} got no matches"
            if role == "service_role":
                assert all(published for _, published in rows)
    published_ids = {r[0] for r in conn.execute("select id from public.drills where is_published")}
    with acting_as(conn, None, role="anon"):
        returned = {r[0] for r in conn.execute("select drill_id from public.match_drills(%s::extensions.vector, 50)", (draft_embedding,))}
    assert returned and returned <= published_ids
