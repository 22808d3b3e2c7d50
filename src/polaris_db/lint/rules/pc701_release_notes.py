from __future__ import annotations

import re

from ..base import Finding, Rule
from ..tree import RELEASE_NOTES


class ReleaseNotes(Rule):
    """`ops/docs/release-notes.md` mentions every migration by its number, in an entry filled in.

    An entry whose heading names the migration and whose text still says TODO (the stub
    `inv db.new-migration` appends: `- Adds: TODO`) counts as missing.

    Why: the release notes are where a migration's intent, risk and rollback are written for the
    people who deploy it; a migration without an entry shipped without that conversation.

    **Anti-pattern**

    ```sql
    -- ops/supabase/migrations/0030_drill_tags.sql exists,
    -- but ops/docs/release-notes.md has no "0030" entry
    create table if not exists public.drill_tags (drill_id uuid, tag text, primary key (drill_id, tag));
    ```

    **Best practice**

    ```sql
    -- ops/docs/release-notes.md: "## 0030_drill_tags: tags on drills (additive, no backfill)"
    create table if not exists public.drill_tags (drill_id uuid, tag text, primary key (drill_id, tag));
    ```
    """

    id = "PC701"
    name = "release-notes"

    def check(self, tree):
        if not tree.migrations:
            return
        if not tree.release_notes.is_file():
            yield Finding(RELEASE_NOTES.as_posix(), 1, self.id, "release notes file is missing")
            return
        notes = tree.release_notes.read_text(encoding="utf-8")
        sections = _sections(notes)
        for file in tree.migrations:
            version = file.path.name.split("_", 1)[0]
            number = re.compile(rf"(?<!\d){re.escape(version)}(?!\d)")
            if not number.search(notes):
                yield self.at(file, 1, f"migration {version} is not listed in {RELEASE_NOTES.as_posix()}")
            elif any(number.search(heading) and "TODO" in body for heading, body in sections):
                yield self.at(file, 1, f"release notes entry for {version} is an unfilled stub (TODO): say what it "
                                       "adds and how to roll it back")


def _sections(markdown: str) -> list[tuple[str, str]]:
    """(heading line, text up to the next heading) for every markdown heading."""
    parts = re.split(r"^(#+ .*)$", markdown, flags=re.M)
    return list(zip(parts[1::2], parts[2::2]))
