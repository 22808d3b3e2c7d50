"""Database operations for Polaris Coach: the logic behind tasks.py and noxfile.py.

One room per concern: errors/config/console (shared ground), database (connections and the one
throwaway-database helper, `scratch_database`), cluster (the embedded Postgres), shim/ (the Supabase
platform shim), migrations/ (engine, new files, seeds, reset and its cache), rls/, lint/, the backup
modules, psql, supabase_cli, typegen, sync, and tasks/ (invoke wiring only). Layers only import downward.
"""

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
OPS_DIR = REPO_ROOT / "ops" / "supabase"
MIGRATIONS_DIR = OPS_DIR / "migrations"
SEEDS_DIR = OPS_DIR / "seeds"
# Where the embedded cluster and scratch files live; override to keep a second cluster apart.
STATE_DIR = Path(os.environ.get("POLARIS_STATE_DIR", REPO_ROOT / ".polaris"))
