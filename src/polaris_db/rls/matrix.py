"""The access matrix (ops/supabase/tests/access_matrix.toml): loading, validation, cases, coverage gate.

Every entry states, for each command its kind supports, the actors that are allowed; every other
actor is expected to be denied. An empty list means nobody (not even service_role).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .. import OPS_DIR
from ..errors import ConfigError
from .catalog import Exposed

MATRIX_PATH = OPS_DIR / "tests" / "access_matrix.toml"
ACTORS = ("anon", "owner", "other", "editor", "admin", "service_role")
USER_ACTORS = ("owner", "other", "editor", "admin")  # throwaway rows in auth.users
KIND_COMMANDS = {
    "table": ("select", "insert", "update", "delete"),
    "view": ("select",),
    "function": ("execute",),
    "bucket": ("select", "insert", "update", "delete"),
}
ENTRY_KEYS = {
    "table": {"name", "setup", "rows", "insert", "touch", "allow", "optional", "note", "case"},
    "view": {"name", "setup", "rows", "allow", "optional", "note", "case", "public_aggregate"},
    "function": {"name", "setup", "call", "allow", "optional", "note", "case"},
    "bucket": {"name", "setup", "folder", "allow", "optional", "note", "case"},
}
CASE_KEYS = {"name", "command", "sql", "allow", "actors"}
COMMANDS = ("select", "insert", "update", "delete", "execute")


@dataclass(frozen=True)
class Case:
    """One actor running one statement against one object, with the outcome the matrix expects."""

    object: str
    command: str
    actor: str
    allowed: bool
    sql: str
    setup: str | None = None
    name: str | None = None  # set for the entry's extra named cases (attacks)

    @property
    def id(self) -> str:
        label = self.name or self.command
        return f"{self.object}:{label}:{self.actor}"

    @property
    def title(self) -> str:
        verdict = "may" if self.allowed else "may not"
        action = self.name or f"{self.command} {self.object}"
        return f"{self.actor} {verdict} {action}" + (f" ({self.object})" if self.name else "")


@dataclass(frozen=True)
class Entry:
    kind: str
    name: str
    allow: dict[str, tuple[str, ...]]
    setup: str | None = None
    rows: str | None = None
    insert: str | None = None
    touch: str | None = None
    call: str | None = None
    folder: str = ":'owner'"
    optional: bool = False
    public_aggregate: bool = False
    note: str | None = None
    cases: tuple[dict, ...] = ()

    def expand(self, touch: str | None = None) -> list[Case]:
        """The entry's cases: every command of its kind for every actor, then its named cases."""
        statements = self._statements(touch or self.touch)
        out = [Case(self.name, command, actor, actor in self.allow[command], statements[command], self.setup)
               for command in KIND_COMMANDS[self.kind] for actor in ACTORS]
        for extra in self.cases:
            allowed = set(extra.get("allow", ()))
            for actor in extra.get("actors", ACTORS):
                out.append(Case(self.name, extra["command"], actor, actor in allowed, extra["sql"], self.setup,
                                extra["name"]))
        return out

    def _statements(self, touch: str | None) -> dict[str, str]:
        if self.kind == "function":
            return {"execute": self.call}
        if self.kind == "view":
            return {"select": f"select 1 from {self.name} where {self.rows}"}
        if self.kind == "bucket":
            return bucket_statements(self.name, self.folder)
        return {
            "select": f"select 1 from {self.name} where {self.rows}",
            "insert": self.insert,
            "update": f"update {self.name} set {touch} where {self.rows}",
            "delete": f"delete from {self.name} where {self.rows}",
        }


def bucket_statements(bucket: str, folder: str) -> dict[str, str]:
    """storage.objects statements for one bucket; `folder` is an SQL expression (default the owner's id)."""
    literal = "'" + bucket.replace("'", "''") + "'"
    fixture = f"{folder} || '/rls-fixture-' || :'run' || '.txt'"
    rows = f"bucket_id = {literal} and name = {fixture}"
    return {
        # as the Storage API does before a delete (the platform refuses SQL deletes without it)
        "setup": f"select set_config('storage.allow_delete_query', 'true', true);\n"
                 f"insert into storage.objects (bucket_id, name, owner, owner_id) "
                 f"values ({literal}, {fixture}, :'owner', :'owner')",
        "select": f"select 1 from storage.objects where {rows}",
        "insert": f"insert into storage.objects (bucket_id, name, owner, owner_id) "
                  f"values ({literal}, {folder} || '/rls-new-' || :'run' || '.txt', :'owner', :'owner')",
        "update": f"update storage.objects set updated_at = updated_at where {rows}",
        "delete": f"delete from storage.objects where {rows}",
    }


