"""`python -m polaris_db.lint sql|conventions|rules`: the entry point nox and invoke call."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .. import REPO_ROOT
from ..config import mask
from ..console import say
from ..errors import PolarisError
from . import runner
from .registry import RULES


def server_url(explicit: str | None) -> str:
    """The server for scratch databases: --url, else the local target (DATABASE_URL or the embedded cluster)."""
    if explicit:
        return explicit
    from ..config import resolve
    from ..database import target_url

    return target_url(resolve("local"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m polaris_db.lint", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    sql = commands.add_parser("sql", help="sqlfluff house style on ops/ (or the given paths)")
    sql.add_argument("paths", nargs="*", type=Path)
    sql.add_argument("--processes", type=int, default=None, help="parallel sqlfluff processes (default: all CPUs)")
    conv = commands.add_parser("conventions", help="our rules, squawk and Supabase's advisors")
    conv.add_argument("--root", type=Path, default=REPO_ROOT, help="directory that holds ops/ (default: the repo)")
    conv.add_argument("--url", help="server for the scratch database (default: local target)")
    conv.add_argument("--static", action="store_true", help="no database: skip catalog rules and advisors")
    conv.add_argument("--rule", action="append", dest="rules", help="run only this rule ID (repeatable)")
    conv.add_argument("--no-squawk", action="store_true")
    conv.add_argument("--no-advisors", action="store_true")
    commands.add_parser("rules", help="list the rules")
    args = parser.parse_args(argv)
    try:
        if args.command == "rules":
            for rule in RULES:
                say(f"{rule.id}  {rule.name:28} {'catalog' if rule.catalog else 'static '}  {rule.summary()}")
            return 0
        if args.command == "sql":
            paths = args.paths or [REPO_ROOT / "ops"]
            return runner.report(runner.style(REPO_ROOT, paths, args.processes), say)
        options = runner.Options(root=args.root, rules=args.rules, squawk=not args.no_squawk,
                                 advisors=not args.no_advisors,
                                 server_url=None if args.static else server_url(args.url))
        return runner.report(runner.conventions(options), say)
    except PolarisError as error:
        say(mask(f"error: {error}"), err=True)
        return error.exit_code
    except BrokenPipeError:
        # the reader went away (`... rules | head`): stop quietly, and keep Python's exit flush from failing too
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
