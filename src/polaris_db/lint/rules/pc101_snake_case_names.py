from __future__ import annotations

import re

from pglast import ast, enums

from ..base import Rule
from ..nodes import bare, dotted, is_matview, qualified, relation_name

SNAKE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")


class SnakeCaseNames(Rule):
    """Tables, columns, views, functions, types, enum labels, indexes, constraints and triggers are snake_case.

    Why: unquoted identifiers fold to lower case, so `"UserId"` must be quoted forever after, in SQL,
    in PostgREST URLs and in generated types. Policy names are exempt: they are sentences.

    **Anti-pattern**

    ```sql
    create table if not exists public."DrillSets" ("setName" text);
    ```

    **Best practice**

    ```sql
    create table if not exists public.drill_sets (set_name text);
    ```
    """

    id = "PC101"
    name = "snake-case-names"

    def check(self, tree):
        for file in tree.schema_files():
            for statement in file.statements:
                for kind, name, location in _names(statement.node):
                    if not SNAKE.match(name):
                        line = file.line_at(location) if location else statement.line
                        yield self.at(file, line, f"{kind} name {name!r} is not snake_case")


def _names(node):
    """(kind, name, byte location or None) of every identifier a statement introduces."""
    if isinstance(node, ast.CreateStmt):
        yield "table", node.relation.relname, None
        for element in node.tableElts or ():
            if isinstance(element, ast.ColumnDef):
                yield "column", element.colname, element.location
            elif isinstance(element, ast.Constraint) and element.conname:
                yield "constraint", element.conname, element.location
    elif isinstance(node, ast.AlterTableStmt):
        for command in node.cmds:
            if command.subtype == enums.AlterTableType.AT_AddColumn:
                yield "column", command.def_.colname, command.def_.location
            elif command.subtype == enums.AlterTableType.AT_AddConstraint and command.def_.conname:
                yield "constraint", command.def_.conname, command.def_.location
    elif isinstance(node, ast.ViewStmt):
        yield "view", node.view.relname, None
    elif is_matview(node):
        yield "materialized view", node.into.rel.relname, None
    elif isinstance(node, ast.CreateFunctionStmt):
        yield "function", bare(qualified(node.funcname)), None
    elif isinstance(node, ast.CreateEnumStmt):
        yield "type", dotted(node.typeName)[-1], None
        for label in dotted(node.vals):
            yield "enum label", label, None
    elif isinstance(node, ast.AlterEnumStmt) and node.newVal:
        yield "enum label", node.newVal, None
    elif isinstance(node, ast.CompositeTypeStmt):
        yield "type", node.typevar.relname, None
    elif isinstance(node, ast.IndexStmt) and node.idxname:
        yield "index", node.idxname, None
    elif isinstance(node, ast.CreateTrigStmt):
        yield "trigger", node.trigname, None
    elif isinstance(node, ast.CreateSchemaStmt):
        yield "schema", node.schemaname, None
    elif isinstance(node, ast.RenameStmt) and node.renameType != enums.ObjectType.OBJECT_POLICY:
        yield "renamed object", node.newname, None
    elif isinstance(node, ast.CreateDomainStmt):
        yield "domain", dotted(node.domainname)[-1], None
    elif isinstance(node, ast.CreateSeqStmt):
        yield "sequence", relation_name(node.sequence).split(".")[-1], None
