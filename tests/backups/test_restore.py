"""Restore through the store on real databases: identical contents, refusals before anything is touched,
side-database swaps that keep the old database, hosted targets that must be empty."""

import io
import json

import boto3
import pytest
from psycopg import sql

from polaris_db import shim
from polaris_db.backups.dump import take_backup
from polaris_db.backups.fetch import fetched
from polaris_db.backups.restore import parse_list
from polaris_db.backups.store import LocalStore
from polaris_db.backups.targets import restore_beside, restore_hosted
from polaris_db.database import recreate_database
from polaris_db.errors import Aborted, BackupError, ConfigError
from polaris_db.tasks.backup import _confirm_hosted, restore as restore_task
from run_inv import inv

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


def fresh_db(cluster, connect, name, template=None):
    """A stand-in target that outlives the restore (it is swapped and renamed, so not a scratch_database)."""
    recreate_database(cluster.url(name), template=template)
    return cluster.url(name)


def databases(cluster, connect):
    return {d for (d,) in connect(cluster.url("postgres")).execute("select datname from pg_database")}


def test_round_trip_through_the_bucket_restores_identical_contents(schema_url, cluster, connect, s3_store, age_key):
    fill_every_kind_of_column(connect(schema_url))
    manifest = take_backup(schema_url, "prod", s3_store)
    assert manifest.row_counts["auth.users"] == 2 and manifest.row_counts["storage.objects"] == 1
    assert manifest.encryption == "age" and manifest.object_sha256 != manifest.sha256
    target = cluster.url("restore_round_trip")
    with fetched(s3_store, manifest.name) as (archive, proven):
        replaced = restore_beside(archive, proven, target, jobs=2)
    assert replaced.result.ok and replaced.previous is None, replaced.result.problems
    before, after = contents(schema_url, connect, manifest.row_counts), contents(target, connect, manifest.row_counts)
    assert after == before  # count and md5 of every row, per table
    assert after["public.events"][0] == 300 and after["public.profiles"][0] == 2
    conn = connect(target)
    vectors = "select count(*), sum(embedding operator(extensions.<=>) embedding) from public.drills where embedding is not null"
    assert conn.execute(vectors).fetchone() == connect(schema_url).execute(vectors).fetchone()
    assert conn.execute(vectors).fetchone()[0] >= 5
    # grants exactly as in the source: the target's default privileges must not leak into restored objects
    items = "(select array_agg(a::text order by a::text) from unnest({}) a)"  # the same grants, in any order
    # an ACL equal to the owner's default is not dumped and comes back NULL, which means the same grants
    relacl = """coalesce(c.relacl, acldefault((case c.relkind when 'S' then 's' else 'r' end)::"char", c.relowner))"""
    proacl = """coalesce(p.proacl, acldefault('f'::"char", p.proowner))"""
    acl = (f"select c.relname, {items.format(relacl)} from pg_class c where c.relnamespace = 'public'::regnamespace"
           f" union all select p.oid::regprocedure::text, {items.format(proacl)} from pg_proc p"
           " where p.pronamespace = 'public'::regnamespace union all select 'default ' || d.defaclrole::regrole::text"
           f" || d.defaclobjtype::text, {items.format('d.defaclacl')} from pg_default_acl d order by 1")
    same_path = {"options": "-c search_path=public,extensions"}  # a template clone lacks the database's search_path
    assert connect(target, **same_path).execute(acl).fetchall() == connect(schema_url, **same_path).execute(acl).fetchall()
    # the project's trigger on auth.users and policies on storage.objects came back with the rows
    assert conn.execute("select count(*) from pg_trigger where tgname = 'on_auth_user_created'").fetchone()[0] == 1
    assert conn.execute("select count(*) from pg_policies where schemaname = 'storage'").fetchone()[0] >= 4
    assert "restore_round_trip_restoring" not in databases(cluster, connect)


def _object(store, name):
    client = boto3.client("s3")
    return client, client.get_object(Bucket=store.bucket, Key=store.prefix + name)["Body"].read()


def _attempt(store, name, target):
    with fetched(store, name) as (archive, manifest):
        restore_beside(archive, manifest, target)


@pytest.fixture
def precious(cluster, connect):
    target = fresh_db(cluster, connect, "restore_untouched")
    connect(target).execute("create table precious (id int); insert into precious values (42)")
    yield target
    assert connect(target).execute("select id from precious").fetchone() == (42,)  # never touched
    assert "restore_untouched_restoring" not in databases(cluster, connect)


