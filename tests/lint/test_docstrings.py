"""Each rule documents itself: summary line, why, an Anti-pattern and a Best practice SQL example."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from polaris_db.lint import rules as rules_package
from polaris_db.lint.registry import RULES

EXAMPLE = r"\*\*{title}\*\*\s*```sql\n(?P<sql>.+?)```"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_docstring_has_both_examples(rule):
    doc = inspect.getdoc(type(rule))
    assert doc and len(doc.splitlines()[0]) <= 120, "first line is the one-line summary"
    assert "Why" in doc
    for title in ("Anti-pattern", "Best practice"):
        match = re.search(EXAMPLE.format(title=title), doc, re.S)
        assert match, f"{rule.id} lacks a **{title}** ```sql block"
        assert match["sql"].strip()


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_one_rule_per_module_named_after_it(rule):
    module = Path(inspect.getfile(type(rule))).stem
    assert module == f"{rule.id.lower()}_{rule.name.replace('-', '_')}"
    assert re.fullmatch(r"PC\d{3}", rule.id)
    assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", rule.name)


def test_registry_lists_every_rule_module_once():
    modules = sorted(p.stem for p in Path(rules_package.__file__).parent.glob("pc*.py"))
    assert modules == sorted(Path(inspect.getfile(type(r))).stem for r in RULES)
    assert len({r.id for r in RULES}) == len(RULES)


def test_advisor_exceptions_belong_to_lints_the_rule_owns():
    owned = [lint for rule in RULES for lint in rule.advisor_lints]
    assert len(owned) == len(set(owned)), "an advisor lint has exactly one owner"
    for rule in RULES:
        for lint, _ in rule.advisor_exceptions:
            assert lint in rule.advisor_lints, f"{rule.id} lists an exception for {lint}, which it does not own"
        assert all(reason.strip() for reason in rule.advisor_exceptions.values()), "every exception says why"


# Static rules whose examples stand alone in one file: the documented Anti-pattern fires, the Best practice not.
EXAMPLE_FOLDER = {"PC000": "migrations", "PC101": "migrations", "PC102": "migrations", "PC103": "migrations",
                  "PC104": "migrations", "PC201": "migrations", "PC302": "migrations", "PC303": "migrations",
                  "PC304": "migrations", "PC401": "migrations", "PC502": "seeds"}


@pytest.mark.parametrize("rule_id", sorted(EXAMPLE_FOLDER))
def test_docstring_examples_behave_as_documented(rule_id, tmp_path):
    from polaris_db.lint.registry import BY_ID
    from polaris_db.lint.runner import Options, conventions

    doc = inspect.getdoc(type(BY_ID[rule_id]))
    for title, fires in (("Anti-pattern", True), ("Best practice", False)):
        root = tmp_path / title.replace(" ", "_")
        folder = root / "ops/supabase" / EXAMPLE_FOLDER[rule_id]
        folder.mkdir(parents=True)
        example = re.search(EXAMPLE.format(title=title), doc, re.S)["sql"]
        (folder / "0001_example.sql").write_text(example)
        found = conventions(Options(root=root, rules=[rule_id], squawk=False)).findings
        assert bool(found) is fires, f"{rule_id} {title}: {[str(f) for f in found]}"
