"""The mirror folders (`policies/`, `views/`, `triggers/updated_at.sql`) as a function of the migrations.

`in_force()` replays the migrations' statements, parsed by pglast, and keeps each policy, view, function
and trigger that is in force at the end with the statements that shaped it (a `drop ... if exists` just
before its `create` in the same file, the definition, then comments, indexes on a view, `alter policy`).
What a statement defines comes from `nodes.defines`, the same answer the locator and PC602 use.
`render_mirrors()` turns that into the files `inv db.sync` writes; PC602 fails while they differ.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pglast import ast, enums

from ..migrations.statements import code_offset
from .nodes import DEFAULT_SCHEMA, canonical, defines, dotted, drops, qualified, relation_name
from .sqlfile import SqlFile, Statement
from .tree import SUPABASE, Tree

TRACKED = ("policy", "view", "function", "trigger")
UPDATED_AT = "public.set_updated_at"  # triggers/updated_at.sql: this function and every trigger that runs it
HEADER = "-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree."
OBJECT = enums.ObjectType


@dataclass(frozen=True)
class Piece:
    file: SqlFile
    statement: Statement
    seq: int  # position among all migration statements

    @property
    def text(self) -> str:
        start = self.statement.location
        raw = self.file.text[start:start + self.statement.length]
        return raw[code_offset(raw):].rstrip()


@dataclass
class Defined:
    definition: Piece
    pieces: list[Piece] = field(default_factory=list)  # in mirror order, the definition among them
    altered: bool = False  # an `alter policy` changed it after its definition


def tracked_keys(node) -> list[tuple[str, str]]:
    return [(kind, name) for kind, name, _ in defines(node) if kind in TRACKED]


def in_force(tree: Tree) -> dict[tuple[str, str], Defined]:
    state: dict[tuple[str, str], Defined] = {}
    seq = 0
    for file in tree.migrations:
        dropped_here: dict[tuple[str, str], Piece] = {}
        for statement in file.statements:
            seq += 1
            piece, node = Piece(file, statement, seq), statement.node
            for key in tracked_keys(node):
                current = state.get(key)
                if current is not None and getattr(node, "replace", False):
                    current.pieces[current.pieces.index(current.definition)] = piece
                    current.definition, current.altered = piece, False
                else:
                    before = [dropped_here.pop(key)] if key in dropped_here else []
                    state[key] = Defined(piece, [*before, piece])
            for key in drops(node):
                state.pop(key, None)
                if node.missing_ok:
                    dropped_here[key] = piece
            target = _attached_to(node)
            if target in state:
                state[target].pieces.append(piece)
                state[target].altered |= isinstance(node, ast.AlterPolicyStmt)
    return state


def _attached_to(node) -> tuple[str, str] | None:
    """The tracked object a comment, an index on a view or an `alter policy` belongs to."""
    if isinstance(node, ast.CommentStmt) and node.objtype in (OBJECT.OBJECT_VIEW, OBJECT.OBJECT_MATVIEW):
        return "view", qualified(node.object)
    if isinstance(node, ast.CommentStmt) and node.objtype == OBJECT.OBJECT_POLICY:
        parts = dotted(node.object)
        table = ".".join(parts[:-1]) if len(parts) > 2 else f"{DEFAULT_SCHEMA}.{parts[0]}"
        return "policy", f"{table}.{parts[-1]}"
    if isinstance(node, ast.IndexStmt):
        return "view", relation_name(node.relation)
    if isinstance(node, ast.AlterPolicyStmt):
        return "policy", f"{relation_name(node.table)}.{node.policy_name}"
    return None


def _file_name(qualified_name: str) -> str:
    schema, name = qualified_name.split(".", 1)
    return (name if schema == DEFAULT_SCHEMA else f"{schema}_{name}") + ".sql"


def render(title: str, objects: list[Defined]) -> str:
    lines, last = [f"-- {title}", HEADER, ""], None
    for defined in sorted(objects, key=lambda d: d.pieces[0].seq):
        for piece in defined.pieces:
            if piece.file.rel != last:
                lines.append(f"-- from migrations/{Path(piece.file.rel).name}")
                last = piece.file.rel
            lines += [piece.text + ";", ""]
    return "\n".join(lines).rstrip() + "\n"


def render_mirrors(tree: Tree) -> dict[str, str]:
    """{path under ops/supabase: content} for every mirror file."""
    state = in_force(tree)
    tables: dict[str, list[Defined]] = {}
    files: dict[str, str] = {}
    for (kind, name), defined in state.items():
        if kind == "policy":
            tables.setdefault(name.rsplit(".", 1)[0], []).append(defined)
        elif kind == "view":
            files[f"views/{_file_name(name)}"] = render(f"view {name}", [defined])
    for table, policies in tables.items():
        files[f"policies/{_file_name(table)}"] = render(f"RLS policies on {table}", policies)
    updated_at = [d for (kind, name), d in state.items()
                  if (kind, name) == ("function", UPDATED_AT)
                  or kind == "trigger" and UPDATED_AT.split(".")[1] in canonical(d.definition.statement.node)]
    if updated_at:
        files["triggers/updated_at.sql"] = render(
            "updated_at: the generic trigger function and every table that uses it", updated_at)
    return dict(sorted(files.items()))


def sync_mirrors(root: Path) -> tuple[list[str], list[str]]:
    """Write the mirror files under `root`/ops/supabase; remove policy and view files nothing defines.
    Returns (written or changed, removed) paths relative to `root`."""
    tree = Tree.load(root)
    wanted = render_mirrors(tree)
    base = Path(root) / SUPABASE
    changed, removed = [], []
    for folder in ("policies", "views"):
        for old in sorted((base / folder).glob("*.sql")):
            if f"{folder}/{old.name}" not in wanted:
                old.unlink()
                removed.append(old.relative_to(root).as_posix())
    for rel, content in wanted.items():
        path = base / rel
        if not path.is_file() or path.read_text(encoding="utf-8") != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
            changed.append(path.relative_to(root).as_posix())
    return changed, removed