def test_corrupted_object_is_refused_before_any_database_is_touched(source_with_notes, s3_store, age_key, precious):
    manifest = take_backup(source_with_notes, "prod", s3_store)
    client, data = _object(s3_store, manifest.file)
    flipped = bytearray(data)
    flipped[len(flipped) // 2] ^= 0xFF
    client.put_object(Bucket=s3_store.bucket, Key=s3_store.prefix + manifest.file, Body=bytes(flipped))
    with pytest.raises(BackupError, match="corrupt or truncated object, refused"):
        _attempt(s3_store, manifest.name, precious)


def test_truncated_upload_is_refused(source_with_notes, s3_store, age_key, precious):
    manifest = take_backup(source_with_notes, "prod", s3_store)
    client, data = _object(s3_store, manifest.file)
    client.put_object(Bucket=s3_store.bucket, Key=s3_store.prefix + manifest.file, Body=data[: len(data) // 2])
    with pytest.raises(BackupError, match="corrupt or truncated"):
        _attempt(s3_store, manifest.name, precious)


@pytest.mark.parametrize("edit", ["row_counts", "migrations", "sha256"])
def test_edited_manifest_is_refused(source_with_notes, s3_store, age_key, precious, edit):
    manifest = take_backup(source_with_notes, "prod", s3_store)
    saved = json.loads(s3_store.get(manifest.name + ".json"))
    if edit == "row_counts":
        saved["row_counts"]["public.notes"] = 501
    elif edit == "migrations":
        saved["migrations"] = ["9999"]
    else:
        saved["sha256"] = "0" * 64
    s3_store.put(manifest.name + ".json", json.dumps(saved).encode())
    with pytest.raises(BackupError, match="edited|does not match the archive"):
        _attempt(s3_store, manifest.name, precious)


def test_a_manifest_paired_with_another_archive_is_refused(source_with_notes, tmp_path, precious, connect):
    store = LocalStore(tmp_path)
    first = take_backup(source_with_notes, "prod", store)
    connect(source_with_notes).execute("delete from public.notes where id > 100")
    second = take_backup(source_with_notes, "prod", store)
    (tmp_path / first.file).write_bytes((tmp_path / second.file).read_bytes())  # swapped archive, checksums edited too
    saved = json.loads((tmp_path / f"{first.name}.json").read_text())
    saved["object_sha256"], saved["object_bytes"] = second.object_sha256, second.object_bytes
    (tmp_path / f"{first.name}.json").write_text(json.dumps(saved))
    with pytest.raises(BackupError, match="does not match the archive"):
        _attempt(store, first.name, precious)


def test_wrong_key_is_refused_before_downloading(source_with_notes, s3_store, age_key, precious, monkeypatch):
    from pyrage import x25519

    manifest = take_backup(source_with_notes, "prod", s3_store)
    monkeypatch.setenv("POLARIS_BACKUP_IDENTITY", str(x25519.Identity.generate()))
    with pytest.raises(BackupError, match="wrong key: encrypted to age:") as error:
        _attempt(s3_store, manifest.name, precious)
    assert "AGE-SECRET-KEY" not in str(error.value)
    monkeypatch.delenv("POLARIS_BACKUP_IDENTITY")
    with pytest.raises(ConfigError, match="is encrypted: set POLARIS_BACKUP_IDENTITY"):
        _attempt(s3_store, manifest.name, precious)


def test_failed_local_restore_keeps_the_old_database(source_with_notes, tmp_path, cluster, connect, precious):
    """The restore fails in the side database (a check its rows fail there only): the target stays as it was."""
    conn = connect(source_with_notes)
    conn.execute("alter table public.notes add constraint not_in_a_side_database"
                 " check (current_database() not like '%\\_restoring')")
    manifest = take_backup(source_with_notes, "local", LocalStore(tmp_path))
    with pytest.raises(BackupError, match="pg_restore failed: .*not_in_a_side_database"):
        _attempt(LocalStore(tmp_path), manifest.name, precious)


def test_non_empty_hosted_target_is_refused_with_nothing_changed(source_with_notes, empty_template, cluster, connect,
                                                                 tmp_path):
    """Rows only in auth.users (public still empty) make a project non-empty; the refusal changes nothing."""
    store = LocalStore(tmp_path)
    manifest = take_backup(source_with_notes, "prod", store)
    empty_url = fresh_db(cluster, connect, "hosted_standin", empty_template)
    conn = connect(empty_url)
    conn.execute("insert into auth.users (id, email) values (gen_random_uuid(), 'real-user@example.com')")
    snapshot = ("select (select count(*) from pg_class), (select coalesce(string_agg(defaclacl::text, ','), '')"
                " from pg_default_acl), (select count(*) from pg_extension), (select count(*) from auth.users)")
    before = conn.execute(snapshot).fetchone()
    with pytest.raises(BackupError, match=r"staging is not empty \(1 rows in auth.users\): nothing was changed"):
        with fetched(store, manifest.name) as (archive, proven):
            restore_hosted(archive, proven, empty_url, "staging")
    assert conn.execute(snapshot).fetchone() == before


def test_hosted_shaped_platform_tables_are_loaded_into_the_shim(empty_url, cluster, connect, tmp_path):
    """A hosted auth schema has more columns and tables than the shim: the scratch restore still loads every row."""
    conn = connect(empty_url)
    with shim.superuser_connection(conn) as admin:  # platform tables: only the platform's roles alter them
        admin.execute("alter table auth.users add column sso_hint text, add column last_challenge_at timestamptz")
        admin.execute("create table auth.sessions (id uuid primary key, user_id uuid, aal text)")
        admin.execute("grant all on auth.sessions to postgres")
    conn.execute("insert into auth.users (id, email, sso_hint) values (gen_random_uuid(), 'x@example.com', 'y@example.com')")
    conn.execute("insert into auth.sessions select gen_random_uuid(), id, 'aal1' from auth.users")
    store = LocalStore(tmp_path)
    manifest = take_backup(empty_url, "local", store)
    target = cluster.url("restore_hosted_shape")
    with fetched(store, manifest.name) as (archive, proven):
        result = restore_beside(archive, proven, target).result
    assert result.ok, result.problems
    assert any("auth.users: 2 platform column(s)" in n for n in result.notes)
    assert any("auth.sessions: created" in n for n in result.notes)
    assert connect(target).execute("select sso_hint from auth.users").fetchone() == ("y@example.com",)


REFRESH_TOKENS = "create table auth.refresh_tokens (id bigserial primary key, token text)"


@pytest.mark.parametrize("granted", [True, False])
def test_a_platform_sequence_keeps_its_value_where_the_restoring_role_may_set_it(empty_url, empty_template, cluster,
                                                                                   connect, tmp_path, granted):
    """auth.refresh_tokens_id_seq on hosted: restored with its rows (new sessions must not reuse their ids), or named."""
    with shim.superuser_connection(connect(empty_url)) as admin:
        admin.execute(REFRESH_TOKENS)
        admin.execute("insert into auth.refresh_tokens (token) select 't' || g from generate_series(1, 9) g")
    store = LocalStore(tmp_path)
    manifest = take_backup(empty_url, "prod", store)
    target = fresh_db(cluster, connect, "hosted_sequences", empty_template)
    with shim.superuser_connection(connect(target)) as admin:  # the platform has the table and its sequence
        admin.execute(REFRESH_TOKENS)
        admin.execute("grant all on auth.refresh_tokens to postgres")
        if granted:
            admin.execute("grant update on auth.refresh_tokens_id_seq to postgres")
    with fetched(store, manifest.name) as (archive, proven):
        result = restore_hosted(archive, proven, target, "staging")
    last = connect(target).execute("select last_value from auth.refresh_tokens_id_seq").fetchone()[0]
    assert last == (9 if granted else 1)
    note = "auth.refresh_tokens_id_seq: value not restored (no such sequence the restoring role may set on the target)"
    assert (note in result.notes) is not granted


def test_list_parsing_keeps_multi_word_types_and_spaced_tags():
    text = ("; comment\n3585; 3256 16947 POLICY storage objects public assets: admins delete postgres\n"
            "3677; 0 16405 TABLE DATA auth users postgres\n3736; 0 0 COMMENT - SCHEMA public pg_database_owner\n")
    entries = parse_list(text)
    assert [(e.type, e.namespace, e.tag) for e in entries] == [
        ("POLICY", "storage", "objects public assets: admins delete"), ("TABLE DATA", "auth", "users"),
        ("COMMENT", "-", "SCHEMA public")]


# -- the task: hosted targets need the flag and the typed name; local is swapped, the old one kept -----
def test_hosted_restore_needs_the_flag_and_the_name(source_with_notes, empty_template, cluster, connect, tmp_path,
                                                    monkeypatch):
    manifest = take_backup(source_with_notes, "local", LocalStore(tmp_path))
    ref = str(tmp_path / manifest.name)
    empty_url = fresh_db(cluster, connect, "staging_standin", empty_template)
    staging = {"SUPABASE_STAGING_URL": empty_url}  # an empty database standing in for a new project
    no_flag = inv("db.restore", "--file", ref, "--to", "staging", env=staging)
    assert no_flag.returncode == 6 and no_flag.stderr.strip().count("\n") == 0
    assert "needs --i-know-this-is-hosted" in no_flag.stderr
    # The task's next two refusals, in-process (its own check, run before the archive is opened; Aborted is exit 6):
    # no terminal to type the name on (as under `inv` with stdin from /dev/null), and the wrong name typed.
    monkeypatch.setattr("sys.stdin", io.StringIO())
    with pytest.raises(Aborted, match="no terminal to type the target name: pass --confirm staging") as no_tty:
        _confirm_hosted("staging", True, None)
    with pytest.raises(Aborted, match="aborted: typed 'prod', not 'staging'; nothing was changed") as wrong:
        _confirm_hosted("staging", True, "prod")
    assert no_tty.value.exit_code == wrong.value.exit_code == 6
    assert connect(empty_url).execute("select to_regclass('public.notes')").fetchone() == (None,)  # untouched so far
    ok = inv("db.restore", "--file", ref, "--to", "staging", "--i-know-this-is-hosted", "--confirm", "staging", env=staging)
    assert ok.returncode == 0, ok.stderr
    assert "postgres:postgres@" not in ok.stdout + ok.stderr
    assert connect(empty_url).execute("select count(*) from public.notes").fetchone() == (500,)
    # Restoring again into the now non-empty project: refused (exit 7), as
    # test_non_empty_hosted_target_is_refused_with_nothing_changed proves on restore_hosted, which the task calls.


def test_restore_to_local_swaps_and_keeps_the_previous_database(source_with_notes, empty_template, cluster, connect, tmp_path,
                                                                run_task, capsys, monkeypatch):
    manifest = take_backup(source_with_notes, "local", LocalStore(tmp_path))
    ref = str(tmp_path / manifest.name)
    local = {"DATABASE_URL": fresh_db(cluster, connect, "local_standin", empty_template)}
    connect(local["DATABASE_URL"]).execute("create table public.damaged (id int)")
    declined = inv("db.restore", "--file", ref, "--to", "local", env=local)
    assert declined.returncode == 6 and "pass --yes" in declined.stderr
    # With --yes: the task's body in-process (`--to local --yes` runs through the CLI in test_end_to_end and
    # test_platform_shaped)
    monkeypatch.setenv("DATABASE_URL", local["DATABASE_URL"])
    assert run_task(restore_task, file=ref, to="local", yes=True) == (0, "")
    done = capsys.readouterr().out
    conn = connect(local["DATABASE_URL"])
    assert conn.execute("select to_regclass('public.damaged'), count(*) from public.notes").fetchone() == (None, 500)
    previous = [d for d in databases(cluster, connect) if d.startswith("local_standin_before_")]
    assert len(previous) == 1 and f"kept as {previous[0]}" in done and f"drop database {previous[0]}" in done
    assert connect(cluster.url(previous[0])).execute("select to_regclass('public.damaged')").fetchone() == ("damaged",)


def test_bad_input_exits_2_in_one_line(tmp_path, run_task):
    (tmp_path / "prod").mkdir()
    result = inv("db.restore", "--file", str(tmp_path / "prod" / "prod-20260101T000000Z"), "--to", "qa")
    assert result.returncode == 2 and "unknown restore target 'qa'" in result.stderr, result.stderr
    assert result.stderr.strip().count("\n") == 0 and "Traceback" not in result.stderr
    # A backup that is not there, to scratch: the task's body in-process (its exit-2 line through the CLI is above)
    code, message = run_task(restore_task, file=str(tmp_path / "prod" / "prod-20260101T000000Z"), to="scratch")
    assert code == 2 and message.startswith("error: ") and "backup not found" in message and "\n" not in message


@pytest.fixture
def source_with_notes(empty_url, connect):
    conn = connect(empty_url)
    conn.execute("create table public.notes (id int primary key, body text)")
    conn.execute("insert into public.notes select g, 'note ' || g from generate_series(1, 500) g")
    return empty_url


def test_failed_hosted_restore_rolls_back_with_default_privileges_intact(source_with_notes, empty_template, cluster,
                                                                          connect, tmp_path):
    """pg_restore fails half-way (a view in the way of a table): one transaction, nothing half-restored."""
    store = LocalStore(tmp_path)
    manifest = take_backup(source_with_notes, "prod", store)
    target = fresh_db(cluster, connect, "hosted_failing", empty_template)
    conn = connect(target)
    conn.execute("create view public.notes as select 1 as id")
    acl = "select string_agg(defaclobjtype::text || defaclacl::text, ',' order by defaclobjtype::text || defaclacl::text) from pg_default_acl"
    before = conn.execute(acl).fetchone()
    assert before[0]  # the shim's default grants, which the restore revokes before loading
    with pytest.raises(BackupError, match="pg_restore failed"):
        with fetched(store, manifest.name) as (archive, proven):
            restore_hosted(archive, proven, target, "staging")
    assert conn.execute(acl).fetchone() == before
    assert conn.execute("select relkind from pg_class where oid = 'public.notes'::regclass").fetchone() == ("v",)
