"""The leak check: sample original values of every masked column before masking, then prove that none of
them appears anywhere in the masked database, in any text-like column of any table (jsonb and arrays
included), whole or inside a longer value.

How it stays one pass per table: each probe is keyed by its longest token (the text split on spaces,
quotes, brackets and punctuation that never occur inside an email, phone or hash); a table's rows are
split into tokens once, hash-joined with the probe tokens, and only those candidate rows are searched
for the whole value (`strpos`). The probes live in a temporary table of the masking session: never in
the snapshot.

Probes are distinct values of at least `MIN_LENGTH` characters (shorter ones, like '' tokens or 'en',
prove nothing). Free text (`fake = "text"`) that equals a kept value before masking, such as an answer
that is exactly a drill's expected answer, is catalog content, not personal data: those probes are
dropped and counted (`public`). Shifted dates are checked by the masking itself (the offset is never 0).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import psycopg
from psycopg import sql

from .mask import _qualified
from .rules import Column, Rules

MIN_LENGTH = 8
SPLIT = r"[\s\"'{}()\[\],;:<>|\\]+"
PROBED = ("fake", "hash", "null", "sql")


def searchable(column: Column) -> bool:
    base = column.type.split("(")[0]
    return base in ("text", "character varying", "character", "citext", "jsonb", "json") or base.endswith("[]")


def _longest_token(value: str) -> sql.Composable:
    return sql.SQL("(select t from regexp_split_to_table({}, {}) t order by length(t) desc, t limit 1)").format(
        sql.SQL(value), sql.Literal(SPLIT))


@dataclass
class LeakReport:
    sampled: dict[str, int] = field(default_factory=dict)  # table.column -> probes
    found: dict[str, int] = field(default_factory=dict)  # table.column -> originals still present
    public: int = 0  # free-text probes dropped: equal to kept catalog content before masking
    where: dict[str, list[str]] = field(default_factory=dict)  # table.column -> tables they were found in

    @property
    def probes(self) -> int:
        return sum(self.sampled.values())

    @property
    def survivors(self) -> int:
        return sum(self.found.values())


def sample(conn: psycopg.Connection, rules: Rules, tables: dict[str, list[Column]], size: int) -> LeakReport:
    """Before masking: up to `size` original values per masked searchable column into pg_temp.leak_probe."""
    conn.execute("create temporary table if not exists leak_probe (col text, value text, token text, free boolean)")
    conn.execute("truncate leak_probe")
    for table, columns in tables.items():
        listed = rules.tables.get(table, {})
        for column in columns:
            rule = listed.get(column.name)
            if table in rules.truncate or rule is None or rule.kind not in PROBED or not searchable(column):
                continue
            col = sql.Identifier(column.name)
            if column.type.startswith("json"):  # the string values inside (top level and nested)
                values = sql.SQL("select distinct s #>> '{{}}' from {t}, jsonb_path_query({c}::jsonb, 'strict $.**') s "
                                 "where jsonb_typeof(s) = 'string'").format(t=_qualified(table), c=col)
            else:
                values = sql.SQL("select distinct {c}::text from {t} where {c} is not null").format(
                    c=col, t=_qualified(table))
            conn.execute(sql.SQL(
                "insert into leak_probe (col, value, free) select {name}, v, {free} from ({values}) d(v) "
                "where length(v) >= {min} order by random() limit {size}").format(
                name=sql.Literal(f"{table}.{column.name}"), free=sql.Literal(rule.kind == "fake" and rule.arg == "text"),
                values=values, min=sql.Literal(MIN_LENGTH), size=sql.Literal(size)))
    conn.execute(sql.SQL("update leak_probe set token = {}").format(_longest_token("value")))
    report = LeakReport()
    report.public = _drop_public(conn, rules, tables)
    for name, count in conn.execute("select col, count(*) from leak_probe group by 1 order by 1"):
        report.sampled[name] = count
    return report


def _drop_public(conn: psycopg.Connection, rules: Rules, tables: dict[str, list[Column]]) -> int:
    dropped = 0
    for table, columns in tables.items():
        listed = rules.tables.get(table, {})
        for column in columns:
            rule = listed.get(column.name)
            if table in rules.truncate or rule is None or rule.kind != "keep" or not searchable(column):
                continue
            dropped += conn.execute(sql.SQL("delete from leak_probe p where p.free and exists "
                                            "(select 1 from {t} where {c}::text = p.value)").format(
                t=_qualified(table), c=sql.Identifier(column.name))).rowcount
    return dropped


def check(conn: psycopg.Connection, tables: dict[str, list[Column]], report: LeakReport) -> LeakReport:
    """After masking: count the probes found anywhere (one tokenizing scan per table)."""
    found: dict[str, set[str]] = {}
    for table, columns in tables.items():
        text = [sql.SQL("{}::text").format(sql.Identifier(c.name)) for c in columns if searchable(c)]
        if not text:
            continue
        # Each row's text is built once (`offset 0` keeps the subquery): beside a set-returning function in the
        # select list it was built again for every token, quadratic in a long value (a migration's statements).
        query = sql.SQL(
            "select distinct p.col, p.value from (select concat_ws(' ', {cols}) txt from only {t} offset 0) r "
            "cross join lateral regexp_split_to_table(r.txt, {split}) x(token) join leak_probe p on p.token = x.token "
            "where strpos(r.txt, p.value) > 0").format(split=sql.Literal(SPLIT), cols=sql.SQL(", ").join(text),
                                                      t=_qualified(table))
        for name, value in conn.execute(query):
            found.setdefault(name, set()).add(value)
            report.where.setdefault(name, [])
            if table not in report.where[name]:
                report.where[name].append(table)
    report.found = {name: len(values) for name, values in found.items()}
    return report
