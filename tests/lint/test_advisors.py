"""`supabase db advisors` on the scratch database: warnings fail, accepted exceptions live with their rule."""

from __future__ import annotations

import pytest

from polaris_db.lint import advisors
from polaris_db.lint.registry import BY_ID
from polaris_db.lint.runner import Options, conventions

pytestmark = pytest.mark.cli

EXTRA = """
create or replace function public.count_events() returns bigint
language sql stable security invoker as $$ select count(*) from public.events $$;

create or replace view public.v_all_events as
select
    id,
    name
from public.events;
grant select on public.v_all_events to authenticated;
"""


def _broken(tree_copy, lint_fixtures):
    root = tree_copy(lint_fixtures / "clean")
    (root / "ops/supabase/migrations/0003_extra.sql").write_text(EXTRA)
    return root


def test_advisor_warnings_and_errors_fail(tree_copy, lint_fixtures, server_url):
    root = _broken(tree_copy, lint_fixtures)
    result = conventions(Options(root=root, server_url=server_url, rules=["PC001"], squawk=False))
    lines = [str(f) for f in result.findings]
    assert lines == [
        "ops/supabase/migrations/0003_extra.sql:2: advisor:function_search_path_mutable WARN: Function "
        "`public.count_events` has a role mutable search_path [exceptions: PC303]",
        "ops/supabase/migrations/0003_extra.sql:5: advisor:security_definer_view ERROR: View `public.v_all_events` "
        "is defined with the SECURITY DEFINER property",
    ]


def test_accepted_exception_is_declared_on_the_owning_rule(tree_copy, lint_fixtures, server_url, monkeypatch):
    root = _broken(tree_copy, lint_fixtures)
    monkeypatch.setattr(BY_ID["PC303"], "advisor_exceptions",
                        {("function_search_path_mutable", "public.count_events"): "test: accepted on purpose"})
    monkeypatch.setattr(advisors, "UNOWNED_EXCEPTIONS",
                        {("security_definer_view", "public.v_all_events"): "test: accepted on purpose"})
    result = conventions(Options(root=root, server_url=server_url, rules=["PC001"], squawk=False))
    assert result.findings == []


def test_clean_tree_has_no_advisor_findings(lint_fixtures, server_url):
    result = conventions(Options(root=lint_fixtures / "clean", server_url=server_url, rules=["PC001"], squawk=False))
    assert result.findings == []
    assert "supabase db advisors" in result.ran
