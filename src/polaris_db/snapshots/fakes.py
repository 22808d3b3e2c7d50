"""The SQL that masks one column: keyed hashes and fakes as set-based expressions (one UPDATE per table).

Keyed hash without pgcrypto (not in the embedded wheel, and `hmac()` is pgcrypto's): core `sha256()` in the
envelope form `sha256(k || sha256(k || value))`, where k = sha256("polaris-mask:" || POLARIS_MASK_KEY) is
sent as a bound parameter (never in the statement text, never logged). The inner hash already hides the
value; the outer one closes the length-extension door a bare `sha256(k || value)` leaves open. Deterministic:
one key, one output per input, so the same email in two tables, a provider event id in the ledger and in
payment_events, a storage path and a row naming it stay equal after masking.

Fakes draw from Faker's word lists (`vocabulary()`: names and lorem sentences, seeded, so a Faker pin
gives the same lists), passed as array parameters and indexed by the keyed hash: Faker runs once in
Python, never per row.
"""

from __future__ import annotations

import hashlib
import os
import re
from functools import lru_cache

from psycopg import sql

from ..errors import ConfigError
from .rules import Column, Rule

KEY_VAR = "POLARIS_MASK_KEY"
EMAIL_DOMAIN = "example.com"  # RFC 2606: valid, never delivered
PHONE_PREFIX, PHONE_DIGITS = "1555", 11  # 15 digits (E.164's maximum), 1e11 values: unique in practice
TEXT_TYPES = ("text", "character varying", "character", "citext")


def mask_key() -> bytes:
    key = os.environ.get(KEY_VAR, "")
    if len(key) < 16:
        raise ConfigError(f"{KEY_VAR} must be set to a secret of at least 16 characters (the masking key: "
                          "one per environment, kept like the backup key; ops/supabase/backup.md)")
    return hashlib.sha256(b"polaris-mask:" + key.encode()).digest()


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, list[str]]:
    """Faker's en_US first and last names (ASCII only: they make email local parts too) and 256 lorem sentences,
    seeded: a Faker pin gives the same lists."""
    from faker import Faker
    from faker.providers.person.en_US import Provider as Person

    fake = Faker("en_US")
    fake.seed_instance(22)
    first = [n for n in Person.first_names if re.fullmatch(r"[A-Za-z]+", n)]
    last = [n for n in Person.last_names if re.fullmatch(r"[A-Za-z]+", n)]
    return {"first": first, "last": last, "sentences": [fake.sentence(nb_words=10) for _ in range(256)]}


def _hash(value: sql.Composable) -> sql.Composable:
    return sql.SQL("sha256(%(k)s || sha256(%(k)s || convert_to(({})::text, 'UTF8')))").format(value)


def _hex(value: sql.Composable) -> sql.Composable:
    return sql.SQL("encode({}, 'hex')").format(_hash(value))


def _int(value: sql.Composable) -> sql.Composable:
    """A non-negative bigint from the keyed hash (60 bits)."""
    return sql.SQL("(('x' || substr({}, 1, 15))::bit(60)::bigint)").format(_hex(value))


def _pick(array: str, value: sql.Composable) -> sql.Composable:
    return sql.SQL("(%({a})s::text[])[1 + {i} %% cardinality(%({a})s::text[])]").format(a=sql.SQL(array), i=_int(value))


def _limit(column: Column) -> int | None:
    match = re.search(r"\((\d+)\)$", column.type)
    return int(match[1]) if match and column.type.startswith("character") else None


def _json(col: sql.Composable) -> sql.Composable:
    leaf = sql.Identifier("e")
    value = sql.SQL("{}.value").format(leaf)
    hashed = sql.SQL("to_jsonb(substr({}, 1, 16))").format(_hex(sql.SQL("{} #>> '{{}}'").format(value)))
    nested = sql.SQL("to_jsonb(substr({}, 1, 16))").format(_hex(value))
    return sql.SQL(
        "case when {c} is null then null when jsonb_typeof({c}::jsonb) = 'object' then "
        "(select coalesce(jsonb_object_agg(e.key, case jsonb_typeof(e.value) when 'string' then {h} "
        "when 'object' then {n} when 'array' then {n} else e.value end), '{{}}'::jsonb) from jsonb_each({c}::jsonb) e) "
        "else to_jsonb(substr({x}, 1, 16)) end"
    ).format(c=col, h=hashed, n=nested, x=_hex(col))


