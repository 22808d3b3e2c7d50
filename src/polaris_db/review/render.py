"""The review as one markdown document (the pull-request comment); its first line is the marker pr.yml finds."""

from __future__ import annotations

from ..config import mask
from ..rehearse.report import HEADERS, rows, title
from .comment import MARKER
from .plan import statements
from .run import MATRIX, Review


def _cell(value) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def _plan(review: Review) -> list[str]:
    plan = review.plan
    lines = ["### Plan", ""]
    for migration in plan.changed:
        kind = "edited (already on the base)" if migration in plan.edited else "added"
        header = "" if migration.transactional else ", `transaction=false`"
        lines += [f"**`{migration.filename}`** ({kind}{header})", ""]
        lines += [f"- line {line}: `{_cell(text.splitlines()[0][:100])}`" for line, text in statements(migration)]
        note = plan.notes.get(migration.version)
        lines += ["", "> " + note.replace("\n", "\n> ") if note else "> **no release-notes entry**", ""]
    return lines


def _findings(review: Review) -> list[str]:
    if not review.findings:
        return ["### Findings", "", "None: our rules and squawk pass on the changed files.", ""]
    return ["### Findings", "", "```", *map(str, review.findings), "```", ""]


def _locks(review: Review) -> list[str]:
    trace = review.trace
    lines = ["### Locks and rewrites", ""]
    if trace is None:
        return lines + ["Not traced.", ""]
    lines += [f"Traced on a scratch database with {trace.source}; flagged: a lock that blocks reads or writes while "
              f"a statement works through a table of {trace.thresholds.describe()}.", ""]
    for result in trace.results:
        lines += [f"**{title(result)}**", "", "| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
        lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows(result)]
        for statement in result.flagged:
            lines += [f"- `{result.migration.filename}:{statement.line}`: {flag}" for flag in statement.flags]
            lines += [f"  - safer: {statement.advice}"] if statement.advice else []
        lines.append("")
    if trace.failure:
        lines += [f"**Failed:** `{trace.failure}`", ""]
    return lines


def _access(review: Review) -> list[str]:
    lines = ["### Access diff", ""]
    if review.trace is not None and review.trace.failure:
        return lines + ["Not probed: the change does not apply.", ""]
    if not review.access:
        return lines + ["No change in who may read, write or call what.", ""]
    for change in review.access:
        where = f"recorded in `{MATRIX}`" if change.recorded else f"**not recorded in `{MATRIX}`**"
        lines.append(f"- `{change}`: {where}")
    return lines + [""]


def _types(review: Review) -> list[str]:
    if not review.types:
        return ["### Types diff", "", "No change in `src/types/database.types.ts`.", ""]
    return ["### Types diff", "", "```diff", *review.types, "```", ""]


def markdown(review: Review) -> str:
    blockers = review.blockers
    plan = review.plan
    verdict = f"{len(blockers)} blocker(s)" if blockers else "no blockers"
    lines = [MARKER, f"## Database review: {verdict}", "",
             f"Against `{plan.base}`: {len(plan.added)} migration(s) added, {len(plan.edited)} edited.", ""]
    if not plan.changed:
        return mask("\n".join(lines + ["No migration changed.", ""]))
    if blockers:
        lines += ["Blockers:", "", *[f"- {_cell(b)}" for b in blockers], ""]
    for section in (_plan, _findings, _locks, _access, _types):
        lines += section(review)
    lines += [f"- note: {_cell(n)}" for n in review.notes]
    return mask("\n".join(lines).rstrip() + "\n")
