"""Masking in place on a production-like database: no original survives, keys and constraints hold,
deterministic under one key, different under another. (Tests about how masking works, not about the counts of
the 300-learner database, use the 40-learner one: small_production_url.)"""

from __future__ import annotations

import hashlib
import re

import psycopg
import pytest

from polaris_db.errors import BackupError
from polaris_db.snapshots import leak
from polaris_db.snapshots.mask import mask_database
from polaris_db.snapshots.rules import Rule, catalog, load

KEY = hashlib.sha256(b"one").digest()
OTHER = hashlib.sha256(b"two").digest()
PERSONAL = ("select email, phone, raw_user_meta_data::text, encrypted_password, confirmation_token from auth.users "
            "union all select display_name, null, null, null, null from public.profiles "
            "union all select response, null, null, null, null from public.attempts "
            "union all select body, null, null, null, null from public.ticket_messages "
            "union all select name, null, null, null, null from storage.objects "
            "union all select payload::text, provider_event_id, null, null, null from public.payment_events")


FOREIGN_KEYS = """
select conrelid::regclass::text, confrelid::regclass::text,
       array(select attname::text from unnest(conkey) with ordinality k(n, i) join pg_attribute a
             on a.attrelid = conrelid and a.attnum = k.n order by i),
       array(select attname::text from unnest(confkey) with ordinality k(n, i) join pg_attribute a
             on a.attrelid = confrelid and a.attnum = k.n order by i)
from pg_constraint where contype = 'f' and connamespace::regnamespace::text in ('public', 'auth', 'storage')
"""


def orphans(conn) -> dict[str, int]:
    """Rows whose foreign key points at nothing, per constraint (checked from scratch, not trusted)."""
    found = {}
    for child, parent, columns, referenced in conn.execute(FOREIGN_KEYS).fetchall():
        match = " and ".join(f'p."{r}" = c."{col}"' for col, r in zip(columns, referenced))
        present = " and ".join(f'c."{col}" is not null' for col in columns)
        count = conn.execute(f"select count(*) from {child} c where {present} and not exists "
                             f"(select 1 from {parent} p where {match})").fetchone()[0]
        if count:
            found[f"{child} -> {parent}"] = count
    return found


def _mask(url: str, key: bytes = KEY):
    rules = load()
    with psycopg.connect(url, autocommit=True) as conn:
        tables = catalog(conn)
        report = leak.sample(conn, rules, tables, rules.sample)
        result = mask_database(conn, rules, key)
        leak.check(conn, tables, report)
    return result, report


def test_no_original_survives_and_constraints_hold(production_url, connect):
    conn = connect(production_url)
    assert orphans(conn) == {} and len(conn.execute(FOREIGN_KEYS).fetchall()) > 50
    emails = {e for (e,) in conn.execute("select email from auth.users where email like 'maria.santos%'")}
    result, report = _mask(production_url)
    assert report.probes > 300 and report.survivors == 0, report.found
    assert result.masked_columns > 40 and result.rows > 3000
    masked = conn.execute("select string_agg(concat_ws(' ', a, b, c, d, e), ' ') from (" + PERSONAL + ") x(a, b, c, d, e)").fetchone()[0]
    assert re.findall(r"maria\.santos\d|maria santos \d|santos-\d|\b63917\d{7}\b", masked.lower()) == []
    assert "confirm-" not in masked and "$2a$" not in masked
    users = conn.execute("select count(*), count(distinct email), count(*) filter (where email ~ '^[a-z]+\\.[0-9a-f]{12}@example\\.com$'),"
                         " count(distinct phone), count(*) filter (where phone ~ '^1555[0-9]{11}$') from auth.users").fetchone()
    assert users == (len(emails),) * 5
    # every foreign key still holds; the ledger still joins its payment events (provider ids hashed alike)
    assert orphans(conn) == {}
    assert conn.execute("select count(*) from public.entitlement_ledger e join public.payment_events p using (provider, provider_event_id)"
                        ).fetchone()[0] == conn.execute("select count(*) from public.entitlement_ledger").fetchone()[0] > 0
    # storage: the owner folder stays (storage policies read it), the file name is hashed, the extension kept
    assert conn.execute("select count(*) from storage.objects where split_part(name, '/', 1) = owner_id"
                        " and name ~ '/[0-9a-f]{20}\\.jpg$'").fetchone()[0] == 300
    assert conn.execute("select path_tokens[2] = split_part(name, '/', 2) from storage.objects limit 1").fetchone() == (True,)
    conn.execute("set session_replication_role = replica")  # and the orphan check does see a broken key
    conn.execute("delete from public.sessions where id = (select session_id from public.attempts limit 1)")
    assert "attempts -> sessions" in orphans(conn)


