"""Migration engine compatible with the Supabase CLI's history table.

files.py finds and validates migration files, statements.py splits them the way
the CLI does, history.py reads and writes `supabase_migrations.schema_migrations`,
plan.py decides what is pending or drifted (pure), apply.py runs the plan.
Around the engine: new.py writes the next-numbered file, listing.py shapes
`db.migration-list`, seeds.py runs the seeds, reset.py rebuilds a database
(shim, migrations, seeds) and reset_cache.py keeps a warm copy of that build.
"""

from .apply import apply_plan, migrate
from .files import Migration, discover
from .history import AppliedMigration, read_history
from .plan import Plan, make_plan

__all__ = ["AppliedMigration", "Migration", "Plan", "apply_plan", "discover", "make_plan", "migrate", "read_history"]
