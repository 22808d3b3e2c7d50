from __future__ import annotations

from pglast import ast

from ...rls.definers import RULE, pins_search_path, unpinned
from ..base import Rule
from ..nodes import function_settings, is_security_definer, qualified


class DefinerSearchPath(Rule):
    """A `security definer` function sets `search_path`.

    Supabase recommends `set search_path = ''` with schema-qualified names inside. Why: a definer
    function runs with its owner's rights; with a caller-controlled search_path a user can create
    `public.now()` or a table that shadows the one the function meant, and run code as the owner. The
    catalog audit `definer-search-path` applies the same rule (`rls.definers`) to the built database. Supabase's advisor `function_search_path_mutable` (owned here) checks every function.

    **Anti-pattern**

    ```sql
    create or replace function public.is_admin(uid uuid) returns boolean
    language sql stable security definer as $$
        select exists (select 1 from profiles where id = uid and role = 'admin')
    $$;
    ```

    **Best practice**

    ```sql
    create or replace function public.is_admin(uid uuid) returns boolean
    language sql stable security definer set search_path = '' as $$
        select exists (select 1 from public.profiles where id = uid and role = 'admin')
    $$;
    ```
    """

    id = "PC303"
    name = RULE
    advisor_lints = ("function_search_path_mutable",)
    advisor_exceptions: dict[tuple[str, str], str] = {}  # 0044 wrote the owner bounds into the policies

    def check(self, tree):
        for file in tree.schema_files():
            for statement in file.statements:
                node = statement.node
                if (isinstance(node, ast.CreateFunctionStmt) and is_security_definer(node)
                        and not pins_search_path(function_settings(node))):
                    yield self.at(file, statement.line, unpinned(qualified(node.funcname)))
