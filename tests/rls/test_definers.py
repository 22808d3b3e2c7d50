"""The search_path rule reads the same from a parsed `create function` (PC303) and from pg_proc (the audit)."""

from __future__ import annotations

import pytest
from pglast import parse_sql

from polaris_db.lint.nodes import function_settings
from polaris_db.rls.definers import pins_search_path

FUNCTIONS = [
    pytest.param("", False, id="no-set-clause"),
    pytest.param("set search_path = ''", True, id="empty-path"),
    pytest.param("SET Search_Path TO public, extensions", True, id="upper-case-to"),
    pytest.param("set search_path from current", True, id="from-current"),
    pytest.param("set statement_timeout = '1s'", False, id="other-setting-only"),
    pytest.param("set statement_timeout = '1s' set search_path = pg_catalog", True, id="second-setting"),
]


@pytest.mark.parametrize(("clauses", "pinned"), FUNCTIONS)
def test_parser_and_catalog_agree(clauses, pinned, empty_url, connect):
    statement = f"create function public.probe() returns int language sql security definer {clauses} as 'select 1'"
    conn = connect(empty_url)
    conn.execute(statement)
    catalog = conn.execute("select coalesce(proconfig, '{}') from pg_proc where oid = 'public.probe()'::regprocedure"
                           ).fetchone()[0]
    parsed = function_settings(parse_sql(statement)[0].stmt)
    assert pins_search_path(parsed) is pinned
    assert pins_search_path(catalog) is pinned
