"""The safer pattern for a statement that locked a busy table too long (printed under a flagged statement)."""

from __future__ import annotations

import re

_COMMENTS = re.compile(r"--[^\n]*|/\*.*?\*/", re.S)
_NOT_NULL = ("add `check (col is not null) not valid` (an instant), `validate constraint` it in a later migration "
             "(SHARE UPDATE EXCLUSIVE: reads and writes go on), then `set not null` (Postgres sees the validated check "
             "and skips the scan) and drop the check")

# (pattern on the statement, lowercased, comments removed; the safer pattern). First match wins.
PATTERNS = (
    (re.compile(r"\bcreate\s+(unique\s+)?index\s+(?!concurrently)"),
     "`create index concurrently`, alone in a migration whose header comment says `-- polaris: transaction=false` "
     "(it cannot run in a transaction; SHARE UPDATE EXCLUSIVE: reads and writes go on while it builds)"),
    (re.compile(r"\balter\s+column\s+\S+\s+(set\s+data\s+)?type\b"),
     "add a new column of the new type, backfill it in batches, switch the app over, then drop the old column"),
    (re.compile(r"\badd\s+(column\s+)?(?!constraint\b)\S+\s+[^,;]*\bdefault\b"),
     "add the column nullable, with no default or a constant one (catalog-only since Postgres 11, no rewrite), "
     "backfill it in batches (one short transaction per batch, e.g. 10k ids), then `set default`; for not null: "
     + _NOT_NULL),
    (re.compile(r"\badd\s+(column\s+)?(?!constraint\b)\S+\s+[^,;]*\bnot\s+null\b"),
     "add the column nullable, backfill it in batches, then " + _NOT_NULL),
    (re.compile(r"\bset\s+not\s+null\b"), _NOT_NULL[0].upper() + _NOT_NULL[1:]),
    (re.compile(r"\badd\s+(constraint\s+\S+\s+)?(foreign\s+key|check|references)\b(?![^;]*\bnot\s+valid\b)"),
     "add the constraint `not valid`, then `alter table ... validate constraint ...` in a later migration "
     "(validation takes SHARE UPDATE EXCLUSIVE: reads and writes go on)"),
    (re.compile(r"\badd\s+(constraint\s+\S+\s+)?(unique|primary\s+key)\b"),
     "create the unique index concurrently (`transaction=false` migration), then "
     "`add constraint ... unique using index ...`"),
    (re.compile(r"^\s*(update|delete|insert)\b"),
     "backfill in batches outside the migration's transaction (a `transaction=false` file or a script), "
     "each batch its own short transaction"),
    (re.compile(r"\b(vacuum\s+full|cluster)\b"),
     "do not rewrite a live table in a migration: pg_repack, or schedule a maintenance window"),
)


def advice(statement: str) -> str | None:
    text = _COMMENTS.sub(" ", statement).lower()
    for pattern, safer in PATTERNS:
        if pattern.search(text):
            return safer
    return None
