"""Issue 20: daily limits cannot be shopped by time zone. A session's counting day is decided when it starts and
stored; a zone change waits for a day without practice; only zone names Postgres lists, no POSIX offsets."""

import psycopg
import pytest

from helpers import acting_as, acting_as_committed, make_user

WEST, EAST = "Pacific/Pago_Pago", "Pacific/Kiritimati"  # UTC-11 and UTC+14: never the same calendar day


def _learner_in(conn, zone: str):
    learner = make_user(conn)
    conn.execute("update public.profiles set timezone = %s where id = %s", (zone, learner))
    return learner


def _today(conn, zone: str):
    return conn.execute("select (now() at time zone %s)::date", (zone,)).fetchone()[0]


@pytest.mark.parametrize("zone", ["UTC+167", "<+167>-167", "EST5EDT,M3.2.0,M11.1.0", "Mars/Olympus_Mons"])
def test_only_listed_zone_names_are_accepted(schema_url, connect, zone):
    conn = connect(schema_url)
    learner = make_user(conn)
    with pytest.raises(psycopg.errors.CheckViolation, match="unknown time zone"):
        with acting_as(conn, learner):
            conn.execute("update public.profiles set timezone = %s where id = %s", (zone, learner))


def test_a_zone_change_waits_for_a_day_without_practice(schema_url, connect):
    """At 10/10 minutes, moving to a zone where it is already tomorrow would give 10 more: refused."""
    conn = connect(schema_url)
    learner = _learner_in(conn, WEST)
    conn.execute("insert into public.daily_usage (user_id, day, minutes_used) values (%s, %s, 10)",
                 (learner, _today(conn, WEST)))
    with pytest.raises(psycopg.errors.RaiseException, match="time zone"):
        with acting_as(conn, learner):
            conn.execute("update public.profiles set timezone = %s where id = %s", (EAST, learner))
    with pytest.raises(psycopg.errors.RaiseException, match="daily practice limit"):
        with acting_as(conn, learner):
            conn.execute("select public.start_session()")


def test_a_zone_change_is_refused_while_a_session_is_open(schema_url, connect):
    conn = connect(schema_url)
    learner = _learner_in(conn, WEST)
    with acting_as(conn, learner):
        conn.execute("select public.start_session()")
        with pytest.raises(psycopg.errors.RaiseException, match="time zone"):
            with conn.transaction():
                conn.execute("update public.profiles set timezone = %s where id = %s", (EAST, learner))


def test_a_zone_change_on_a_day_without_practice_is_allowed(schema_url, connect):
    conn = connect(schema_url)
    learner = _learner_in(conn, WEST)
    conn.execute("insert into public.daily_usage (user_id, day, minutes_used) values (%s, %s - 1, 10)",
                 (learner, _today(conn, WEST)))  # yesterday's practice does not hold today's change back
    with acting_as(conn, learner):
        conn.execute("update public.profiles set timezone = %s where id = %s", (EAST, learner))
        assert conn.execute("select timezone from public.profiles where id = %s", (learner,)).fetchone()[0] == EAST


def test_finish_session_counts_the_day_start_session_checked(schema_url, connect):
    """The zone changes under a running session (the server may correct it): the minutes stay on the start's day."""
    conn = connect(schema_url)
    learner = _learner_in(conn, WEST)
    with acting_as_committed(conn, learner):
        session = conn.execute("select public.start_session()").fetchone()[0]
    conn.execute("update public.sessions set started_at = now() - interval '5 minutes' where id = %s", (session,))
    conn.execute("update public.profiles set timezone = %s where id = %s", (EAST, learner))  # as the server
    with acting_as(conn, learner):
        conn.execute("select public.finish_session(%s)", (session,))
        days = [row[0] for row in conn.execute("select day from public.daily_usage where user_id = %s", (learner,))]
    assert days == [_today(conn, WEST)]


def test_a_stale_session_counts_on_its_starting_day(schema_url, connect):
    conn = connect(schema_url)
    learner = _learner_in(conn, WEST)
    with acting_as_committed(conn, learner):
        session = conn.execute("select public.start_session()").fetchone()[0]
    conn.execute("update public.sessions set started_at = now() - interval '61 minutes' where id = %s", (session,))
    conn.execute("update public.profiles set timezone = %s where id = %s", (EAST, learner))
    with acting_as(conn, None, role="service_role"):
        conn.execute("select public.close_stale_sessions()")
        days = [row[0] for row in conn.execute("select day from public.daily_usage where user_id = %s", (learner,))]
    assert days == [_today(conn, WEST)]
