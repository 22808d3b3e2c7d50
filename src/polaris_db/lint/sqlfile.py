"""One SQL file read by pglast (the Postgres 18 parser): statements with their lines, comments, bodies.

pglast reports character offsets (it converts libpg_query's byte offsets). Comments and literal
positions come from the Postgres scanner (`pglast.parser.scan`), because `parser.comments()` misplaces
comments that follow another on the same line and pglast's A_Const nodes carry no location.
Function and DO bodies are parsed too (`parse_plpgsql` for PL/pgSQL, `parse_sql` for SQL bodies) so
rules can see the statements inside them; a body that does not parse is a parse error like any other.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterator

import pglast
from pglast import ast, parser

from .nodes import function_options, qualified


@dataclass(frozen=True)
class Statement:
    node: ast.Node  # the statement itself (RawStmt.stmt)
    line: int  # line of its first token
    location: int  # character offset of its first token
    length: int = 0  # characters; 0 for statements inside bodies
    function: str | None = None  # for statements inside a function body: the function's name


@dataclass(frozen=True)
class ParseError:
    line: int
    message: str


@dataclass(frozen=True)
class Comment:
    line: int
    text: str
    alone: bool  # nothing but whitespace before it on its line


@dataclass
class SqlFile:
    path: Path
    rel: str  # path as printed in findings, relative to the tree root
    text: str
    statements: list[Statement] = field(default_factory=list)
    errors: list[ParseError] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path, rel: str) -> "SqlFile":
        file = cls(path, rel, path.read_text(encoding="utf-8"))
        file._parse()
        return file

    def line_at(self, offset: int | None) -> int:
        return self.text.count("\n", 0, max(0, offset or 0)) + 1

    def _parse(self) -> None:
        try:
            raws = pglast.parse_sql(self.text)
        except pglast.parser.ParseError as error:
            location = error.args[1] if len(error.args) > 1 else 0  # (message, character offset)
            self.errors.append(ParseError(self.line_at(location), str(error.args[0])))
            return
        for raw in raws:
            location = raw.stmt_location or 0
            length = raw.stmt_len or len(self.text) - location
            self.statements.append(Statement(raw.stmt, self.line_at(location), location, length))

    @cached_property
    def tokens(self) -> list[tuple[int, int, str]]:
        """(start, end inclusive, token name) from the scanner, including tokens inside dollar-quoted bodies."""
        return _scan(self.text, 0)

    @cached_property
    def comments(self) -> list[Comment]:
        result = []
        for start, end, name in self.tokens:
            if name == "SQL_COMMENT":
                line_start = self.text.rfind("\n", 0, start) + 1
                alone = not self.text[line_start:start].strip()
                result.append(Comment(self.line_at(start), self.text[start:end + 1], alone))
        return result

    def literals(self, start: int = 0, end: int | None = None) -> list[tuple[str, int]]:
        """(value, line) of every string or number literal between two offsets, bodies included."""
        end = len(self.text) if end is None else end
        return [(_unquote(self.text[s:e + 1]), self.line_at(s)) for s, e, name in self.tokens
                if name in LITERALS and start <= s < end]

    def literal_line(self, statement: Statement, value: str) -> int:
        """The line of a literal with this value inside a top-level statement (its first line if not found)."""
        if statement.function is None:
            for literal, line in self.literals(statement.location, statement.location + statement.length):
                if literal == value:
                    return line
        return statement.line

    def next_code_line(self, line: int) -> int:
        """The first line after `line` that is neither blank nor a `--` comment (where a comment alone applies)."""
        lines = self.text.splitlines()
        for number in range(line + 1, len(lines) + 1):
            stripped = lines[number - 1].strip()
            if stripped and not stripped.startswith("--"):
                return number
        return line

    @cached_property
    def embedded(self) -> list[Statement]:
        """Statements inside function and DO bodies, with file lines; body parse errors go to `errors`."""
        found: list[Statement] = []
        for statement in self.statements:
            found.extend(self._body_statements(statement))
        return found

    def all_statements(self) -> Iterator[Statement]:
        yield from self.statements
        yield from self.embedded

    def _body_statements(self, statement: Statement) -> list[Statement]:
        node = statement.node
        if isinstance(node, ast.CreateFunctionStmt):
            name = qualified(node.funcname)
            options = function_options(node)
            language = options["language"].arg.sval.lower() if "language" in options else "sql"
            body = options.get("as")
            if node.sql_body is not None:  # `begin atomic ... end`: already parsed
                return [Statement(s, statement.line, statement.location, function=name) for s in _atomic(node.sql_body)]
            if body is None:
                return []
            body_line = self.line_at(body.arg_location) if body.arg_location else statement.line
            source = body.arg[0].sval
            if language == "plpgsql":
                text = self.text[statement.location:statement.location + statement.length]
                return self._plpgsql(text, body_line, statement, name)
            if language == "sql":
                return self._sql_body(source, body_line, statement, name)
            return []
        if isinstance(node, ast.DoStmt):
            options = {o.defname: o for o in node.args}
            language = options["language"].arg.sval.lower() if "language" in options else "plpgsql"
            if language != "plpgsql":
                return []
            source = options["as"].arg.sval
            wrapper = f"create function do_block() returns void language plpgsql as $lint_do${source}$lint_do$"
            return self._plpgsql(wrapper, statement.line, statement, "do block")
        return []

    def _plpgsql(self, text: str, body_line: int, statement: Statement, name: str) -> list[Statement]:
        try:
            tree = pglast.parse_plpgsql(text)
        except pglast.parser.ParseError as error:
            self.errors.append(ParseError(statement.line, f"body of {name}: {error.args[0]}"))
            return []
        found = []
        for query, lineno in _plpgsql_queries(tree):
            line = body_line + max(lineno, 1) - 1
            try:
                raws = pglast.parse_sql(query)
            except pglast.parser.ParseError as error:
                self.errors.append(ParseError(line, f"body of {name}: {error.args[0]}"))
                continue
            found.extend(Statement(raw.stmt, line, statement.location, function=name) for raw in raws)
        return found

    def _sql_body(self, source: str, body_line: int, statement: Statement, name: str) -> list[Statement]:
        try:
            raws = pglast.parse_sql(source)
        except pglast.parser.ParseError as error:
            self.errors.append(ParseError(statement.line, f"body of {name}: {error.args[0]}"))
            return []
        return [Statement(raw.stmt, body_line + source.count("\n", 0, raw.stmt_location or 0), statement.location,
                          function=name) for raw in raws]


LITERALS = ("SCONST", "USCONST", "ICONST", "FCONST")


def _scan(text: str, offset: int) -> list[tuple[int, int, str]]:
    try:
        tokens = parser.scan(text)
    except pglast.parser.ParseError:
        return []
    found = []
    for token in tokens:
        raw = text[token.start:token.end + 1]
        if token.name == "SCONST" and raw.startswith("$"):  # a body: its own tokens count, not the whole
            found.append((offset + token.start, offset + token.end, "DOLLAR_BODY"))
            tag_end = raw.index("$", 1) + 1
            found.extend(_scan(raw[tag_end:len(raw) - tag_end], offset + token.start + tag_end))
        else:
            found.append((offset + token.start, offset + token.end, token.name))
    return found


def _unquote(raw: str) -> str:
    if raw[:1] in "eEnN" and raw[1:2] == "'":
        raw = raw[1:]
    if raw.startswith("'") and raw.endswith("'"):
        return raw[1:-1].replace("''", "'")
    return raw


def _atomic(sql_body) -> list[ast.Node]:
    statements = []
    for item in sql_body if isinstance(sql_body, (list, tuple)) else (sql_body,):
        if isinstance(item, (list, tuple)):
            statements.extend(_atomic(item))
        elif isinstance(item, ast.Node):
            statements.append(item)
    return statements


def _plpgsql_queries(tree) -> Iterator[tuple[str, int]]:
    """(sql, body line) of every embedded statement (parse mode 0 = a full statement, not an expression)."""
    stack = [(json.loads(tree) if isinstance(tree, str) else tree, 1)]
    while stack:
        current, lineno = stack.pop()
        if isinstance(current, dict):
            lineno = current.get("lineno", lineno)
            expr = current.get("PLpgSQL_expr")
            if isinstance(expr, dict) and expr.get("parseMode") == 0 and expr.get("query"):
                yield expr["query"], lineno
            stack.extend((value, lineno) for value in current.values())
        elif isinstance(current, list):
            stack.extend((value, lineno) for value in current)


def parse_problems(paths: list[Path], root: Path) -> list[str]:
    """`path:line: message` for every statement and function body in these files that pglast rejects."""
    problems = []
    for path in paths:
        try:
            rel = path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            rel = path.as_posix()
        file = SqlFile.load(path, rel)
        file.embedded  # parses the function and DO bodies; their errors land in file.errors
        problems.extend(f"{rel}:{error.line}: {error.message}" for error in file.errors)
    return problems
