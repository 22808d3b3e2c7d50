from __future__ import annotations

from pglast import ast

from ...rls.clauses import missing_clauses
from ..base import Rule
from ..nodes import relation_name


class PolicyClauses(Rule):
    """Every policy states its clauses: `using` for select/update/delete/all, `with check` for insert/update/all.

    Why: an `update` or `all` policy without `with check` silently reuses `using` for new rows, which is
    easy to get wrong when the two should differ (a learner may update own rows but not move them to
    another user). Writing both makes the write rule visible in review.

    **Anti-pattern**

    ```sql
    create policy profiles_update_own on public.profiles for update to authenticated
        using (id = (select auth.uid()));
    ```

    **Best practice**

    ```sql
    create policy profiles_update_own on public.profiles for update to authenticated
        using (id = (select auth.uid()))
        with check (id = (select auth.uid()));
    ```
    """

    id = "PC302"
    name = "policy-clauses"
    advisor_lints = ("rls_policy_always_true", "multiple_permissive_policies", "auth_rls_initplan",
                     "rls_references_user_metadata")
    advisor_exceptions: dict[tuple[str, str], str] = {}

    def check(self, tree):
        for file in tree.schema_files():
            for statement in file.statements:
                node = statement.node
                if not isinstance(node, ast.CreatePolicyStmt):
                    continue
                for clause in missing_clauses(node.cmd_name, has_using=node.qual is not None,
                                              has_check=node.with_check is not None):
                    yield self.at(file, statement.line, f"policy {node.policy_name!r} on {relation_name(node.table)} "
                                                        f"(for {node.cmd_name}) has no {clause} clause")
