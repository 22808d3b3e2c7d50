"""Roles a backup names that the target lacks: placeholders on the embedded side, a refusal on hosted targets."""

import pytest

from platform_shaped import forget_roles
from polaris_db.backups import roles
from polaris_db.backups.dump import take_backup
from polaris_db.backups.fetch import fetched
from polaris_db.backups.restore import archive_list, keep, target_state
from polaris_db.backups.store import LocalStore
from polaris_db.backups.targets import restore_beside, restore_hosted
from polaris_db.database import recreate_database
from polaris_db.errors import BackupError
from run_inv import inv

GONE = ("t_roles_reader", "t_roles_auditor", "t_roles_definer")


@pytest.fixture
def backup_naming_gone_roles(empty_url, cluster, connect, tmp_path):
    """(store, manifest) of a database whose grants, policy and default privileges name roles since dropped."""
    admin = connect(cluster.admin_url(empty_url.rsplit("/", 1)[-1]))
    for role in GONE:
        admin.execute(f"create role {role} nologin")
    conn = connect(empty_url)
    conn.execute("create table public.ledger (id int primary key, note text); insert into public.ledger values (1, 'a');"
                 " alter table public.ledger enable row level security;"
                 " create policy ledger_audit on public.ledger for select to t_roles_auditor, authenticated using (true);"
                 " grant select on public.ledger to t_roles_reader;"
                 " alter default privileges in schema public grant execute on functions to t_roles_definer")
    store = LocalStore(tmp_path)
    manifest = take_backup(empty_url, "prod", store)
    conn.close()
    forget_roles(cluster, GONE)
    yield store, manifest
    forget_roles(cluster, GONE)


def test_every_role_the_restored_entries_name_is_read_from_the_archive(backup_naming_gone_roles, empty_url, connect):
    store, manifest = backup_naming_gone_roles
    with fetched(store, manifest.name) as (archive, _):
        entries = archive_list(archive)
        plan = [e for e in entries if keep(e, target_state(connect(empty_url)))]
        named = roles.named_roles(archive, plan)
    assert set(GONE) | {"postgres", "authenticated", "anon"} <= named
    assert not {"public", "PUBLIC", "-"} & named


def test_embedded_restore_creates_nologin_placeholders_and_says_so(backup_naming_gone_roles, cluster, connect):
    store, manifest = backup_naming_gone_roles
    target = cluster.url("roles_local")
    recreate_database(target)
    with fetched(store, manifest.name) as (archive, proven):
        replaced = restore_beside(archive, proven, target)
    first = replaced.result
    with connect(cluster.admin_url("postgres")) as admin:  # (a second swap in the same second would reuse its name)
        admin.execute(f"drop database {replaced.previous} with (force)")
    assert f"created NOLOGIN placeholders for roles the backup names and this cluster lacked (ops/supabase/" \
           f"runbook_restore.md, \"Roles\"): {', '.join(sorted(GONE))}" in first.notes
    conn = connect(target)
    rows = conn.execute("select rolname::text, rolcanlogin, rolsuper, shobj_description(oid, 'pg_authid') from pg_roles"
                        " where rolname = any(%s) order by 1", (list(GONE),)).fetchall()
    assert [(name, login, superuser) for name, login, superuser, _ in rows] == [(r, False, False) for r in sorted(GONE)]
    assert all(comment.startswith(f"polaris placeholder: named by {manifest.name}") for *_, comment in rows)
    assert conn.execute("select count(*) from pg_class where relowner::regrole::text = any(%s)", (list(GONE),)).fetchone() == (0,)
    assert conn.execute("select has_table_privilege('t_roles_reader', 'public.ledger', 'select')").fetchone() == (True,)
    with fetched(store, manifest.name) as (archive, proven):
        again = restore_beside(archive, proven, target)
    assert f"placeholder roles from an earlier restore used: {', '.join(sorted(GONE))}" in again.result.notes
    with connect(cluster.admin_url("postgres")) as admin:
        for name in ("roles_local", again.previous):
            admin.execute(f"drop database {name} with (force)")


def test_hosted_target_lacking_roles_is_refused_before_anything_changes(backup_naming_gone_roles, empty_template,
                                                                        cluster, connect, tmp_path):
    store, manifest = backup_naming_gone_roles
    target = cluster.url("roles_hosted")
    recreate_database(target, template=empty_template)
    conn = connect(target)
    state = ("select (select count(*) from pg_class), (select string_agg(defaclacl::text, ',' order by oid) from"
             " pg_default_acl), (select count(*) from pg_roles), (select count(*) from pg_extension)")
    before = conn.execute(state).fetchone()
    with pytest.raises(BackupError, match=r"^staging lacks roles the backup names: t_roles_auditor, t_roles_definer, "
                                          r"t_roles_reader: nothing was changed"):
        with fetched(store, manifest.name) as (archive, proven):
            restore_hosted(archive, proven, target, "staging")
    assert conn.execute(state).fetchone() == before
    ran = inv("db.restore", "--file", f"{store.url}/{manifest.name}", "--to", "staging", "--i-know-this-is-hosted",
              "--confirm", "staging", env={"SUPABASE_STAGING_URL": target})
    assert ran.returncode == 7 and ran.stderr.count("\n") == 1, ran.stderr
    assert ran.stderr.startswith("error: staging lacks roles the backup names: t_roles_auditor, t_roles_definer, t_roles_reader")
    assert conn.execute(state).fetchone() == before
    conn.close()
    with connect(cluster.admin_url("postgres")) as admin:
        admin.execute("drop database roles_hosted with (force)")

