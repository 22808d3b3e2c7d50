"""Run the checks and turn them into one sorted list of findings.

`conventions()`: our rules (static on the parsed files, catalog on a scratch database), squawk on
the migrations, Supabase's advisors on the scratch database, then inline suppressions.
`style()`: sqlfluff on the given paths. `report()` prints `path:line: ID message` lines and a summary
and returns the exit code (1 on any finding).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import advisors, noqa, squawk
from .base import Finding, Rule
from .registry import BY_ID, select
from .scratch import scratch_database
from .sqlfluff import run_sqlfluff, sql_files
from .tree import Tree


@dataclass
class Options:
    root: Path  # the directory holding ops/
    server_url: str | None = None  # where to build the scratch database; None: static rules only
    rules: list[str] | None = None  # rule IDs to run; None: all
    squawk: bool = True
    advisors: bool = True


@dataclass
class Result:
    findings: list[Finding] = field(default_factory=list)
    ran: list[str] = field(default_factory=list)  # what ran, for the summary line
    seconds: float = 0.0


def conventions(options: Options) -> Result:
    started = time.perf_counter()
    tree = Tree.load(Path(options.root).resolve())
    rules = select(options.rules)
    result = Result()
    findings: list[Finding] = []
    ran_ids: set[str] = set()
    for rule in rules:
        findings.extend(rule.check(tree))
        if not rule.catalog:
            ran_ids.add(rule.id)
    result.ran.append(f"{len(rules)} rule(s) on {len(tree.all_files())} file(s)")
    if options.squawk and tree.migrations:
        findings.extend(squawk.run_squawk(tree.migrations))
        result.ran.append("squawk")
    if options.server_url and (options.advisors or any(rule.catalog for rule in rules)):
        with scratch_database(options.server_url, tree) as (scratch, build_findings):
            findings.extend(build_findings)  # reported even when PC001 is not selected: nothing else can run
            ran_ids.add("PC001")
            if scratch is not None:
                findings.extend(_catalog(rules, tree, scratch, ran_ids))
                result.ran.append("catalog")
                if options.advisors:
                    findings.extend(advisors.findings(advisors.fetch(scratch.url), tree))
                    result.ran.append("supabase db advisors")
    result.findings = sorted(set(noqa.apply(
        findings, tree.all_files(), known=_known, ran=_ran(ran_ids, result))))
    result.seconds = time.perf_counter() - started
    return result


def _catalog(rules: tuple[Rule, ...], tree: Tree, scratch, ran_ids: set[str]) -> list[Finding]:
    found = []
    for rule in rules:
        if rule.catalog:
            found.extend(rule.check_catalog(tree, scratch))
            ran_ids.add(rule.id)
    return found


def _known(rule_id: str) -> bool:
    return rule_id in BY_ID or rule_id.startswith((squawk.PREFIX, advisors.PREFIX))


def _ran(ran_ids: set[str], result: Result) -> Callable[[str], bool]:
    def ran(rule_id: str) -> bool:
        if rule_id.startswith(squawk.PREFIX):
            return "squawk" in result.ran
        if rule_id.startswith(advisors.PREFIX):
            return "supabase db advisors" in result.ran
        return rule_id in ran_ids

    return ran


def style(root: Path, paths: list[Path], processes: int | None = None) -> Result:
    started = time.perf_counter()
    findings = run_sqlfluff(paths, Path(root).resolve(), processes)
    files = len(sql_files(paths))
    return Result(sorted(set(findings)), [f"sqlfluff on {files} file(s)"], time.perf_counter() - started)


def report(result: Result, say: Callable[[str], None]) -> int:
    for finding in result.findings:
        say(str(finding))
    verdict = f"{len(result.findings)} finding(s)" if result.findings else "no findings"
    say(f"{verdict}; ran {', '.join(result.ran)} in {result.seconds:.1f}s")
    return 1 if result.findings else 0
