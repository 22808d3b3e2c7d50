"""Supabase's own advisors (`supabase db advisors`, the splinter lints) against the scratch database.

Every WARN or ERROR fails, unless it is an accepted exception. Exceptions live next to the rule that
owns the lint (`Rule.advisor_lints` / `Rule.advisor_exceptions`); lints no rule owns keep theirs in
UNOWNED_EXCEPTIONS below, each with the reason. Findings are placed at the statement that defines the
object and carry the ID `advisor:<lint>`.
"""

from __future__ import annotations

import json

from ..errors import ConfigError
from ..supabase_cli import run
from .base import Finding, Rule
from .registry import RULES
from .tree import Tree

FAILING_LEVELS = ("WARN", "ERROR")
PREFIX = "advisor:"
# {(lint name, "schema.object"): "why it is accepted"} for lints that no rule owns.
UNOWNED_EXCEPTIONS: dict[tuple[str, str], str] = {}
LOCATABLE = {"table": "table", "view": "view", "materialized view": "view", "function": "function"}


def fetch(url: str) -> list[dict]:
    result = run(["db", "advisors", "--type", "all", "--level", "info", "--fail-on", "none",
                  "--output-format", "json"], url, check=False, timeout=300)
    try:
        return json.loads(result.stdout)["results"] or []
    except (json.JSONDecodeError, KeyError, TypeError):
        lines = (result.stderr.strip() or result.stdout.strip() or "no output").splitlines()
        raise ConfigError(f"supabase db advisors failed ({result.returncode}): {lines[-1]}") from None


def owner(lint: str) -> Rule | None:
    return next((rule for rule in RULES if lint in rule.advisor_lints), None)


def object_name(result: dict) -> str:
    metadata = result.get("metadata") or {}
    return ".".join(part for part in (metadata.get("schema"), metadata.get("name")) if part)


def findings(results: list[dict], tree: Tree) -> list[Finding]:
    found = []
    for result in results:
        if result.get("level") not in FAILING_LEVELS:
            continue
        lint, name = result["name"], object_name(result)
        rule = owner(lint)
        exceptions = rule.advisor_exceptions if rule else UNOWNED_EXCEPTIONS
        if (lint, name) in exceptions:
            continue
        kind = LOCATABLE.get((result.get("metadata") or {}).get("type", ""))
        location = (tree.locate(kind, name) if kind else None) or tree.fallback()
        path, line = (location.file.rel, location.line) if location else ("ops/supabase/migrations", 1)
        owned = f" [exceptions: {rule.id}]" if rule else ""
        detail = result.get("detail") or result.get("title") or lint
        found.append(Finding(path, line, PREFIX + lint, f"{result['level']}: {detail.strip()}{owned}"))
    return found
