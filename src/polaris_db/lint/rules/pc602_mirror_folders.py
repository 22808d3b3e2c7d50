from __future__ import annotations

from pglast import ast, enums

from ..base import Rule
from ..nodes import canonical, is_matview, qualified, relation_name

OBJECT = enums.ObjectType
MIRRORS = ("policies", "views", "triggers")
# Folders that must hold every object of their kind in force after the migrations (triggers/ holds a chosen few).
COMPLETE = {"policy": "policies", "view": "views"}


class MirrorFolders(Rule):
    """`policies/`, `views/` and `triggers/` mirror the migrations, compared as parsed statements.

    Each policy and view in force after the last migration is in the mirror folder with the same
    definition; functions and triggers in triggers/ match their last definition in the migrations;
    every other statement of a mirror file is one the migrations run. Definitions are compared as parsed statements (pglast-normalised),
    so spacing, case and comments may differ; `or replace` / `if not exists` are ignored.

    Why: reviewers and the RLS tests read the per-table files in policies/ and views/; the database
    runs the migrations. If the two drift, a review approves SQL that never runs.

    **Anti-pattern**

    ```sql
    -- policies/sessions.sql
    create policy sessions_select_own on public.sessions for select to authenticated using (true);
    -- while the migration says: ... using (user_id = (select auth.uid()))
    ```

    **Best practice**

    ```sql
    -- policies/sessions.sql, identical to the statement in the migration
    create policy sessions_select_own on public.sessions for select to authenticated
        using (user_id = (select auth.uid()));
    ```
    """

    id = "PC602"
    name = "mirror-folders"

    def check(self, tree):
        final, statements = _migrations_state(tree)
        mirrored: set[tuple[str, str, str]] = set()
        for folder in MIRRORS:
            for file in tree.folder(folder):
                for statement in file.statements:
                    key = _key(statement.node)
                    text = canonical(statement.node)
                    if key is not None:
                        mirrored.add(key)
                        defined = final.get(key)
                        if defined is None:
                            yield self.at(file, statement.line, f"{_describe(key)} is not in force after the migrations")
                        elif defined[2] is not None and defined[2] != text:
                            yield self.at(file, statement.line, f"{_describe(key)} differs from its definition "
                                                                f"in {defined[0].rel}:{defined[1]}")
                    elif text not in statements:
                        yield self.at(file, statement.line, "statement does not appear in any migration")
        for key, (file, line, _) in sorted(final.items(), key=lambda item: (item[1][0].rel, item[1][1])):
            folder = COMPLETE.get(key[0])
            if folder and key not in mirrored:
                yield self.at(file, line, f"{_describe(key)} is not mirrored in ops/supabase/{folder}/")


def _key(node) -> tuple[str, str, str] | None:
    """(kind, name, policy or trigger name) for statements that define a mirrored object."""
    if isinstance(node, ast.CreatePolicyStmt):
        return "policy", relation_name(node.table), node.policy_name
    if isinstance(node, ast.ViewStmt):
        return "view", relation_name(node.view), ""
    if is_matview(node):
        return "view", relation_name(node.into.rel), ""
    if isinstance(node, ast.CreateFunctionStmt):
        return "function", qualified(node.funcname), ""
    if isinstance(node, ast.CreateTrigStmt):
        return "trigger", relation_name(node.relation), node.trigname
    return None


def _describe(key: tuple[str, str, str]) -> str:
    if key[0] in ("policy", "trigger"):
        return f'{key[0]} "{key[2]}" on {key[1]}'
    return f"{key[0]} {key[1]}"


def _migrations_state(tree):
    """Policies and views in force after the last migration, and every statement the migrations run."""
    final: dict[tuple[str, str, str], tuple] = {}
    statements: set[str] = set()
    for file in tree.migrations:
        for statement in file.statements:
            node = statement.node
            statements.add(canonical(node))
            key = _key(node)
            if key is not None:
                final[key] = (file, statement.line, canonical(node))
            elif isinstance(node, ast.DropStmt):
                for dropped in _dropped(node):
                    final.pop(dropped, None)
            elif isinstance(node, ast.AlterPolicyStmt):
                key = ("policy", relation_name(node.table), node.policy_name)
                if key in final:  # altered in place: the mirror must show the altered form; compare loosely
                    final[key] = (file, statement.line, None)
    return final, statements


def _dropped(node: ast.DropStmt):
    if node.removeType == OBJECT.OBJECT_POLICY:
        for name in node.objects:
            parts = [p.sval for p in name]
            table = ".".join(parts[:-1]) if len(parts) > 2 else f"public.{parts[0]}"
            yield "policy", table, parts[-1]
    elif node.removeType == OBJECT.OBJECT_TRIGGER:
        for name in node.objects:
            parts = [p.sval for p in name]
            table = ".".join(parts[:-1]) if len(parts) > 2 else f"public.{parts[0]}"
            yield "trigger", table, parts[-1]
    elif node.removeType in (OBJECT.OBJECT_VIEW, OBJECT.OBJECT_MATVIEW):
        for name in node.objects:
            yield "view", qualified(name), ""
    elif node.removeType in (OBJECT.OBJECT_FUNCTION, OBJECT.OBJECT_PROCEDURE):
        for name in node.objects:
            yield "function", qualified(name.objname), ""
