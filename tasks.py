"""Invoke entry point: `inv --list`. The tasks live in polaris_db.tasks; this file only assembles."""

from polaris_db.tasks import namespace

ns = namespace()
