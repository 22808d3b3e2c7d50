"""What every check produces and every rule is: a Finding printed as `path:line: ID message`, and the
Rule base class whose docstring is the rule's manual (summary, why, Anti-pattern, Best practice)."""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Iterable

if TYPE_CHECKING:
    from .scratch import Scratch
    from .sqlfile import SqlFile
    from .tree import Location, Tree


@dataclass(frozen=True, order=True)
class Finding:
    path: str  # relative to the tree root, posix separators
    line: int
    rule: str  # PC201, squawk:ban-drop-column, advisor:multiple_permissive_policies, NOQA, or a sqlfluff code
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.rule} {self.message}"


class Rule:
    """Base class. Static rules implement `check` (pglast trees of the files); catalog rules set
    `catalog = True` and implement `check_catalog`, which reads a scratch database built from the
    migrations (a rule may do both)."""

    id: ClassVar[str]
    name: ClassVar[str]  # kebab-case, says what the rule wants
    catalog: ClassVar[bool] = False
    # Supabase advisor lints (`supabase db advisors`) this rule owns, and the accepted exceptions for them:
    # {(lint name, "schema.object"): "why it is accepted"}. Exceptions live here, next to the rule.
    advisor_lints: ClassVar[tuple[str, ...]] = ()
    advisor_exceptions: ClassVar[dict[tuple[str, str], str]] = {}

    @classmethod
    def summary(cls) -> str:
        return inspect.getdoc(cls).splitlines()[0]

    def check(self, tree: "Tree") -> Iterable[Finding]:
        return ()

    def check_catalog(self, tree: "Tree", scratch: "Scratch") -> Iterable[Finding]:
        return ()

    def at(self, file: "SqlFile", line: int, message: str) -> Finding:
        return Finding(file.rel, line, self.id, message)

    def at_location(self, tree: "Tree", location: "Location | None", message: str) -> Finding:
        """A catalog finding at the defining statement, or at the last migration when nothing defines it."""
        location = location or tree.fallback()
        if location is None:
            return Finding("ops/supabase/migrations", 1, self.id, message)
        return Finding(location.file.rel, location.line, self.id, message)
