"""Invoke entry point: `inv --list`. The tasks live in polaris_db.tasks; this file only assembles."""

import sys

from polaris_db.tasks import namespace

ns = namespace(sys.argv[1:])  # only the areas of the tasks named on the command line (all for `inv --list`)
