from __future__ import annotations

from ..base import Rule


class MigrationsApply(Rule):
    """The migrations, then the seeds, apply cleanly on a fresh database (platform shim first).

    Why: catalog rules and Supabase's advisors read the schema the migrations build, so a scratch
    database is built for every run; if it cannot be built, that is the first thing to fix. The
    finding names the failing statement. (The runner builds the database; this class documents it.)

    **Anti-pattern**

    ```sql
    -- 0004_assignments.sql refers to a table no earlier migration creates
    create table if not exists public.assignments (drill_id uuid references public.drill (id));
    ```

    **Best practice**

    ```sql
    create table if not exists public.assignments (drill_id uuid references public.drills (id));
    ```
    """

    id = "PC001"
    name = "migrations-apply"
    catalog = True
