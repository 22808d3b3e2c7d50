#!/usr/bin/env python3
"""Regenerate ops/supabase/policies/, views/ and triggers/updated_at.sql from the migrations.

The mirrors are the readable specs reviewers read; the migrations are what runs. After changing a
policy, view or updated_at trigger in a migration, run this and commit both (`nox -s conventions`
fails while they differ). Usage: .venv/bin/python scripts/sync_mirrors.py
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from polaris_db import OPS_DIR
from polaris_db.migrations import discover
from polaris_db.migrations.statements import code_offset, statement_spans

HEADER = "-- Mirror of the migrations (scripts/sync_mirrors.py); `nox -s conventions` checks they agree."


def collect() -> tuple[dict, dict, list]:
    policies, views, triggers = defaultdict(list), defaultdict(list), []
    for migration in discover(OPS_DIR / "migrations"):
        for _, text in statement_spans(migration.sql):
            body = text[code_offset(text):]
            low = body.lower()
            item = (migration.filename, body)
            if low.startswith(("drop policy if exists", "create policy")):
                policies[re.search(r"\bon\s+([a-z_]+\.[a-z_]+)", low).group(1)].append(item)
            elif re.match(r"(create or replace view|create materialized view if not exists|comment on (materialized )?view) public\.v_", low):
                views[re.search(r"public\.(v_[a-z_]+)", low).group(1)].append(item)
            elif low.startswith("create unique index") and " on public.v_" in low:
                views[re.search(r"on public\.(v_[a-z_]+)", low).group(1)].append(item)
            elif "set_updated_at" in low and low.startswith(("create or replace trigger", "create or replace function public.set_updated_at")):
                triggers.append(item)
    return {table: latest_only(items) for table, items in policies.items()}, views, triggers


def latest_only(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A policy redefined by a later migration appears once, as that migration defines it."""
    seen, kept = set(), []
    for filename, body in reversed(items):
        match = re.match(r'(drop policy if exists|create policy)\s+("[^"]+"|\S+)', body, re.IGNORECASE)
        key = (match.group(1).lower(), match.group(2)) if match else body
        if key not in seen:
            seen.add(key)
            kept.append((filename, body))
    return kept[::-1]


def render(title: str, items: list[tuple[str, str]]) -> str:
    lines = [f"-- {title}", HEADER, ""]
    last = None
    for filename, body in items:
        if filename != last:
            lines.append(f"-- from migrations/{filename}")
            last = filename
        lines += [body + ";", ""]
    return "\n".join(lines).rstrip() + "\n"


def main() -> None:
    policies, views, triggers = collect()
    for folder in ("policies", "views"):
        for old in (OPS_DIR / folder).glob("*.sql"):
            old.unlink()
    for table, items in sorted(policies.items()):
        schema, name = table.split(".")
        filename = (name if schema == "public" else f"{schema}_{name}") + ".sql"
        (OPS_DIR / "policies" / filename).write_text(render(f"RLS policies on {table}", items))
    for name, items in sorted(views.items()):
        (OPS_DIR / "views" / f"{name}.sql").write_text(render(f"view public.{name}", items))
    (OPS_DIR / "triggers" / "updated_at.sql").write_text(
        render("updated_at: the generic trigger function and every table that uses it", triggers))
    print(f"{len(policies)} policy files, {len(views)} views, {len(triggers)} trigger statements")


if __name__ == "__main__":
    main()
