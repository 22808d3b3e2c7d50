"""`supabase db advisors` on the scratch database: warnings fail, accepted exceptions live with their rule."""

from __future__ import annotations

import pytest

from polaris_db.lint import advisors
from polaris_db.lint.registry import BY_ID
from polaris_db.lint.runner import Options, conventions
from polaris_db.lint.tree import Tree

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


def test_advisor_warnings_and_errors_fail_unless_accepted_on_the_owning_rule(tree_copy, lint_fixtures, server_url,
                                                                          monkeypatch):
    """Both findings fail the session; declared as accepted exceptions (on PC303, which owns
    function_search_path_mutable, and in UNOWNED_EXCEPTIONS) the same advisor results give none. The results
    are the session's own `supabase db advisors` output, kept as it passes (one scratch database, one run).
    A clean tree has no advisor findings: tests/lint/test_broken_tree.py::test_clean_fixture_passes_the_session."""
    root = _broken(tree_copy, lint_fixtures)
    fetched: list[list[dict]] = []
    fetch = advisors.fetch
    monkeypatch.setattr(advisors, "fetch", lambda url: fetched.append(fetch(url)) or fetched[-1])
    result = conventions(Options(root=root, server_url=server_url, rules=["PC001"], squawk=False))
    lines = [str(f) for f in result.findings]
    assert lines == [
        "ops/supabase/migrations/0003_extra.sql:2: advisor:function_search_path_mutable WARN: Function "
        "`public.count_events` has a role mutable search_path [exceptions: PC303]",
        "ops/supabase/migrations/0003_extra.sql:5: advisor:security_definer_view ERROR: View `public.v_all_events` "
        "is defined with the SECURITY DEFINER property",
    ]
    assert len(fetched) == 1 and "supabase db advisors" in result.ran

    monkeypatch.setattr(BY_ID["PC303"], "advisor_exceptions",
                        {("function_search_path_mutable", "public.count_events"): "test: accepted on purpose"})
    monkeypatch.setattr(advisors, "UNOWNED_EXCEPTIONS",
                        {("security_definer_view", "public.v_all_events"): "test: accepted on purpose"})
    assert advisors.findings(fetched[0], Tree.load(root)) == []
