"""Inline suppression of one finding, with a reason a reviewer can read.

    create table public.audit_log (          -- noqa: PC301 written only by service_role, never by clients
    -- noqa: PC201 a log without a natural key; rows are never updated
    create table public.import_rows (...);

A `-- noqa: ID[, ID...] reason` comment suppresses those IDs on its own line; written alone on a line it
applies to the next line of code (a statement, or a column inside `create table`). IDs are our rules (PC...), `squawk:<rule>` and `advisor:<lint>`. A reason
is required. A suppression that no longer matches a finding is reported as `NOQA unused`, so stale
exceptions do not pile up. Other `-- noqa: XX00` comments (sqlfluff's codes) are left to sqlfluff.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .base import Finding
from .sqlfile import SqlFile

NOQA = "NOQA"
OURS = re.compile(r"^--\s*noqa\s*:\s*(?=PC|squawk:|advisor:)(?P<rest>.*)$")
ID = re.compile(r"PC\d{3}|squawk:[a-z0-9-]+|advisor:[a-z0-9_]+")
MIN_REASON = 8  # characters: "see docs" is about the shortest useful reason


@dataclass
class Suppression:
    path: str
    line: int  # the line it applies to
    comment_line: int
    ids: tuple[str, ...]
    reason: str
    used: set[str] = field(default_factory=set)


def _parse_ids(rest: str) -> tuple[list[str], str]:
    ids = []
    position = 0
    while True:
        match = ID.match(rest, position)
        if not match:
            break
        ids.append(match.group())
        position = match.end()
        comma = re.match(r"\s*,\s*", rest[position:])
        if not comma:
            break
        position += comma.end()
    return ids, rest[position:].strip(" \t:-—–")


def suppressions(file: SqlFile) -> tuple[list[Suppression], list[Finding]]:
    """The file's suppressions, and findings for malformed ones."""
    found, problems = [], []
    for comment in file.comments:
        match = OURS.match(comment.text.strip())
        if not match:
            continue
        ids, reason = _parse_ids(match["rest"])
        if not ids:
            problems.append(Finding(file.rel, comment.line, NOQA, f"malformed suppression: {comment.text.strip()}"))
            continue
        if len(reason) < MIN_REASON:
            problems.append(Finding(file.rel, comment.line, NOQA,
                                    f"suppression of {', '.join(ids)} needs a reason after the ID"))
            continue
        target = file.next_code_line(comment.line) if comment.alone else comment.line
        found.append(Suppression(file.rel, target, comment.line, tuple(ids), reason))
    return found, problems


def apply(findings: Iterable[Finding], files: Iterable[SqlFile], *, known: Callable[[str], bool],
          ran: Callable[[str], bool]) -> list[Finding]:
    """Drop suppressed findings; add NOQA findings for unknown IDs and for suppressions that matched nothing.

    `known(id)` says whether an ID exists; `ran(id)` whether its check ran this time (only then can a
    suppression be called unused)."""
    table: dict[tuple[str, int], list[Suppression]] = {}
    result: list[Finding] = []
    for file in files:
        found, problems = suppressions(file)
        result.extend(problems)
        for suppression in found:
            table.setdefault((suppression.path, suppression.line), []).append(suppression)
    for finding in findings:
        matches = [s for s in table.get((finding.path, finding.line), ()) if finding.rule in s.ids]
        for suppression in matches:
            suppression.used.add(finding.rule)
        if not matches:
            result.append(finding)
    for suppressions_at_line in table.values():
        for suppression in suppressions_at_line:
            for rule in suppression.ids:
                if not known(rule):
                    result.append(Finding(suppression.path, suppression.comment_line, NOQA, f"unknown rule {rule}"))
                elif ran(rule) and rule not in suppression.used:
                    result.append(Finding(suppression.path, suppression.comment_line, NOQA,
                                          f"unused suppression of {rule}: nothing to suppress on line {suppression.line}"))
    return result
