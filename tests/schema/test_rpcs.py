"""RPCs act for the caller only: sessions, coach switch cooldown, similarity over published drills."""

import psycopg
import pytest

from helpers import acting_as, make_user

AVA = "00000000-0000-4000-8000-000000000c01"
KAI = "00000000-0000-4000-8000-000000000c02"
MIRA = "00000000-0000-4000-8000-000000000c03"


def test_start_and_finish_own_session(schema_conn):
    conn = schema_conn
    learner = make_user(conn)
    with acting_as(conn, learner):
        session = conn.execute("select public.start_session()").fetchone()[0]
        owner = conn.execute("select user_id from public.sessions where id = %s", (session,)).fetchone()[0]
        assert owner == learner
        minutes = conn.execute("select public.finish_session(%s)", (session,)).fetchone()[0]
        assert minutes >= 0
        assert conn.execute("select count(*) from public.daily_usage where user_id = %s", (learner,)).fetchone()[0] == 1


def test_nobody_finishes_someone_elses_session(schema_conn):
    conn = schema_conn
    owner, intruder = make_user(conn), make_user(conn)
    with conn.transaction():
        session = conn.execute("insert into public.sessions (user_id) values (%s) returning id", (owner,)).fetchone()[0]
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="no running session"):
        with acting_as(conn, intruder):
            conn.execute("select public.finish_session(%s)", (session,))
    assert conn.execute("select finished_at from public.sessions where id = %s", (session,)).fetchone()[0] is None


def test_start_session_needs_a_signed_in_learner(schema_conn):
    conn = schema_conn
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        with acting_as(conn, None, role="anon"):
            conn.execute("select public.start_session()")


def test_daily_limit_stops_new_sessions(schema_conn):
    conn = schema_conn
    learner = make_user(conn)
    conn.execute("insert into public.daily_usage (user_id, day, minutes_used) values (%s, (now() at time zone 'UTC')::date, 10)", (learner,))
    with pytest.raises(psycopg.errors.RaiseException, match="daily practice limit of 10 minutes"):
        with acting_as(conn, learner):
            conn.execute("select public.start_session()")


def test_coach_switch_cooldown(schema_conn):
    conn = schema_conn
    learner = make_user(conn)
    with acting_as(conn, learner):
        conn.execute("select public.switch_coach(%s)", (AVA,))
        with pytest.raises(psycopg.errors.RaiseException, match="coach can be switched again after"):
            with conn.transaction():
                conn.execute("select public.switch_coach(%s)", (KAI,))
        assert conn.execute("select coach_id from public.profiles where id = %s", (learner,)).fetchone()[0].hex == AVA.replace("-", "")


def test_coach_switch_allowed_after_cooldown(schema_conn):
    conn = schema_conn
    learner = make_user(conn)
    conn.execute("insert into public.coach_switches (user_id, to_coach_id, switched_at) values (%s, %s, now() - interval '8 days')", (learner, AVA))
    with acting_as(conn, learner):
        conn.execute("select public.switch_coach(%s)", (MIRA,))
        assert conn.execute("select count(*) from public.coach_switches where user_id = %s", (learner,)).fetchone()[0] == 2


def test_similarity_rpc_never_returns_unpublished_drills(schema_conn):
    conn = schema_conn
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


# A catalogue of a few hundred drills is read without the HNSW index; production's is large enough for
# it, and its scan is what these tests are about.
USE_THE_INDEX = "set local enable_seqscan = off; set local enable_bitmapscan = off; set local enable_sort = off"


def _embedding(row: str = "0") -> str:
    """SQL for a random 768-d embedding; `row` (the inserted row's number) makes each row draw its own."""
    return f"array(select random() - 0.5 + {row} * 0 from generate_series(1, 768))::real[]::extensions.vector"


def _add_drills(conn, prefix: str, count: int, embedding: str, params=()) -> None:
    """`count` published drills `<prefix>-<g>`, written as the server writes them (bypassing RLS)."""
    conn.execute(f"""insert into public.drills (slug, title, skill, status, is_published, published_at, embedding)
                     select '{prefix}-' || g, 'probe', 'grammar', 'published', true, now(), {embedding}
                     from generate_series(1, {count}) g""", params)


def test_similarity_rpc_finds_open_drills_behind_nearer_paid_ones(schema_conn):
    """The paywall filters rows after the HNSW scan, which stopped at hnsw.ef_search candidates before 0043:
    a free learner whose nearest drills are all paid got none."""
    conn = schema_conn
    query = conn.execute(f"select {_embedding()}::text").fetchone()[0]
    _add_drills(conn, "open", 20, _embedding("g"))
    # 200 paid drills right next to the query (its embedding, slightly shifted): nearer than every open one.
    _add_drills(conn, "paid", 200, "(select array_agg(x + (random() - 0.5) * 0.01 + g * 0) "
                                   "from unnest(%s::extensions.vector::real[]) x)::real[]::extensions.vector", (query,))
    pack = conn.execute("insert into public.practice_packs (slug, title, is_free, is_published) "
                        "values ('probe-paid', 'Paid', false, true) returning id").fetchone()[0]
    conn.execute("insert into public.pack_drills (pack_id, drill_id) select %s, id from public.drills "
                 "where slug like 'paid-%%'", (pack,))
    with acting_as(conn, make_user(conn)):
        conn.execute(USE_THE_INDEX)
        rows = conn.execute("select d.slug from public.match_drills(%s::extensions.vector, 50) m "
                            "join public.drills d on d.id = m.drill_id", (query,)).fetchall()
    slugs = [slug for (slug,) in rows]
    assert not any(slug.startswith("paid-") for slug in slugs)
    assert sum(slug.startswith("open-") for slug in slugs) == 20
