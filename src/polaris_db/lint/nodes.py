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


def function_settings(stmt: ast.CreateFunctionStmt) -> list[str]:
    """The names of the function's SET clauses (`set search_path = ''` -> "search_path")."""
    return [option.arg.name for option in stmt.options or () if option.defname == "set"]


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


def defines(node) -> Iterator[tuple[str, str, int | None]]:
    """What a statement defines: (kind, name, location) for each object it creates or replaces.

    The one answer to "what does this statement define", shared by the locator of catalog findings,
    PC602 and `inv db.sync` (mirrors). Kinds: table, column (`schema.table.column`), function, view (views
    and matviews), policy (`schema.table.policy`), trigger (`schema.table.trigger`), type, schema, bucket.
    Names are qualified (`public` when unqualified); location is a character offset more precise than
    the statement's start (a column), else None.
    """
    if isinstance(node, ast.CreateStmt):
        table = relation_name(node.relation)
        yield "table", table, None
        for element in node.tableElts or ():
            if isinstance(element, ast.ColumnDef):
                yield "column", f"{table}.{element.colname}", element.location or None
    elif isinstance(node, ast.AlterTableStmt):
        table = relation_name(node.relation)
        for command in node.cmds:
            if command.subtype == enums.AlterTableType.AT_AddColumn:
                yield "column", f"{table}.{command.def_.colname}", command.def_.location or None
    elif isinstance(node, ast.CreateFunctionStmt):
        yield "function", qualified(node.funcname), None
    elif isinstance(node, ast.ViewStmt):
        yield "view", relation_name(node.view), None
    elif is_matview(node):
        yield "view", relation_name(node.into.rel), None
    elif isinstance(node, ast.CreatePolicyStmt):
        yield "policy", f"{relation_name(node.table)}.{node.policy_name}", None
    elif isinstance(node, ast.CreateTrigStmt):
        yield "trigger", f"{relation_name(node.relation)}.{node.trigname}", None
    elif isinstance(node, ast.CreateEnumStmt) and node.typeName:
        yield "type", qualified(node.typeName), None
    elif isinstance(node, ast.CreateSchemaStmt):
        yield "schema", node.schemaname, None
    elif isinstance(node, ast.InsertStmt) and relation_name(node.relation) == "storage.buckets":
        for value in _first_column_values(node):
            yield "bucket", value, None


def drops(node) -> Iterator[tuple[str, str]]:
    """(kind, name) of each policy, trigger, view or function a `drop` statement removes (names as in defines)."""
    if not isinstance(node, ast.DropStmt):
        return
    kind = {OBJECT.OBJECT_POLICY: "policy", OBJECT.OBJECT_TRIGGER: "trigger", OBJECT.OBJECT_VIEW: "view",
            OBJECT.OBJECT_MATVIEW: "view", OBJECT.OBJECT_FUNCTION: "function",
            OBJECT.OBJECT_PROCEDURE: "function"}.get(node.removeType)
    for name in node.objects or ():
        if kind in ("policy", "trigger"):
            parts = dotted(name)
            table = ".".join(parts[:-1]) if len(parts) > 2 else f"{DEFAULT_SCHEMA}.{parts[0]}"
            yield kind, f"{table}.{parts[-1]}"
        elif kind == "view":
            yield kind, qualified(name)
        elif kind == "function":
            yield kind, qualified(name.objname)


OBJECT = enums.ObjectType


def _first_column_values(insert: ast.InsertStmt):
    """String values of the `id` column (or the first column) of an insert ... values."""
    select = insert.selectStmt
    if not isinstance(select, ast.SelectStmt) or not select.valuesLists:
        return
    columns = [c.name for c in insert.cols or ()]
    index = columns.index("id") if "id" in columns else 0
    for row in select.valuesLists:
        if index < len(row) and isinstance(row[index], ast.A_Const) and isinstance(row[index].val, ast.String):
            yield row[index].val.sval
