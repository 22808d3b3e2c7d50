"""Issue 20: the definer helpers policies call are not on the API, answer alike for hidden and absent rows,
and Supabase's advisors (the CLI's 23 lints) have nothing to warn about on the full schema. That last one:
tests/lint/test_ops.py::test_ops_passes_conventions_and_advisors_warn_of_nothing (`nox -s conventions`),
on the scratch database the conventions session builds (shim + migrations + seeds) and advisors anyway."""

from __future__ import annotations

import re
import uuid

import pytest

from helpers import acting_as, make_user
from polaris_db import REPO_ROOT

PRODUCT_CORE = REPO_ROOT / "ops" / "docs" / "product-core.md"
EXPOSED = ("public", "graphql_public")


def _documented_rpcs() -> set[str]:
    """The functions of product-core.md's "Definer RPCs" table (`name(argument types)` in its first column)."""
    section = PRODUCT_CORE.read_text(encoding="utf-8").split("## Definer RPCs", 1)[1].split("\n## ", 1)[0]
    return {name.replace(" ", "") for name in re.findall(r"^\| `(public\.\w+\([^`]*\))` \|", section, re.M)}


def test_no_definer_function_on_the_api_but_the_documented_rpcs(schema_conn):
    conn = schema_conn
    conn.execute("set search_path = ''")  # regprocedure names qualified: public.f(uuid,public.drill_status)
    rows = conn.execute("""
        select p.oid::regprocedure::text, obj_description(p.oid, 'pg_proc')
        from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
        where n.nspname = any(%s) and p.prosecdef and p.prorettype <> 'pg_catalog.trigger'::pg_catalog.regtype
          and (has_function_privilege('anon', p.oid, 'execute')
               or has_function_privilege('authenticated', p.oid, 'execute'))""", (list(EXPOSED),)).fetchall()
    exposed = {name.replace(" ", ""): comment or "" for name, comment in rows}
    assert sorted(exposed) == sorted(_documented_rpcs())
    assert [name for name, comment in exposed.items() if not comment.startswith("RPC:")] == []


@pytest.mark.parametrize("helper", ["is_admin()", "is_editor()", "has_active_pro()", "can_read_pack(uuid)",
                                    "is_drill_open(uuid)"])
def test_policy_helpers_live_outside_the_exposed_schemas(schema_conn, helper):
    """is_admin() and is_editor() keep a public invoker wrapper for the app; the definers are private."""
    conn = schema_conn
    public = conn.execute("select prosecdef from pg_proc where oid = to_regprocedure(%s)",
                          (f"public.{helper}",)).fetchone()
    assert public is None or (helper in ("is_admin()", "is_editor()") and public[0] is False)
    assert conn.execute("select to_regprocedure(%s)", (f"private.{helper}",)).fetchone()[0] is not None
    assert conn.execute("select has_schema_privilege('anon', 'private', 'create') "
                        "or has_schema_privilege('authenticated', 'private', 'create')").fetchone()[0] is False


def _helper(conn, name: str) -> str:
    """private.name, or public.name on a schema from before 0044 (so the test shows the hole there)."""
    for schema in ("private", "public"):
        if conn.execute("select to_regprocedure(%s)", (f"{schema}.{name}(uuid)",)).fetchone()[0]:
            return f"{schema}.{name}"
    raise AssertionError(f"no helper {name}(uuid)")


@pytest.mark.parametrize("actor", ["anon", "learner", "editor"])
def test_drill_helper_answers_alike_for_a_hidden_drill_and_an_absent_one(schema_conn, actor):
    conn = schema_conn
    user = None if actor == "anon" else make_user(conn, actor)
    hidden = conn.execute("insert into public.drills (slug, title, skill) values ('hidden-draft', 'H', 'grammar') "
                          "returning id").fetchone()[0]
    paid = conn.execute("insert into public.drills (slug, title, skill, status, is_published) "
                        "values ('paid-only', 'P', 'grammar', 'published', true) returning id").fetchone()[0]
    pack = conn.execute("insert into public.practice_packs (slug, title, is_free, is_published) "
                        "values ('paid-pack', 'P', false, true) returning id").fetchone()[0]
    conn.execute("insert into public.pack_drills (pack_id, drill_id) values (%s, %s)", (pack, paid))
    helper = _helper(conn, "is_drill_open")
    with acting_as(conn, user, role="anon" if actor == "anon" else "authenticated"):
        answers = [conn.execute(f"select {helper}(%s)", (drill,)).fetchone()[0]
                   for drill in (hidden, paid, uuid.uuid4())]
    assert answers == [False, False, False]


def test_policy_helpers_execute_only_for_the_roles_whose_policies_call_them(schema_conn):
    conn = schema_conn
    granted = dict(conn.execute("""
        select p.proname, array_agg(r.rolname order by r.rolname)
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        cross join (values ('anon'), ('authenticated'), ('service_role'), ('public')) r (rolname)
        where n.nspname = 'private'
          and (case when r.rolname = 'public' then exists (select 1 from aclexplode(p.proacl) a
                                                             where a.grantee = 0 and a.privilege_type = 'EXECUTE')
                    else has_function_privilege(r.rolname, p.oid, 'execute') end)
        group by p.proname""").fetchall())
    assert granted == {
        "is_admin": ["authenticated", "service_role"],
        "is_editor": ["authenticated", "service_role"],
        "can_read_pack": ["anon", "authenticated"],
        "is_drill_open": ["anon", "authenticated"],
        "is_own_draft": ["authenticated"],  # 0048
    }


@pytest.mark.parametrize("actor", ["anon", "learner", "editor"])
def test_pack_helper_answers_alike_for_an_unpublished_pack_and_an_absent_one(schema_conn, actor):
    conn = schema_conn
    user = None if actor == "anon" else make_user(conn, actor)
    hidden = conn.execute("insert into public.practice_packs (slug, title, is_free, is_published) "
                          "values ('hidden-pack', 'H', true, false) returning id").fetchone()[0]
    helper = _helper(conn, "can_read_pack")
    with acting_as(conn, user, role="anon" if actor == "anon" else "authenticated"):
        answers = [conn.execute(f"select {helper}(%s)", (pack,)).fetchone()[0] for pack in (hidden, uuid.uuid4())]
    assert answers == [False, False]


def test_own_draft_helper_answers_alike_for_another_editors_draft_and_an_absent_one(schema_conn):
    conn = schema_conn
    author, editor = make_user(conn, "editor"), make_user(conn, "editor")
    draft = conn.execute("insert into public.drills (slug, title, skill, created_by) "
                         "values ('theirs', 'T', 'grammar', %s) returning id", (author,)).fetchone()[0]
    with acting_as(conn, editor, user_role="editor"):
        answers = [conn.execute("select private.is_own_draft(%s)", (drill,)).fetchone()[0]
                   for drill in (draft, uuid.uuid4())]
    with acting_as(conn, author, user_role="editor"):
        assert conn.execute("select private.is_own_draft(%s)", (draft,)).fetchone()[0] is True
    assert answers == [False, False]
