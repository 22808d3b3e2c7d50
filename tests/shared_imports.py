"""Bytecode for what every test worker (and its `inv` zygote) imports, written by one process before they start.

A fresh virtualenv has none (uv writes no .pyc unless asked, and its --compile-bytecode compiles every installed
package: ~15 s here), and the run's four workers starting together would each compile boto3, moto, pglast...
(~8 CPU-s). scripts/setup runs this beside `npm ci`; tests/conftest.py runs it when the bytecode is missing (a
virtualenv set up otherwise, e.g. by nox).

  python tests/shared_imports.py   (with PYTHONDONTWRITEBYTECODE unset)
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import pkgutil

SHARED_IMPORTS = ("boto3.s3.transfer", "botocore.config", "moto.server", "moto.backends", "psycopg", "pglast",
                  "invoke.main", "pyrage", "urllib3", "xdist", "execnet", "pytest", "hypothesis",
                  "sqlfluff.cli.commands", "sqlfluff.dialects.dialect_postgres")
SENTINEL = "moto.server"  # the largest of them: compiled means this ran


def compiled() -> bool:
    spec = importlib.util.find_spec(SENTINEL)  # finds the file, imports nothing
    return spec is None or os.path.exists(importlib.util.cache_from_source(spec.origin))


def import_polaris_db() -> None:
    """Every module of the package (what the tasks may import)."""
    import polaris_db

    for module in pkgutil.walk_packages(polaris_db.__path__, "polaris_db."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)


def main() -> None:
    for name in SHARED_IMPORTS:
        importlib.import_module(name)
    import_polaris_db()
    from polaris_db.snapshots.fakes import vocabulary

    vocabulary()  # Faker's providers load as it starts
    import sqlfluff

    sqlfluff.lint("select 1\n", dialect="postgres")  # the rules load as a lint starts


if __name__ == "__main__":
    main()
