from __future__ import annotations

from pglast import ast, enums

from ..base import Rule
from ..nodes import is_matview

AT = enums.AlterTableType
# (statement type, flag that makes it idempotent, the form to write)
FORMS = (
    (ast.CreateStmt, "if_not_exists", "create table if not exists"),
    (ast.IndexStmt, "if_not_exists", "create index if not exists"),
    (ast.CreateSchemaStmt, "if_not_exists", "create schema if not exists"),
    (ast.CreateExtensionStmt, "if_not_exists", "create extension if not exists"),
    (ast.CreateSeqStmt, "if_not_exists", "create sequence if not exists"),
    (ast.CreateFunctionStmt, "replace", "create or replace function"),
    (ast.ViewStmt, "replace", "create or replace view"),
    (ast.CreateTrigStmt, "replace", "create or replace trigger"),
    (ast.DropStmt, "missing_ok", "drop ... if exists"),
)
ALTER_TABLE_FORMS = {
    AT.AT_AddColumn: "add column if not exists",
    AT.AT_DropColumn: "drop column if exists",
    AT.AT_DropConstraint: "drop constraint if exists",
}


class IdempotentDdl(Rule):
    """DDL uses its idempotent form where Postgres has one (`if not exists`, `or replace`, `if exists`).

    That is `create ... if not exists`, `create or replace`, `add value if not exists`, `add column if not
    exists` and `drop ... if exists`.

    Why: a migration that stopped half way (or a file from policies/, views/, triggers/ replayed by
    hand) can be run again without editing it. Statements without such a form (`create policy`,
    `create type`) are exempt; squawk's `prefer-robust-stmts` is off because migrations run in a
    transaction, so this rule carries the convention.

    **Anti-pattern**

    ```sql
    create table public.tiers (key text primary key);
    alter type public.payment_provider add value 'paypal';
    ```

    **Best practice**

    ```sql
    create table if not exists public.tiers (key text primary key);
    alter type public.payment_provider add value if not exists 'paypal';
    ```
    """

    id = "PC401"
    name = "idempotent-ddl"

    def check(self, tree):
        for file in tree.schema_files():
            for statement in file.statements:
                missing = _missing_form(statement.node)
                if missing:
                    yield self.at(file, statement.line, f"not idempotent: use {missing}")


def _missing_form(node) -> str | None:
    if is_matview(node):
        return None if node.if_not_exists else "create materialized view if not exists"
    if isinstance(node, ast.AlterEnumStmt) and node.newVal:
        return None if node.skipIfNewValExists else "alter type ... add value if not exists"
    if isinstance(node, ast.AlterTableStmt):
        for command in node.cmds:
            form = ALTER_TABLE_FORMS.get(command.subtype)
            if form and not command.missing_ok:
                return form
        return None
    for kind, flag, form in FORMS:
        if isinstance(node, kind):
            return None if getattr(node, flag) else form
    return None
