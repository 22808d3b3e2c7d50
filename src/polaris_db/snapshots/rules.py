"""The masking rules (ops/supabase/masking.toml): loading, validation, coverage against a database's catalog.

One rule per column: keep | null | hash | {fake = KIND} | {shift = COLUMN} | {sql = EXPR}; `truncate`
lists tables whose rows never go into a snapshot. The same coverage check serves the lint rule (PC503,
on the conventions scratch database, so a migration cannot add a column without deciding) and
`inv db.snapshot` (on the restored backup, so a snapshot never carries a column nobody classified).
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from .. import OPS_DIR
from ..errors import ConfigError

RULES_PATH = OPS_DIR / "masking.toml"
SCHEMAS = ("public", "auth", "storage", "supabase_migrations")  # what backups/dump.py dumps
PLATFORM = ("auth", "storage")  # tables the platform adds on hosted may be absent from the shim
FAKES = ("email", "phone", "name", "text", "url", "json", "path")
PLAIN = ("keep", "null", "hash")


@dataclass(frozen=True)
class Rule:
    kind: str  # keep | null | hash | fake | shift | sql
    arg: str = ""  # the fake kind, the shift column or the SQL expression
    line: int = 1  # in masking.toml

    @property
    def masks(self) -> bool:
        return self.kind != "keep"


@dataclass
class Rules:
    path: Path
    tables: dict[str, dict[str, Rule]] = field(default_factory=dict)  # "schema.table" -> column -> rule
    truncate: dict[str, int] = field(default_factory=dict)  # table -> line
    table_lines: dict[str, int] = field(default_factory=dict)
    sample: int = 50
    shift_days: int = 45
    sha256: str = ""

    def masked_columns(self) -> list[tuple[str, str, Rule]]:
        return [(t, c, r) for t, cols in self.tables.items() for c, r in cols.items() if r.masks]


def _line_finder(text: str):
    lines = text.splitlines()
    headers = {}
    for number, line in enumerate(lines, 1):
        match = re.match(r'\s*\[tables\."([^"]+)"\]', line)
        if match:
            headers[match[1]] = number

    def column_line(table: str, column: str) -> int:
        start = headers.get(table, 1)
        for number in range(start, len(lines) + 1):
            if number > start and lines[number - 1].lstrip().startswith("["):
                break
            if re.match(rf'\s*"?{re.escape(column)}"?\s*=', lines[number - 1]):
                return number
        return start

    def text_line(needle: str) -> int:
        return next((n for n, line in enumerate(lines, 1) if needle in line), 1)

    return headers, column_line, text_line


def _rule(value, where: str, line: int) -> Rule:
    if isinstance(value, str):
        if value not in PLAIN:
            raise ConfigError(f"{where}: unknown rule {value!r}: use keep, null, hash, {{fake = ...}}, "
                              "{shift = ...} or {sql = ...}")
        return Rule(value, line=line)
    if isinstance(value, dict) and len(value) == 1:
        (kind, arg), = value.items()
        if kind == "fake" and arg in FAKES:
            return Rule("fake", arg, line)
        if kind in ("shift", "sql") and isinstance(arg, str) and arg.strip():
            return Rule(kind, arg.strip(), line)
    raise ConfigError(f"{where}: invalid rule {value!r}: fake is one of {', '.join(FAKES)}; "
                      "shift names the column that groups rows (the learner); sql is an expression")


def load(path: Path = RULES_PATH) -> Rules:
    """Read and validate the rules; any mistake is a ConfigError naming `file:line`."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no masking rules (ops/supabase/backup.md, Masked snapshots)") from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: {error}") from None
    headers, column_line, text_line = _line_finder(text)
    settings = raw.get("settings", {})
    rules = Rules(path, sha256=hashlib.sha256(text.encode()).hexdigest(),
                  sample=int(settings.get("sample", 50)), shift_days=int(settings.get("shift_days", 45)))
    if rules.sample < 1 or rules.shift_days < 1:
        raise ConfigError(f"{path}:{text_line('[settings]')}: sample and shift_days must be >= 1")
    rules.truncate = {t: text_line(f'"{t}"') for t in raw.get("truncate", [])}
    for table, columns in raw.get("tables", {}).items():
        rules.table_lines[table] = headers.get(table, 1)
        if "." not in table or not isinstance(columns, dict):
            raise ConfigError(f"{path}:{headers.get(table, 1)}: [tables.\"schema.table\"] with one rule per column")
        rules.tables[table] = {}
        for column, value in columns.items():
            line = column_line(table, column)
            rules.tables[table][column] = rule = _rule(value, f"{path}:{line}: {table}.{column}", line)
            if rule.kind == "shift" and rule.arg not in columns:
                raise ConfigError(f"{path}:{line}: {table}.{column}: shift by {rule.arg!r}, not a column of {table}")
    unknown = set(raw) - {"settings", "truncate", "tables"}
    if unknown:
        raise ConfigError(f"{path}: unknown section(s) {', '.join(sorted(unknown))}")
    return rules


# -- coverage ------------------------------------------------------------------------------------
CATALOG = """
select format('%%I.%%I', n.nspname, c.relname), a.attname, format_type(a.atttypid, a.atttypmod), a.attgenerated <> ''
from pg_class c join pg_namespace n on n.oid = c.relnamespace
join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
where c.relkind in ('r', 'p') and not c.relispartition and n.nspname = any(%(schemas)s)
  and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
order by 1, a.attnum
"""


@dataclass(frozen=True)
class Column:
    table: str
    name: str
    type: str
    generated: bool


def catalog(conn: psycopg.Connection, schemas=SCHEMAS) -> dict[str, list[Column]]:
    tables: dict[str, list[Column]] = {}
    for table, name, type_, generated in conn.execute(CATALOG, {"schemas": list(schemas)}):
        tables.setdefault(table, []).append(Column(table, name, type_, generated))
    return tables


@dataclass(frozen=True)
class Gap:
    table: str
    column: str | None  # None: the whole table
    line: int  # in masking.toml (where to add or remove the rule)
    message: str
    missing: bool = True  # a column or table without a rule (False: a stale or wrong rule)


def coverage(rules: Rules, tables: dict[str, list[Column]]) -> list[Gap]:
    """Columns without a rule, rules for columns or tables that do not exist (platform tables may be absent)."""
    gaps = []
    for table, columns in tables.items():
        if table in rules.truncate:
            continue
        listed = rules.tables.get(table)
        if listed is None:
            gaps.append(Gap(table, None, 1, f"table {table} has no masking rules: add [tables.\"{table}\"] "
                                            f"(one rule per column) or list it under truncate in {rules.path.name}"))
            continue
        names = {c.name for c in columns}
        for column in columns:
            if column.name not in listed:
                gaps.append(Gap(table, column.name, rules.table_lines[table],
                                f"column {table}.{column.name} has no masking rule in {rules.path.name}: "
                                "keep, null, hash, fake, shift or sql"))
            elif column.generated and listed[column.name].kind != "keep":
                gaps.append(Gap(table, column.name, listed[column.name].line,
                                f"column {table}.{column.name} is generated: its rule must be keep (it is recomputed)",
                                missing=False))
        for name, rule in listed.items():
            if name not in names:
                gaps.append(Gap(table, name, rule.line, f"masking rule for {table}.{name}: no such column", missing=False))
    for table, line in rules.table_lines.items():
        if table not in tables and table.split(".")[0] not in PLATFORM:
            gaps.append(Gap(table, None, line, f"masking rules for {table}: no such table", missing=False))
    return gaps
