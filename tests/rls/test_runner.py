"""The matrix runner passes on a correct schema, fails naming the table when a policy is gone, and
leaves nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from polaris_db.rls.matrix import load
from polaris_db.rls.runner import Outcome, run_matrix

MINI_MATRIX = Path(__file__).parent / "fixtures" / "mini_matrix.toml"


@pytest.mark.parametrize(("command", "outcome", "verdict"), [
    ("select", Outcome(rows=1), "allowed"),
    ("select", Outcome(rows=0), "denied"),
    ("update", Outcome(sqlstate="42501", message="permission denied"), "denied"),
    ("insert", Outcome(sqlstate="42501", message="new row violates row-level security policy"), "denied"),
    ("insert", Outcome(sqlstate="23505", message="duplicate key"), "allowed"),
    ("update", Outcome(sqlstate="23505", message="duplicate key"), "error"),
    ("insert", Outcome(sqlstate="23502", message="null value"), "error"),
    ("select", Outcome(sqlstate="42P17", message="infinite recursion detected in policy"), "error"),
    ("execute", Outcome(rows=0), "allowed"),
    ("execute", Outcome(sqlstate="P0001", message="not allowed"), "denied"),
])
def test_verdicts(command, outcome, verdict):
    assert outcome.verdict(command) == verdict


def failures(url, connect) -> list[str]:
    return [f"{r.case.id}: {r.explain()}" for r in run_matrix(connect(url, autocommit=False), load(MINI_MATRIX))
            if not r.passed]


def test_correct_schema_passes_and_leaves_nothing(mini_url, connect):
    conn = connect(mini_url)
    before = conn.execute("select (select count(*) from auth.users), (select count(*) from sessions),"
                          " (select count(*) from storage.objects)").fetchone()
    assert failures(mini_url, connect) == []
    assert failures(mini_url, connect) == []  # twice on the same database
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
    ("create policy profiles_admin on profiles for select to authenticated using "
     "(exists (select 1 from profiles p where p.id = auth.uid() and p.role = 'admin'))",
     "public.profiles:select:owner: expected allowed, got error: 42P17"),
])
def test_breakage_fails_naming_the_object(mini_url, connect, breakage, expected):
    connect(mini_url).execute(breakage)
    found = failures(mini_url, connect)
    assert any(f.startswith(expected) for f in found), found
