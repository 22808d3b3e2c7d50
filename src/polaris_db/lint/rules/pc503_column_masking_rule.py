from __future__ import annotations

from pathlib import PurePosixPath

from ...errors import ConfigError
from ...snapshots.rules import catalog, coverage, load
from ..base import Finding, Rule

RULES_FILE = PurePosixPath("ops/supabase/masking.toml")


class ColumnMaskingRule(Rule):
    """Every column the backups carry has a masking rule in ops/supabase/masking.toml.

    Why: `inv db.snapshot` turns production backups into masked snapshots for rehearsals and developer
    machines; a column nobody classified would either leak (copied as is) or stop the snapshot. So the
    decision is made when the column is added: keep, null, hash, fake (email, phone, name, text, url,
    json, path), shift (dates, per learner) or sql. Checked on the scratch database (public, auth,
    storage and the migration history); a new column is reported at the migration that adds it, a
    platform column or a stale rule at its line in masking.toml.

    **Anti-pattern**

    ```sql
    -- masking.toml has [tables."public.profiles"] without a phone entry
    alter table public.profiles add column if not exists phone text;
    comment on column public.profiles.phone is 'Contact number for coaching reminders.';
    ```

    **Best practice**

    ```sql
    -- and in masking.toml, [tables."public.profiles"]: phone = { fake = "phone" }
    alter table public.profiles add column if not exists phone text;
    comment on column public.profiles.phone is 'Contact number for coaching reminders.';
    ```
    """

    id = "PC503"
    name = "column-masking-rule"
    catalog = True

    def check_catalog(self, tree, scratch):
        rel = str(RULES_FILE)
        try:
            rules = load(tree.root / RULES_FILE)
        except ConfigError as error:
            text = str(error)
            line = text.split(":", 2)[1] if text.startswith(str(tree.root / RULES_FILE) + ":") else "1"
            yield Finding(rel, int(line) if line.isdigit() else 1, self.id, text.split(": ", 1)[-1])
            return
        for gap in coverage(rules, catalog(scratch.conn)):
            location = None
            if gap.column and gap.table.split(".")[0] not in ("auth", "storage"):
                location = tree.locate("column", f"{gap.table}.{gap.column}")
            if location is None and gap.column is None and gap.line == 1:
                location = tree.locate("table", gap.table)
            if location is not None:
                yield Finding(location.file.rel, location.line, self.id, gap.message)
            else:
                yield Finding(rel, gap.line, self.id, gap.message)