def fake(kind: str, col: sql.Composable, column: Column) -> sql.Composable:
    if kind == "email":
        return sql.SQL("lower({f}) || '.' || substr({x}, 16, 12) || '@{d}'").format(
            f=_pick("first", col), x=_hex(col), d=sql.SQL(EMAIL_DOMAIN))
    if kind == "phone":
        return sql.SQL("'{p}' || lpad(({i} %% {m})::text, {n}, '0')").format(
            p=sql.SQL(PHONE_PREFIX), i=_int(col), m=sql.SQL(str(10 ** PHONE_DIGITS)), n=sql.SQL(str(PHONE_DIGITS)))
    if kind == "name":
        return sql.SQL("{f} || ' ' || {l}").format(f=_pick("first", col), l=_pick("last", sql.SQL("'l:' || {}").format(col)))
    if kind == "url":
        return sql.SQL("'https://{d}/' || substr({x}, 1, 16)").format(d=sql.SQL(EMAIL_DOMAIN), x=_hex(col))
    if kind == "path":  # the first folder (the owner's id, read by storage policies) stays; the rest is hashed
        return sql.SQL("case when strpos({c}, '/') > 0 then split_part({c}, '/', 1) || '/' else '' end || "
                       "substr({x}, 1, 20) || coalesce(substring({c} from '(\\.[A-Za-z0-9]{{1,8}})$'), '')").format(
            c=col, x=_hex(col))
    if kind == "json":
        return _json(col)
    # text: lorem of the original's length rounded up to 16 (the length class), capped by varchar(n)
    length = sql.SQL("(ceil(length({}) / 16.0) * 16)::int").format(col)
    if _limit(column):
        length = sql.SQL("least({}, {})").format(length, sql.Literal(_limit(column)))
    return sql.SQL("left(repeat({s} || ' ', 1 + {n} / 40), {n})").format(s=_pick("sentences", col), n=length)


BUMP = {"date": "365000", "time": "interval '1000 years'"}  # out of the way of every real date, both ways


def bump(column: Column) -> sql.Composable:
    """Move a shifted column that is part of a unique key far away first: shifting rows one by one would
    collide with a neighbour not yet moved (a learner's (user_id, day) rows all move by the same days)."""
    return sql.SQL("{c} = {c} + {b}").format(c=sql.Identifier(column.name),
                                             b=sql.SQL(BUMP["date" if column.type == "date" else "time"]))


def expression(rule: Rule, column: Column, shift_days: int, bumped: bool = False) -> sql.Composable:
    """The new value of `column` under `rule`, over the row's original values (`bumped`: see `bump`)."""
    col = sql.Identifier(column.name)
    where = f"{column.table}.{column.name}"
    if rule.kind == "null":
        return sql.SQL("null")
    if rule.kind == "sql":
        return sql.SQL(rule.arg.replace("%", "%%"))
    if rule.kind == "fake":
        return fake(rule.arg, col, column)
    if rule.kind == "hash":
        base = column.type.split("(")[0]
        if base == "uuid":
            return sql.SQL("substr({}, 1, 32)::uuid").format(_hex(col))
        if base not in TEXT_TYPES:
            raise ConfigError(f"{where}: hash needs a text or uuid column, not {column.type} (masking.toml)")
        return sql.SQL("substr({}, 1, {})").format(_hex(col), sql.Literal(min(32, _limit(column) or 32)))
    if rule.kind == "shift":
        group = sql.Identifier(rule.arg)
        span = shift_days * 86400 if "time" in column.type else shift_days
        offset = sql.SQL("(nullif(({i} %% {w}) - {s}, 0))").format(i=_int(group), w=sql.Literal(2 * span + 1),
                                                                  s=sql.Literal(span))
        offset = sql.SQL("coalesce({}, {})").format(offset, sql.Literal(span))
        back = sql.SQL(" - {}").format(sql.SQL(BUMP["date" if column.type == "date" else "time"])) if bumped else sql.SQL("")
        if column.type == "date":
            return sql.SQL("{} + {}::int{}").format(col, offset, back)
        if "time" not in column.type:
            raise ConfigError(f"{where}: shift needs a date or timestamp column, not {column.type} (masking.toml)")
        return sql.SQL("{} + make_interval(secs => {}){}").format(col, offset, back)
    raise ConfigError(f"{where}: nothing to mask for rule {rule.kind}")


def parameters(key: bytes) -> dict:
    words = vocabulary()
    return {"k": key, "first": words["first"], "last": words["last"], "sentences": words["sentences"]}
