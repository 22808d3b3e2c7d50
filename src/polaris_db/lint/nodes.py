"""Small helpers over pglast's AST: walking a tree, qualified names, constants, canonical SQL."""

from __future__ import annotations

import copy
from typing import Iterator

from pglast import ast, enums
from pglast.stream import RawStream

DEFAULT_SCHEMA = "public"  # what an unqualified name resolves to on Supabase's search_path


def walk(node) -> Iterator[ast.Node]:
    """Every AST node under `node` (itself included), depth first."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, (list, tuple)):
            stack.extend(reversed(current))
        elif isinstance(current, ast.Node):
            yield current
            stack.extend(reversed([getattr(current, slot, None) for slot in current.__slots__]))


def relation_name(rangevar: ast.RangeVar) -> str:
    """`schema.name` of a RangeVar, `public` when unqualified."""
    return f"{rangevar.schemaname or DEFAULT_SCHEMA}.{rangevar.relname}"


def dotted(names) -> list[str]:
    """The parts of a name list (`(String, String)`) as plain strings."""
    return [n.sval for n in names or () if isinstance(n, ast.String)]


def qualified(names) -> str:
    """`schema.name` of a function or type name list, `public` when unqualified."""
    parts = dotted(names)
    return ".".join(parts) if len(parts) > 1 else f"{DEFAULT_SCHEMA}.{parts[0]}"


def bare(name: str) -> str:
    """The last part of a dotted name."""
    return name.rsplit(".", 1)[-1]


def function_options(stmt: ast.CreateFunctionStmt) -> dict[str, ast.DefElem]:
    return {option.defname: option for option in stmt.options or ()}


def is_security_definer(stmt: ast.CreateFunctionStmt) -> bool:
    security = function_options(stmt).get("security")
    return bool(security and security.arg.boolval)


def sets_search_path(stmt: ast.CreateFunctionStmt) -> bool:
    return any(option.defname == "set" and option.arg.name == "search_path" for option in stmt.options or ())


def canonical(stmt: ast.Node) -> str:
    """The statement as pglast prints it, for comparing two statements: relation names qualified with
    `public` when unqualified, `or replace` / `if not exists` dropped. Layout, case and comments vanish."""
    node = copy.deepcopy(stmt)
    for child in walk(node):
        if isinstance(child, ast.RangeVar) and not child.schemaname:
            child.schemaname = DEFAULT_SCHEMA
    for flag in ("replace", "if_not_exists"):
        if flag in node.__slots__:
            setattr(node, flag, False)
    return RawStream()(node)


def is_matview(stmt) -> bool:
    return isinstance(stmt, ast.CreateTableAsStmt) and stmt.objtype == enums.ObjectType.OBJECT_MATVIEW
