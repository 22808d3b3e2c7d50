"""Restore on a real database: identical rows and contents, refusal before touching, hosted targets gated."""

import os
import subprocess
import sys

import pytest
from psycopg import sql

from polaris_db import REPO_ROOT, shim
from polaris_db.backup import take_backup
from polaris_db.errors import BackupError
from polaris_db.manifest import Manifest, manifest_path
from polaris_db.restore import parse_list, restore_backup

USERS = [("11111111-1111-1111-1111-111111111111", "ana@example.com"), ("22222222-2222-2222-2222-222222222222", "ben@example.com")]


def fill_every_kind_of_column(conn):
    """Vectors, jsonb, enums, numeric, dates, arrays, auth.users and storage.objects on the shim."""
    for uid, email in USERS:  # the on_auth_user_created trigger adds profiles
        conn.execute("insert into auth.users (id, email, raw_user_meta_data, email_confirmed_at)"
                     " values (%s, %s, %s, now())", (uid, email, '{"display_name": "Ana \\"A\\" Ñ", "tags": [1, 2]}'))
    conn.execute("update public.profiles set role = 'editor' where id = %s", (USERS[0][0],))
    conn.execute("update public.drills set embedding = (select array_agg(((g * 7 + length(slug)) % 100) / 100.0)"
                 " from generate_series(1, 768) g)::extensions.vector, status = 'published'"
                 " where slug in (select slug from public.drills order by slug limit 5)")
    conn.execute("insert into public.events (user_id, name, payload) select %s, 'drill_started',"
                 " jsonb_build_object('n', g, 'nested', jsonb_build_object('ok', g %% 2 = 0))"
                 " from generate_series(1, 300) g", (USERS[1][0],))
    conn.execute("insert into public.payment_events (provider, provider_event_id, event_type, user_id, payload)"
                 " values ('shopify', 'evt_1', 'order_paid', %s, '{\"amount\": 12.50}')", (USERS[0][0],))
    conn.execute("insert into public.daily_usage (user_id, day, minutes_used) values (%s, '2026-11-25', 12.75)",
                 (USERS[0][0],))
    conn.execute("insert into storage.objects (bucket_id, name, owner, metadata) select id, %s || '/avatar.png', %s,"
                 " '{\"size\": 2048, \"mimetype\": \"image/png\"}' from storage.buckets order by id limit 1",
                 (USERS[0][0], USERS[0][0]))


def contents(url, connect, tables):
    """Row count and md5 of every row's text, in order, per table: equal means identical contents."""
    conn = connect(url)
    out = {}
    for table in tables:
        schema, name = table.split(".")
        query = sql.SQL("select count(*), md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) from {}.{} t")
        out[table] = conn.execute(query.format(sql.Identifier(schema), sql.Identifier(name))).fetchone()
    return out


def scratch(cluster, name):
    return cluster.url(name)


