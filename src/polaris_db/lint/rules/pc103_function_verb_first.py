from __future__ import annotations

from pglast import ast

from ..base import Rule
from ..nodes import bare, qualified

# First words accepted as verbs. Add one here (in order) when a new function needs it; a noun does not belong.
VERBS = frozenset("""
    accept acquire add allow answer append apply approve archive assign attach audit authorize award
    begin block build bump calculate can cancel capture check claim clean cleanup clear close compute
    complete confirm consume convert count create decrement delete deny dequeue detach diagnose disable
    emit enable end enforce enqueue ensure estimate expire export fetch finish find flag format forbid
    generate get grant guard handle has hash import increment insert invalidate is issue join leave
    link list lock log make mark match merge move normalize notify open parse pause pick prevent process
    protect prune publish purge queue rank read rebuild recalculate receive recommend reconcile record
    redeem refresh refund reject release remove rename reopen reply request require reset resolve
    restore resume revoke rotate run save schedule score search seed select send set sign snapshot
    start stop submit suggest switch sync touch track transition trigger try unlink unlock update upsert
    use validate verify void withdraw write
""".split())


class FunctionVerbFirst(Rule):
    """Function names start with a verb (`start_session`, `is_admin`, `refresh_views`).

    Why: RPCs appear next to tables in the API; a verb says the name is an action to call, not a
    relation to select from. The accepted first words are listed in this module (VERBS).

    **Anti-pattern**

    ```sql
    create or replace function public.session_start() returns uuid
    language sql security invoker set search_path = '' as $$ select gen_random_uuid() $$;
    ```

    **Best practice**

    ```sql
    create or replace function public.start_session() returns uuid
    language sql security invoker set search_path = '' as $$ select gen_random_uuid() $$;
    ```
    """

    id = "PC103"
    name = "function-verb-first"

    def check(self, tree):
        for file in tree.schema_files():
            for statement in file.statements:
                if isinstance(statement.node, ast.CreateFunctionStmt):
                    name = bare(qualified(statement.node.funcname))
                    first = name.lstrip("_").split("_", 1)[0]
                    if first not in VERBS:
                        yield self.at(file, statement.line,
                                      f"function {name!r} should start with a verb ({first!r} is not in VERBS)")
