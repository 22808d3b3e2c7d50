"""The matrix runner passes on a correct schema, fails naming the table when a policy is gone, and
leaves nothing behind; its verdicts are the psql script's, because both run the head's pg_temp.rls_case."""

from __future__ import annotations

from pathlib import Path

import pytest

from polaris_db.rls.matrix import load
from polaris_db.rls.render import render
from polaris_db.rls.runner import definitions, run_case, run_matrix, start
from polaris_db.rls.script import run_script

MINI_MATRIX = Path(__file__).parent / "fixtures" / "mini_matrix.toml"
RECURSIVE_POLICY = ("create policy profiles_admin on profiles for select to authenticated using "
                    "(exists (select 1 from profiles p where p.id = auth.uid() and p.role = 'admin'))")


@pytest.fixture(scope="module")
def verdict(cluster):
    """pg_temp.rls_verdict of the head, installed in a transaction that is rolled back at the end."""
    import psycopg

    with psycopg.connect(cluster.url("postgres")) as conn:
        conn.execute(definitions().encode())
        yield lambda command, rows, state: conn.execute("select pg_temp.rls_verdict(%s, %s, %s)",
                                                        [command, rows, state]).fetchone()[0]
        conn.rollback()


@pytest.mark.parametrize(("command", "rows", "state", "expected"), [
    ("select", 1, None, "allowed"),
    ("select", 0, None, "denied"),
    ("update", None, "42501", "denied"),  # permission denied
    ("insert", None, "42501", "denied"),  # new row violates row-level security policy
    ("insert", None, "23505", "allowed"),  # duplicate key: privileges and RLS let the row through
    ("update", None, "23505", "error"),
    ("insert", None, "23502", "error"),  # null value
    ("select", None, "42P17", "error"),  # infinite recursion detected in policy
    ("delete", None, "23514", "denied"),  # check constraint
    ("execute", 0, None, "allowed"),
    ("execute", None, "P0001", "denied"),  # a guard's raise exception
])
def test_verdicts(verdict, command, rows, state, expected):
    assert verdict(command, rows, state) == expected


def failures(url, connect, matrix=MINI_MATRIX) -> list[str]:
    return [f"{r.case.id}: {r.explain()}" for r in run_matrix(connect(url, autocommit=False), load(matrix))
            if not r.passed]


def test_correct_schema_passes_and_leaves_nothing(mini_db, connect):
    conn = connect(mini_db)
    before = conn.execute("select (select count(*) from auth.users), (select count(*) from sessions),"
                          " (select count(*) from storage.objects)").fetchone()
    assert failures(mini_db, connect) == []
    assert failures(mini_db, connect) == []  # twice on the same database
    after = conn.execute("select (select count(*) from auth.users), (select count(*) from sessions),"
                         " (select count(*) from storage.objects)").fetchone()
    assert after == before


@pytest.mark.parametrize(("breakage", "expected"), [
    ("drop policy sessions_own on sessions", "public.sessions:select:owner: expected allowed, got denied"),
    ("create policy sessions_peek on sessions for select to authenticated using (true)",
     "public.sessions:select:other: expected denied, got allowed"),
    ("drop trigger profiles_guard_role on profiles",
     "public.profiles:raise own role to admin:owner: expected denied, got allowed"),
    ("grant execute on function private_is_admin(uuid) to anon",
     "public.private_is_admin(uuid):execute:anon: expected denied, got allowed"),
    ("alter view v_my_sessions set (security_invoker = false)",
     "public.v_my_sessions:select:other: expected denied, got allowed"),
    ("drop policy user_media_own on storage.objects; create policy user_media_any on storage.objects for all "
     "to authenticated using (bucket_id = 'user-media') with check (bucket_id = 'user-media')",
     "user-media:insert:other: expected denied, got allowed"),
    # an admin check that reads profiles from inside a profiles policy: recursion, not a denial
    (RECURSIVE_POLICY, "public.profiles:select:owner: expected allowed, got error: 42P17"),
    (RECURSIVE_POLICY, "public.profiles:select:other: expected denied, got error: 42P17"),
])
def test_breakage_fails_naming_the_object(mini_db, connect, breakage, expected):
    """The breakage and the run share one transaction on the module's database (tests/rls/conftest.py):
    run_matrix rolls it all back at the end."""
    conn = connect(mini_db, autocommit=False)
    conn.execute(breakage)
    found = [f"{r.case.id}: {r.explain()}" for r in run_matrix(conn, load(MINI_MATRIX)) if not r.passed]
    assert any(f.startswith(expected) for f in found), found


