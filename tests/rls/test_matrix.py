"""The matrix loader rejects incomplete entries; the coverage gate names missing and stale objects."""

from __future__ import annotations

from pathlib import Path

import pytest

from polaris_db.errors import ConfigError
from polaris_db.rls import catalog
from polaris_db.rls.matrix import ACTORS, coverage, load

MINI_MATRIX = Path(__file__).parent / "fixtures" / "mini_matrix.toml"

USERS = """
[users]
create = "select 1"
editor = "select 1"
admin = "select 1"
"""


def write(tmp_path, body: str):
    path = tmp_path / "matrix.toml"
    path.write_text(USERS + body)
    return path


def test_mini_matrix_expands_every_actor_and_command():
    matrix = load(MINI_MATRIX)
    sessions = matrix.entry("table", "public.sessions")
    cases = sessions.expand("id = id")
    assert {(c.command, c.actor) for c in cases} == {(cmd, a) for cmd in ("select", "insert", "update", "delete")
                                                     for a in ACTORS}
    assert [c.actor for c in cases if c.command == "delete" and c.allowed] == ["owner", "service_role"]


@pytest.mark.parametrize(("body", "message"), [
    ('[[table]]\nname = "public.t"\nrows = "true"\ninsert = "x"\n'
     'allow.select = []\nallow.insert = []\nallow.update = []\n', "table public.t: allow.delete is missing"),
    ('[[view]]\nname = "public.v"\nrows = "true"\nallow.select = ["hacker"]\n',
     "view public.v: allow.select must be a list drawn from"),
    ('[[function]]\nname = "public.f()"\nallow.execute = []\n', "function public.f(): needs `call`"),
    ('[[view]]\nname = "public.v"\nrows = "true"\nallow.select = []\nallow.update = []\n',
     "view public.v: allow.update does not apply to a view"),
    ('[[bucket]]\nname = "b"\nallow.select = []\nallow.insert = []\nallow.update = []\nallow.delete = []\n'
     '[[bucket.case]]\nname = "x"\ncommand = "drop"\nsql = "select 1"\n', "case 'x': command must be one of"),
    ('[[tables]]\nname = "x"\n', "unknown section(s) tables"),
])
def test_loader_names_the_broken_entry(tmp_path, body, message):
    with pytest.raises(ConfigError, match="matrix.toml: .*" + message.replace("(", r"\(").replace(")", r"\)")
                       .replace("[", r"\[")):
        load(write(tmp_path, body))


@pytest.fixture
def mini_conn(mini_db, connect):
    """A transaction on the module's mini-schema database (tests/rls/conftest.py), rolled back afterwards."""
    conn = connect(mini_db, autocommit=False)
    yield conn
    conn.rollback()


def test_coverage_is_clean_on_the_mini_schema(mini_conn):
    assert coverage(load(MINI_MATRIX), catalog.exposed(mini_conn)) == []


@pytest.mark.parametrize(("change", "expected"), [
    ("create table notes (id int primary key)", "public.notes: exposed table has no entry"),
    ("create table notes (id int primary key); alter table notes enable row level security",
     "public.notes: exposed table has no entry"),
    ("create view v_notes with (security_invoker) as select 1 as x", "public.v_notes: exposed view has no entry"),
    ("create function ping(n int, t text) returns int language sql as 'select 1'",
     "public.ping(integer, text): exposed function has no entry"),
    ("insert into storage.buckets (id, name) values ('avatars', 'avatars')", "avatars: exposed bucket has no entry"),
    ("drop view v_my_sessions", "public.v_my_sessions: view listed in mini_matrix.toml does not exist"),
])
def test_coverage_gate_names_the_object(mini_conn, change, expected):
    conn = mini_conn
    conn.execute(change)
    problems = coverage(load(MINI_MATRIX), catalog.exposed(conn))
    assert any(p.startswith(expected) for p in problems), problems


def test_optional_entries_may_be_absent(mini_conn, tmp_path):
    text = MINI_MATRIX.read_text().replace('name = "public.v_my_sessions"', 'name = "public.v_my_sessions"\n'
                                                                             'optional = true')
    conn = mini_conn
    conn.execute("drop view v_my_sessions")
    path = tmp_path / "m.toml"
    path.write_text(text)
    assert coverage(load(path), catalog.exposed(conn)) == []


def test_trigger_and_extension_functions_are_out_of_scope(mini_conn):
    conn = mini_conn
    conn.execute("create extension vector schema public")
    functions = catalog.exposed(conn).functions
    assert "public.handle_new_user()" not in functions
    assert not any(f.startswith("public.vector") for f in functions)