@dataclass(frozen=True)
class Matrix:
    path: Path
    users: dict[str, str]
    entries: tuple[Entry, ...] = field(default=())

    def entry(self, kind: str, name: str) -> Entry | None:
        return next((e for e in self.entries if e.kind == kind and e.name == name), None)

    @property
    def public_aggregates(self) -> frozenset[str]:
        return frozenset(e.name for e in self.entries if e.kind == "view" and e.public_aggregate)


def load(path: Path = MATRIX_PATH) -> Matrix:
    """Read and validate the matrix; any mistake is a ConfigError naming the file and the entry."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from None
    problems: list[str] = []
    users = data.get("users", {})
    for key in ("create", "editor", "admin"):
        if not isinstance(users.get(key), str):
            problems.append(f"[users] needs a `{key}` statement")
    entries = []
    for kind in KIND_COMMANDS:
        for raw in data.get(kind, []):
            entry = _entry(kind, raw, problems)
            if entry:
                entries.append(entry)
    unknown = set(data) - {"users", *KIND_COMMANDS}
    if unknown:
        problems.append(f"unknown section(s) {', '.join(sorted(unknown))}")
    seen: set[tuple[str, str]] = set()
    for entry in entries:
        if (entry.kind, entry.name) in seen:
            problems.append(f"{entry.kind} {entry.name}: listed twice")
        seen.add((entry.kind, entry.name))
    if problems:
        raise ConfigError(f"{path}: " + "; ".join(problems))
    return Matrix(path, users, tuple(entries))


def _entry(kind: str, raw: dict, problems: list[str]) -> Entry | None:
    name = raw.get("name")
    where = f"{kind} {name or '(no name)'}"
    before = len(problems)
    if not isinstance(name, str):
        problems.append(f"{where}: needs a name")
    extra = set(raw) - ENTRY_KEYS[kind]
    if extra:
        problems.append(f"{where}: unknown key(s) {', '.join(sorted(extra))}")
    allow = raw.get("allow", {})
    for command in KIND_COMMANDS[kind]:
        if command not in allow:
            problems.append(f"{where}: allow.{command} is missing (list the allowed actors, [] for nobody)")
    for command, actors in allow.items():
        if command not in KIND_COMMANDS[kind]:
            problems.append(f"{where}: allow.{command} does not apply to a {kind}")
        _check_actors(f"{where}: allow.{command}", actors, problems)
    needed = {"table": ("rows", "insert"), "view": ("rows",), "function": ("call",)}.get(kind, ())
    for key in needed:
        if not isinstance(raw.get(key), str):
            problems.append(f"{where}: needs `{key}`")
    for case in raw.get("case", []):
        _check_case(where, case, problems)
    if len(problems) > before:
        return None
    options = {k: raw[k] for k in ("setup", "rows", "insert", "touch", "call", "folder", "optional",
                                   "public_aggregate", "note") if k in raw}
    if kind == "bucket":
        statements = bucket_statements(name, raw.get("folder", ":'owner'"))
        options["setup"] = "\n;\n".join(s for s in (statements["setup"], raw.get("setup")) if s)
    return Entry(kind, name, {c: tuple(a) for c, a in allow.items()}, cases=tuple(raw.get("case", [])), **options)


def _check_case(where: str, case: dict, problems: list[str]) -> None:
    label = f"{where}: case {case.get('name', '(no name)')!r}"
    if set(case) - CASE_KEYS:
        problems.append(f"{label}: unknown key(s) {', '.join(sorted(set(case) - CASE_KEYS))}")
    for key in ("name", "command", "sql"):
        if not isinstance(case.get(key), str):
            problems.append(f"{label}: needs `{key}`")
    if case.get("command") not in COMMANDS:
        problems.append(f"{label}: command must be one of {', '.join(COMMANDS)}")
    _check_actors(f"{label}: allow", case.get("allow", []), problems)
    _check_actors(f"{label}: actors", case.get("actors", list(ACTORS)), problems)


def _check_actors(label: str, actors, problems: list[str]) -> None:
    if not isinstance(actors, list) or any(a not in ACTORS for a in actors):
        problems.append(f"{label} must be a list drawn from {', '.join(ACTORS)}, got {actors!r}")


def coverage(matrix: Matrix, exposed: Exposed) -> list[str]:
    """Problems that fail the gate: exposed objects without an entry, entries for objects that do not exist."""
    problems = []
    for kind, names in (("table", exposed.tables), ("view", exposed.views),
                        ("function", exposed.functions), ("bucket", exposed.buckets)):
        listed = {e.name: e for e in matrix.entries if e.kind == kind}
        for name in names:
            if name not in listed:
                problems.append(f"{name}: exposed {kind} has no entry in {matrix.path.name} "
                                f"(add a [[{kind}]] entry: see ops/docs/rls-tests.md)")
        for name, entry in listed.items():
            if name not in names and not entry.optional:
                problems.append(f"{name}: {kind} listed in {matrix.path.name} does not exist in the database "
                                "(remove the entry, or mark it optional = true if some environments lack it)")
    return problems