def test_round_trip_restores_identical_rows_and_contents(schema_url, cluster, connect, tmp_path):
    fill_every_kind_of_column(connect(schema_url))
    dump, manifest = take_backup(schema_url, "local", tmp_path)
    assert manifest.row_counts["auth.users"] == 2 and manifest.row_counts["storage.objects"] == 1
    target = scratch(cluster, "restore_round_trip")
    result = restore_backup(dump, target, fresh=True, jobs=2)
    assert result.ok and result.mismatches == [] and result.history == [], (result.mismatches, result.history)
    before, after = contents(schema_url, connect, manifest.row_counts), contents(target, connect, manifest.row_counts)
    assert after == before
    assert after["public.events"][0] == 300 and after["public.profiles"][0] == 2
    conn = connect(target)
    vectors = "select count(*), sum(embedding operator(extensions.<=>) embedding) from public.drills where embedding is not null"
    assert conn.execute(vectors).fetchone() == connect(schema_url).execute(vectors).fetchone()
    assert conn.execute(vectors).fetchone()[0] >= 5
    # grants exactly as in the source: the target's default privileges must not leak into restored objects
    items = "(select array_agg(a::text order by a::text) from unnest({}) a)"  # the same grants, in any order
    acl = (f"select c.relname, {items.format('c.relacl')} from pg_class c where c.relnamespace = 'public'::regnamespace"
           f" union all select p.oid::regprocedure::text, {items.format('p.proacl')} from pg_proc p"
           " where p.pronamespace = 'public'::regnamespace union all select 'default ' || d.defaclrole::regrole::text"
           f" || d.defaclobjtype::text, {items.format('d.defaclacl')} from pg_default_acl d order by 1")
    same_path = {"options": "-c search_path=public,extensions"}  # a template clone lacks the database's search_path
    assert connect(target, **same_path).execute(acl).fetchall() == connect(schema_url, **same_path).execute(acl).fetchall()
    # the project's trigger on auth.users and policies on storage.objects came back with the rows
    assert conn.execute("select count(*) from pg_trigger where tgname = 'on_auth_user_created'").fetchone()[0] == 1
    assert conn.execute("select count(*) from pg_policies where schemaname = 'storage'").fetchone()[0] >= 4
    assert Manifest.load(manifest_path(dump)).verified_at  # a good restore counts as a verification


