"""Issue 20: publishing needs a second person, and the review trail (staff only) starts with the creation."""

import psycopg
import pytest

from helpers import acting_as, make_user


def _draft_by(conn, author, slug: str):
    with conn.transaction():
        conn.execute("set local role authenticated")
        conn.execute("select set_config('request.jwt.claims', %s, true)",
                     (f'{{"role": "authenticated", "sub": "{author}"}}',))
        drill = conn.execute("insert into public.drills (slug, title, skill) values (%s, 'T', 'grammar') returning id",
                             (slug,)).fetchone()[0]
        conn.execute("select public.transition_drill(%s, 'in_review', 'ready')", (drill,))
    return drill


def test_an_admin_cannot_publish_their_own_drill(schema_conn):
    conn = schema_conn
    admin = make_user(conn, "admin")
    drill = _draft_by(conn, admin, "own-drill")
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="second person"):
        with acting_as(conn, admin, user_role="admin"):
            conn.execute("select public.transition_drill(%s, 'published', 'self-review')", (drill,))


def test_a_second_person_publishes_and_is_the_reviewer(schema_conn):
    conn = schema_conn
    editor, admin = make_user(conn, "editor"), make_user(conn, "admin")
    drill = _draft_by(conn, editor, "reviewed-drill")
    with acting_as(conn, admin, user_role="admin"):
        conn.execute("select public.transition_drill(%s, 'published', 'ok')", (drill,))
        conn.execute("reset role")
        assert conn.execute("select created_by, reviewed_by from public.drills where id = %s",
                            (drill,)).fetchone() == (editor, admin)


def test_staff_read_who_created_a_drill_in_the_review_trail(schema_conn):
    conn = schema_conn
    editor, other_editor = make_user(conn, "editor"), make_user(conn, "editor")
    drill = _draft_by(conn, editor, "trail-drill")
    with acting_as(conn, other_editor):
        steps = conn.execute("select from_status, to_status, actor_id from public.drill_revisions "
                             "where drill_id = %s order by created_at, from_status nulls first", (drill,)).fetchall()
    assert steps == [(None, "draft", editor), ("draft", "in_review", editor)]
