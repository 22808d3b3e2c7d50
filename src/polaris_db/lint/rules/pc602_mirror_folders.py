from __future__ import annotations

from ..base import Rule
from ..mirrors import in_force, tracked_keys
from ..nodes import canonical

MIRRORS = ("policies", "views", "triggers")
# Folders that must hold every object of their kind in force after the migrations (triggers/ holds a chosen few).
COMPLETE = {"policy": "policies", "view": "views"}


class MirrorFolders(Rule):
    """`policies/`, `views/` and `triggers/` mirror the migrations, compared as parsed statements.

    Each policy and view in force after the last migration is in the mirror folder with the same
    definition (`inv db.sync` writes them); functions and triggers in triggers/ match their last definition in the migrations;
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
        forces = in_force(tree)
        final = {key: (d.definition.file, d.definition.statement.line) for key, d in forces.items()}
        migrations = _Canonical(tree)
        mirrored: set[tuple[str, str]] = set()
        for folder in MIRRORS:
            for file in tree.folder(folder):
                for statement in file.statements:
                    keys = tracked_keys(statement.node)
                    text = canonical(statement.node)
                    if keys:
                        key = keys[0]
                        mirrored.add(key)
                        defined = final.get(key)
                        if defined is None:
                            yield self.at(file, statement.line, f"{_describe(key)} is not in force after the migrations")
                        elif not forces[key].altered and canonical(forces[key].definition.statement.node) != text:
                            # (altered in place by an `alter policy`: compared loosely, by name only)
                            yield self.at(file, statement.line, f"{_describe(key)} differs from its definition "
                                                                f"in {defined[0].rel}:{defined[1]}")
                    elif not migrations.contains(statement.node, text):
                        yield self.at(file, statement.line, "statement does not appear in any migration")
        for key, (file, line) in sorted(final.items(), key=lambda item: (item[1][0].rel, item[1][1])):
            folder = COMPLETE.get(key[0])
            if folder and key not in mirrored:
                yield self.at(file, line, f"{_describe(key)} is not mirrored in ops/supabase/{folder}/")


class _Canonical:
    """The migrations' statements as canonical text, printed only for the statement types asked about:
    statements of different types never print alike, and printing every migration statement is most of
    the rule's cost."""

    def __init__(self, tree):
        self._nodes: dict[type, list] = {}
        for file in tree.migrations:
            for statement in file.statements:
                self._nodes.setdefault(type(statement.node), []).append(statement.node)
        self._texts: dict[type, set[str]] = {}

    def contains(self, node, text: str) -> bool:
        kind = type(node)
        if kind not in self._texts:
            self._texts[kind] = {canonical(other) for other in self._nodes.get(kind, ())}
        return text in self._texts[kind]


def _describe(key: tuple[str, str]) -> str:
    kind, name = key
    if kind in ("policy", "trigger"):
        table, _, own = name.rpartition(".")
        return f'{kind} "{own}" on {table}'
    return f"{kind} {name}"