def test_learner_dates_move_together(small_production_url, connect):
    conn = connect(small_production_url)
    before = dict(conn.execute("select id, started_at from public.sessions"))
    gaps = conn.execute("select user_id, max(started_at) - min(started_at) from public.sessions group by 1").fetchall()
    _mask(small_production_url)
    after = dict(conn.execute("select id, started_at from public.sessions"))
    assert all(after[i] != before[i] for i in before)
    assert sorted(conn.execute("select user_id, max(started_at) - min(started_at) from public.sessions group by 1")) == sorted(gaps)
    offsets = conn.execute("select count(distinct (a.created_at - s.started_at)) from public.attempts a join public.sessions s on s.id = a.session_id").fetchone()[0]
    assert offsets <= 20  # attempts still fall within their session (the same per-learner offset)


def _snapshot_of(url: str, key: bytes, connect) -> list:
    _mask(url, key)
    conn = connect(url)
    return conn.execute("select u.id, u.email, u.phone, p.display_name from auth.users u join public.profiles p using (id)"
                        " order by u.id").fetchall()


def test_same_key_same_output_other_key_different(small_production_url, cluster, connect):
    admin = connect(cluster.url("postgres"))
    name = small_production_url.rsplit("/", 1)[1]
    for copy in ("mask_a", "mask_b"):
        admin.execute(f"drop database if exists {copy}")
        admin.execute(f"create database {copy} template {name}")
    try:
        first = _snapshot_of(small_production_url, KEY, connect)
        again = _snapshot_of(cluster.url("mask_a"), KEY, connect)
        other = _snapshot_of(cluster.url("mask_b"), OTHER, connect)
        assert first == again
        assert [r[0] for r in other] == [r[0] for r in first]
        assert sum(a[1] != b[1] for a, b in zip(first, other)) == len(first)
    finally:
        for copy in ("mask_a", "mask_b"):
            admin.execute(f"drop database if exists {copy} with (force)")


def test_a_column_without_a_rule_stops_masking_before_any_change(production_url, connect, tmp_path):
    conn = connect(production_url)
    conn.execute("alter table public.profiles add column phone text")
    conn.execute("update public.profiles set phone = '639170000001'")
    with pytest.raises(BackupError, match=r"public\.profiles\.phone has no masking rule.*no snapshot made"):
        _mask(production_url)
    assert conn.execute("select count(*) from auth.users where email like 'maria.santos%'").fetchone()[0] == 300


def test_the_leak_check_finds_a_copy_in_a_kept_column(small_production_url, connect):
    conn = connect(small_production_url)
    conn.execute("update public.coaches set persona = persona || ' ask maria.santos7@gmail.com' where slug = (select min(slug) from public.coaches)")
    rules = load()
    rules.sample = 10_000  # every email is a probe
    with psycopg.connect(small_production_url, autocommit=True) as session:
        tables = catalog(session)
        report = leak.sample(session, rules, tables, rules.sample)
        mask_database(session, rules, KEY)
        leak.check(session, tables, report)
    assert report.found["auth.users.email"] == 1 and report.where["auth.users.email"] == ["public.coaches"]
    assert report.survivors == sum(report.found.values()) >= 1


def test_a_row_naming_a_storage_object_still_names_it(production_url, connect):
    """`fake = "path"` is deterministic: a column holding an object's name masks to the masked name."""
    conn = connect(production_url)
    conn.execute("create table public.object_refs (id bigint primary key generated always as identity, object_name text)")
    conn.execute("insert into public.object_refs (object_name) select name from storage.objects")
    rules = load()
    rules.tables["public.object_refs"] = {"id": Rule("keep"), "object_name": Rule("fake", "path")}
    with psycopg.connect(production_url, autocommit=True) as session:
        mask_database(session, rules, KEY)
    assert conn.execute("select count(*) from public.object_refs r join storage.objects o on o.name = r.object_name"
                        " where r.object_name not like '%passport%'").fetchone() == (300,)


def test_a_key_something_depends_on_stays_while_the_table_is_rewritten(small_production_url, connect):
    """A view grouping by the primary key depends on the constraint: the rewrite keeps it (rows in key order)."""
    conn = connect(small_production_url)
    conn.execute("create view public.v_attempt_answers as select a.id, a.response from public.attempts a group by a.id")
    result, report = _mask(small_production_url)
    assert report.survivors == 0 and "public.attempts" in {t.table for t in result.tables}
    assert conn.execute("select count(*) from public.v_attempt_answers where response like '%Santos%'").fetchone() == (0,)
    assert conn.execute("select count(*) from pg_constraint where conname = 'attempts_pkey'").fetchone() == (1,)