def test_python_api_and_psql_script_give_the_same_verdicts(mini_url, connect, tmp_path):
    """One executor: a matrix with a wrong expectation (owner may not select sessions) and a broken fixture
    (drills), on a schema with a recursive policy; run_matrix and the rendered script, run by psql, fail the
    same cases, saying the same."""
    matrix = tmp_path / "matrix.toml"
    matrix.write_text(MINI_MATRIX.read_text().replace(
        'allow.select = ["owner", "admin", "service_role"]\nallow.insert = ["owner", "service_role"]',
        'allow.select = ["admin", "service_role"]\nallow.insert = ["owner", "service_role"]', 1).replace(
        "insert into public.drills (title, status)", "insert into public.drills (title, state)", 1))
    conn = connect(mini_url)
    conn.execute(RECURSIVE_POLICY)
    script = tmp_path / "rls_tests.sql"
    script.write_text(render(load(matrix), conn))

    # the TAP line carries the explanation of a failed check only
    api = {r.case.title: (r.passed, None if r.passed else r.explain())
           for r in run_matrix(connect(mini_url, autocommit=False), load(matrix))}
    run = run_script(mini_url, script)
    psql = {c.description: (c.passed, c.explanation) for c in run.results}

    assert run.complete and not run.passed and run.returncode == 3
    assert psql == api
    assert api["owner may not select public.sessions"] == (False, "expected denied, got allowed: 1 row(s)")
    assert api["owner may select public.profiles"][1].startswith("expected allowed, got error: 42P17 ")
    assert api["other may not select public.profiles"][1].startswith("expected denied, got error: 42P17 ")
    assert api["anon may select public.drills"] == (False, (
        'expected allowed, got setup failed: 42703 setup of public.drills failed: '
        'column "state" of relation "drills" does not exist'))
    # the fixture runs once per object: every case of the object reports its failure
    drills = {title: outcome for title, outcome in api.items() if title.endswith("public.drills")}
    assert len(drills) == 24 and {passed for passed, _ in drills.values()} == {False}
    assert {explanation.split(", got ", 1)[1] for _, explanation in drills.values()} == {
        'setup failed: 42703 setup of public.drills failed: column "state" of relation "drills" does not exist'}


ISOLATION_CASES = {
    # after the expanded cases (owner and service_role insert a session, then each deletes the owner's sessions)
    'allow.delete = ["owner", "service_role"]\n\n[[table]]\nname = "public.drills"':
    '''allow.delete = ["owner", "service_role"]

[[table.case]]
name = "insert a second own session"
command = "insert"
sql = "insert into public.sessions (user_id) values (:'owner')"
actors = ["owner"]
allow = ["owner"]

[[table.case]]
name = "count exactly the fixture's session"
command = "select"
sql = "select 1 from public.sessions where user_id = :'owner' having count(*) = 1"
actors = ["owner", "service_role"]
allow = ["owner", "service_role"]

[[table]]
name = "public.drills"''',
    # the next object has the same fixture row: one session, not the previous object's too
    'allow.select = ["owner", "admin", "service_role"]\n\n[[view]]\nname = "public.v_drill_counts"':
    '''allow.select = ["owner", "admin", "service_role"]

[[view.case]]
name = "count exactly this object's fixture session"
command = "select"
sql = "select 1 from public.v_my_sessions where user_id = :'owner' and n = 1"
actors = ["service_role"]
allow = ["service_role"]

[[view]]
name = "public.v_drill_counts"''',
}


def test_cases_see_their_objects_fixture_rows_and_never_each_others_writes(mini_db, connect, tmp_path):
    """An object's fixture rows are written once and shared by its cases, yet no case sees another's writes:
    after the owner and service_role have each inserted a session and deleted the owner's sessions, and the owner
    has inserted one more, the owner's sessions are exactly the fixture's one (a leaked insert makes two, a leaked
    delete none); the next object's cases see its own fixture session only (a leaked fixture makes two). Both
    executors: run_matrix and the rendered script under psql."""
    text = MINI_MATRIX.read_text()
    for anchor, replacement in ISOLATION_CASES.items():
        assert text.count(anchor) == 1, anchor
        text = text.replace(anchor, replacement)
    path = tmp_path / "matrix.toml"
    path.write_text(text)
    matrix = load(path)
    named = {"owner may insert a second own session (public.sessions)",
             "owner may count exactly the fixture's session (public.sessions)",
             "service_role may count exactly the fixture's session (public.sessions)",
             "service_role may count exactly this object's fixture session (public.v_my_sessions)"}

    api = run_matrix(connect(mini_db, autocommit=False), matrix)
    assert named <= {r.case.title for r in api}
    assert [f"{r.case.title}: {r.explain()}" for r in api if not r.passed] == []

    script = tmp_path / "rls_tests.sql"
    script.write_text(render(matrix, connect(mini_db)))
    run = run_script(mini_db, script)
    assert named <= {c.description for c in run.results}
    assert run.passed and run.complete, run.failures or run.errors


def test_a_case_refuses_to_run_on_another_objects_fixture_rows(mini_db, connect):
    """rls_case writes an object's fixture rows once and leaves them for its next cases: a case of another object
    while they are in place (no rollback to savepoint rls_object between objects) raises, naming both."""
    import psycopg

    conn = connect(mini_db, autocommit=False)
    matrix = load(MINI_MATRIX)
    start(conn, matrix)
    sessions = matrix.entry("table", "public.sessions").expand()[0]
    assert run_case(conn, sessions).passed
    query = "select pg_temp.rls_case('x', 'owner', 'select', 'public.drills', 'select 1', 'allow', null)"
    with pytest.raises(psycopg.errors.RaiseException, match="the fixture rows of public.sessions are still in place "
                                                            "before the checks of public.drills"):
        conn.execute(query)
    conn.rollback()
