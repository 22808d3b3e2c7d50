"""The grant path: one transaction, idempotent per provider event, safe under concurrency."""

import threading

import psycopg
import pytest

from helpers import make_user

GRANT = "select public.grant_entitlement(%s, %s, %s, %s)"


def counts(conn, user):
    return (conn.execute("select count(*) from public.entitlement_ledger where user_id = %s", (user,)).fetchone()[0],
            conn.execute("select count(*) from public.entitlements where user_id = %s", (user,)).fetchone()[0])


def test_grant_writes_ledger_and_entitlement(schema_url, connect):
    conn = connect(schema_url)
    learner = make_user(conn)
    conn.execute(GRANT, (learner, "pro", "shopify", "evt_1"))
    assert counts(conn, learner) == (1, 1)
    assert conn.execute("select plan from public.entitlements where user_id = %s", (learner,)).fetchone()[0] == "pro"


def test_replayed_event_changes_nothing(schema_url, connect):
    conn = connect(schema_url)
    learner = make_user(conn)
    first = conn.execute(GRANT, (learner, "pro", "shopify", "evt_2")).fetchone()[0]
    again = conn.execute(GRANT, (learner, "pro", "shopify", "evt_2")).fetchone()[0]
    assert first == again and counts(conn, learner) == (1, 1)


def test_grant_failing_half_way_leaves_neither_row(schema_url, connect):
    conn = connect(schema_url)
    learner = make_user(conn)
    # The ledger insert succeeds, then the entitlement check (plan in free/pro) would be the failure point;
    # a plan the ledger also rejects fails first, so break the second write instead with a trigger.
    conn.execute("""create function pg_temp.fail() returns trigger language plpgsql as
                    $$ begin raise exception 'entitlement write failed'; end $$""")
    conn.execute("create trigger fail_entitlements before insert on public.entitlements for each row execute function pg_temp.fail()")
    with pytest.raises(psycopg.errors.RaiseException, match="entitlement write failed"):
        conn.execute(GRANT, (learner, "pro", "shopify", "evt_3"))
    conn.execute("drop trigger fail_entitlements on public.entitlements")
    assert counts(conn, learner) == (0, 0)


def test_concurrent_grants_of_one_event_grant_once(schema_url, connect):
    setup = connect(schema_url)
    learner = make_user(setup)
    barrier = threading.Barrier(4)
    errors = []

    def deliver():
        try:
            conn = connect(schema_url)
            barrier.wait(5)
            conn.execute(GRANT, (learner, "pro", "shopify", "evt_race"))
        except Exception as error:  # surfaced by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=deliver) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert counts(setup, learner) == (1, 1)


def test_learners_cannot_call_the_grant_path(schema_url, connect):
    conn = connect(schema_url)
    learner = make_user(conn)
    from helpers import acting_as
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        with acting_as(conn, learner):
            conn.execute(GRANT, (learner, "pro", "manual", "self_grant"))
