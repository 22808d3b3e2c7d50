from __future__ import annotations

import re

from ..base import Finding, Rule
from ..tree import RELEASE_NOTES


class ReleaseNotes(Rule):
    """`ops/docs/release-notes.md` mentions every migration by its number.

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
        for file in tree.migrations:
            version = file.path.name.split("_", 1)[0]
            if not re.search(rf"(?<!\d){re.escape(version)}(?!\d)", notes):
                yield self.at(file, 1, f"migration {version} is not listed in {RELEASE_NOTES.as_posix()}")
