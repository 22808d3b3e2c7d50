from __future__ import annotations

from pglast import ast

from ..base import Rule
from ..nodes import is_security_definer, qualified, sets_search_path


class DefinerSearchPath(Rule):
    """A `security definer` function sets `search_path`.

    Supabase recommends `set search_path = ''` with schema-qualified names inside. Why: a definer function runs with its owner's rights; with a caller-controlled search_path a user
    can create `public.now()` or a table that shadows the one the function meant, and run code as the
    owner. Supabase's advisor `function_search_path_mutable` (owned here) checks every function.

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
    name = "definer-search-path"
    advisor_lints = ("function_search_path_mutable",)
    advisor_exceptions: dict[tuple[str, str], str] = {
        ("function_search_path_mutable", "public.get_owner_floor"):
            "0039: security invoker, schema-qualified body; no SET clause so policies inline it (half the RLS cost)",
        ("function_search_path_mutable", "public.get_owner_ceiling"):
            "0039: security invoker, schema-qualified body; no SET clause so policies inline it (half the RLS cost)",
    }

    def check(self, tree):
        for file in tree.schema_files():
            for statement in file.statements:
                node = statement.node
                if isinstance(node, ast.CreateFunctionStmt) and is_security_definer(node) and not sets_search_path(node):
                    yield self.at(file, statement.line,
                                  f"security definer function {qualified(node.funcname)} does not set search_path")
