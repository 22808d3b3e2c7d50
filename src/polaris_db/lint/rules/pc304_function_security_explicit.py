from __future__ import annotations

from pglast import ast

from ..base import Rule
from ..nodes import function_options, qualified


class FunctionSecurityExplicit(Rule):
    """Every function says `security invoker` or `security definer`, so the choice was made, not defaulted.

    Why: definer functions bypass RLS as their owner; each one must be a decision a reviewer can see
    (and must be granted only to the roles that need it: PC328 and PC329 check who may execute it).

    **Anti-pattern**

    ```sql
    create or replace function public.start_session(coach uuid) returns uuid
    language sql set search_path = '' as $$
        insert into public.sessions (user_id, coach_id) values (auth.uid(), coach) returning id
    $$;
    ```

    **Best practice**

    ```sql
    create or replace function public.start_session(coach uuid) returns uuid
    language sql security invoker set search_path = '' as $$
        insert into public.sessions (user_id, coach_id) values (auth.uid(), coach) returning id
    $$;
    ```
    """

    id = "PC304"
    name = "function-security-explicit"

    def check(self, tree):
        for file in tree.schema_files():
            for statement in file.statements:
                node = statement.node
                if isinstance(node, ast.CreateFunctionStmt) and "security" not in function_options(node):
                    kind = "procedure" if node.is_procedure else "function"
                    yield self.at(file, statement.line, f"{kind} {qualified(node.funcname)} does not say "
                                                        f"security invoker or security definer")