def test_corrupted_archive_is_refused_before_the_target_is_touched(source_with_notes, cluster, connect, tmp_path):
    dump, _ = take_backup(source_with_notes, "local", tmp_path)
    target = scratch(cluster, "restore_untouched")
    admin = connect(cluster.url("postgres"))
    admin.execute("drop database if exists restore_untouched")
    admin.execute("create database restore_untouched")
    connect(target).execute("create table precious (id int); insert into precious values (42)")
    data = bytearray(dump.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte
    dump.write_bytes(bytes(data))
    with pytest.raises(BackupError, match="sha256 mismatch"):
        restore_backup(dump, target, fresh=True)
    dump.write_bytes(bytes(data[: len(data) // 3]))  # truncated
    with pytest.raises(BackupError, match="corrupt or truncated"):
        restore_backup(dump, target, fresh=True)
    assert connect(target).execute("select id from precious").fetchone() == (42,)


def test_lost_rows_are_reported(source_with_notes, cluster, tmp_path):
    dump, _ = take_backup(source_with_notes, "local", tmp_path)
    manifest = Manifest.load(manifest_path(dump))
    manifest.row_counts["public.notes"] = 501  # pretend the source had one more row than the archive holds
    manifest.save(manifest_path(dump))
    result = restore_backup(dump, scratch(cluster, "restore_lost"), fresh=True)
    assert result.mismatches == ["public.notes: expected 501, restored 500"] and not result.ok
    assert Manifest.load(manifest_path(dump)).verified_at is None


def test_hosted_shaped_platform_tables_are_loaded_into_the_shim(empty_url, cluster, connect, tmp_path):
    """A hosted auth schema has more columns and tables than the shim: the scratch restore still loads every row."""
    conn = connect(empty_url)
    with shim.superuser_connection(conn) as admin:  # platform tables: only the platform's roles alter them
        admin.execute("alter table auth.users add column sso_hint text, add column last_challenge_at timestamptz")
        admin.execute("create table auth.sessions (id uuid primary key, user_id uuid, aal text)")
        admin.execute("grant all on auth.sessions to postgres")
    conn.execute("insert into auth.users (id, email, sso_hint) values (gen_random_uuid(), 'x@example.com', 'y@example.com')")
    conn.execute("insert into auth.sessions select gen_random_uuid(), id, 'aal1' from auth.users")
    dump, _ = take_backup(empty_url, "local", tmp_path)
    target = scratch(cluster, "restore_hosted_shape")
    result = restore_backup(dump, target, fresh=True)
    assert result.ok, result.mismatches
    assert any("auth.users: 2 platform column(s)" in n for n in result.notes)
    assert any("auth.sessions: created" in n for n in result.notes)
    assert connect(target).execute("select sso_hint from auth.users").fetchone() == ("y@example.com",)


def test_list_parsing_keeps_multi_word_types_and_spaced_tags():
    text = ("; comment\n3585; 3256 16947 POLICY storage objects public assets: admins delete postgres\n"
            "3677; 0 16405 TABLE DATA auth users postgres\n3736; 0 0 COMMENT - SCHEMA public pg_database_owner\n")
    entries = parse_list(text)
    assert [(e.type, e.namespace, e.tag) for e in entries] == [
        ("POLICY", "storage", "objects public assets: admins delete"), ("TABLE DATA", "auth", "users"),
        ("COMMENT", "-", "SCHEMA public")]


# -- the task: hosted targets need the flag and the typed name -------------------------------------
def inv(*args, env=None):
    environment = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=REPO_ROOT, env=environment,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)


def test_hosted_restore_needs_the_flag_and_the_name(source_with_notes, empty_template, cluster, connect, tmp_path):
    dump, _ = take_backup(source_with_notes, "local", tmp_path)
    admin = connect(cluster.url("postgres"))
    admin.execute("drop database if exists staging_standin")
    admin.execute(f"create database staging_standin template {empty_template}")
    empty_url = cluster.url("staging_standin")
    staging = {"SUPABASE_STAGING_URL": empty_url}  # an empty database standing in for a new project
    no_flag = inv("db.restore", "--file", str(dump), "--to", "staging", env=staging)
    assert no_flag.returncode == 6 and no_flag.stderr.strip().count("\n") == 0
    assert "needs --i-know-this-is-hosted" in no_flag.stderr
    no_tty = inv("db.restore", "--file", str(dump), "--to", "staging", "--i-know-this-is-hosted", env=staging)
    assert no_tty.returncode == 6 and "pass --confirm staging" in no_tty.stderr
    wrong = inv("db.restore", "--file", str(dump), "--to", "staging", "--i-know-this-is-hosted", "--confirm", "prod", env=staging)
    assert wrong.returncode == 6
    assert connect(empty_url).execute("select to_regclass('public.notes')").fetchone() == (None,)  # untouched so far
    ok = inv("db.restore", "--file", str(dump), "--to", "staging", "--i-know-this-is-hosted", "--confirm", "staging", env=staging)
    assert ok.returncode == 0, ok.stderr
    assert "postgres:postgres@" not in ok.stdout + ok.stderr
    assert connect(empty_url).execute("select count(*) from public.notes").fetchone() == (500,)
    again = inv("db.restore", "--file", str(dump), "--to", "staging", "--i-know-this-is-hosted", "--confirm", "staging", env=staging)
    assert again.returncode == 7 and "staging is not empty" in again.stderr


def test_restore_to_local_replaces_it_after_confirmation(source_with_notes, empty_template, cluster, connect, tmp_path):
    dump, _ = take_backup(source_with_notes, "local", tmp_path)
    admin = connect(cluster.url("postgres"))
    admin.execute("drop database if exists local_standin")
    admin.execute(f"create database local_standin template {empty_template}")
    local = {"DATABASE_URL": cluster.url("local_standin")}
    connect(local["DATABASE_URL"]).execute("create table public.damaged (id int)")
    declined = inv("db.restore", "--file", str(dump), "--to", "local", env=local)
    assert declined.returncode == 6 and "pass --yes" in declined.stderr
    done = inv("db.restore", "--file", str(dump), "--to", "local", "--yes", env=local)
    assert done.returncode == 0, done.stderr
    conn = connect(local["DATABASE_URL"])
    assert conn.execute("select to_regclass('public.damaged'), count(*) from public.notes").fetchone() == (None, 500)


@pytest.fixture
def source_with_notes(empty_url, connect):
    conn = connect(empty_url)
    conn.execute("create table public.notes (id int primary key, body text)")
    conn.execute("insert into public.notes select g, 'note ' || g from generate_series(1, 500) g")
    return empty_url
