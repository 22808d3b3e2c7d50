from __future__ import annotations

from ..base import Rule


class SqlParses(Rule):
    """Every SQL file under ops/supabase parses with the PostgreSQL 18 grammar, function bodies included.

    Why: a statement the parser rejects fails at deploy time, and it hides the rest of the file from
    every other check. PL/pgSQL and SQL function bodies and DO blocks are parsed too, so a typo inside
    a body is caught before a migration runs.

    **Anti-pattern**

    ```sql
    create tabel if not exists public.coaches (id uuid primary key);
    ```

    **Best practice**

    ```sql
    create table if not exists public.coaches (id uuid primary key);
    ```
    """

    id = "PC000"
    name = "sql-parses"

    def check(self, tree):
        for file in tree.all_files():
            file.embedded  # parsing the bodies records their errors
            for error in file.errors:
                yield self.at(file, error.line, f"does not parse: {error.message}")
