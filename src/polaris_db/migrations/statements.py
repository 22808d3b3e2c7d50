"""Split a migration into statements exactly as the Supabase CLI stores them in `statements`.

The CLI cuts at top-level semicolons (outside quotes, dollar quotes, comments and
`begin atomic ... end` bodies), drops the semicolon, trims whitespace and skips
empty pieces; comments before a statement stay attached to it and text after
the last semicolon is kept. Measured against CLI 3.1.0 in tests/migrations/test_statements.py.
No library reproduces this byte for byte (pglast drops comments), hence the scanner.
"""

from __future__ import annotations

import re

_DOLLAR_TAG = re.compile(r"\$([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$")
_WORD = re.compile(r"[A-Za-z_][\w$]*")


def split_statements(sql: str) -> list[str]:
    return [text for _, text in statement_spans(sql)]


def statement_spans(sql: str) -> list[tuple[int, str]]:
    """(offset of the first non-blank character, statement text) for each statement."""
    pieces: list[tuple[int, int]] = []
    start = 0
    i = 0
    n = len(sql)
    atomic_depth = 0  # >0 inside begin atomic: count nested case/begin ... end
    last_words: list[str] = []
    while i < n:
        ch = sql[i]
        if ch == "-" and sql.startswith("--", i):
            end = sql.find("\n", i)
            i = n if end < 0 else end + 1
        elif ch == "/" and sql.startswith("/*", i):
            i = _skip_block_comment(sql, i)
        elif ch == "'":
            escapes = i > 0 and sql[i - 1] in "eE" and (i < 2 or not (sql[i - 2].isalnum() or sql[i - 2] == "_"))
            i = _skip_quoted(sql, i, "'", backslash=escapes)
        elif ch == '"':
            i = _skip_quoted(sql, i, '"', backslash=False)
        elif ch == "$" and (m := _DOLLAR_TAG.match(sql, i)) and not (i > 0 and (sql[i - 1].isalnum() or sql[i - 1] == "_")):
            close = sql.find(m.group(0), m.end())
            i = n if close < 0 else close + len(m.group(0))
        elif ch.isalpha() or ch == "_":
            m = _WORD.match(sql, i)
            word = m.group(0).lower()
            if atomic_depth:
                if word in ("case", "begin"):
                    atomic_depth += 1
                elif word == "end":
                    atomic_depth -= 1
            elif word == "atomic" and last_words[-1:] == ["begin"]:
                atomic_depth = 1
            last_words = (last_words + [word])[-2:]
            i = m.end()
        elif ch == ";" and not atomic_depth:
            pieces.append((start, i))
            start = i + 1
            i += 1
            last_words = []
        else:
            i += 1
    pieces.append((start, n))
    spans = []
    for begin, end in pieces:
        text = sql[begin:end]
        if text.strip():
            spans.append((begin + len(text) - len(text.lstrip()), text.strip()))
    return spans


def code_offset(statement: str) -> int:
    """Offset of the first token that is not blank or a comment (comments travel with statements)."""
    i = 0
    while i < len(statement):
        if statement[i].isspace():
            i += 1
        elif statement.startswith("--", i):
            end = statement.find("\n", i)
            i = len(statement) if end < 0 else end + 1
        elif statement.startswith("/*", i):
            i = _skip_block_comment(statement, i)
        else:
            return i
    return 0


def _skip_block_comment(sql: str, i: int) -> int:
    depth = 0
    n = len(sql)
    while i < n:
        if sql.startswith("/*", i):
            depth += 1
            i += 2
        elif sql.startswith("*/", i):
            depth -= 1
            i += 2
            if depth == 0:
                return i
        else:
            i += 1
    return n


def _skip_quoted(sql: str, i: int, quote: str, *, backslash: bool) -> int:
    i += 1
    n = len(sql)
    while i < n:
        ch = sql[i]
        if backslash and ch == "\\":
            i += 2
        elif ch == quote:
            if i + 1 < n and sql[i + 1] == quote:
                i += 2
            else:
                return i + 1
        else:
            i += 1
    return n
