"""The planner: pending versions, and drift of three kinds."""

from pathlib import Path

from polaris_db.migrations import AppliedMigration, Migration, make_plan


def local(version, sql="select 1;", name="step"):
    return Migration(version, name, Path(f"{version}_{name}.sql"), sql)


def applied(version, statements=("select 1",), name="step"):
    return AppliedMigration(version, name, list(statements))


def test_pending_are_the_unapplied_in_order():
    plan = make_plan([local("0001"), local("0002"), local("0003")], [applied("0001")])
    assert [m.version for m in plan.pending] == ["0002", "0003"]
    assert plan.drift == [] and plan.head == "0001"


def test_changed_file_is_drift():
    plan = make_plan([local("0001", "select 2;")], [applied("0001")])
    assert [str(d) for d in plan.drift] == ["0001: 0001_step.sql changed after it was applied"]


def test_applied_version_missing_locally_is_drift():
    plan = make_plan([local("0001")], [applied("0001"), applied("0002", name="gone")])
    assert [str(d) for d in plan.drift] == ["0002: applied as 0002_gone.sql but the file no longer exists locally"]


def test_a_missing_version_without_a_name_names_no_invented_file():
    plan = make_plan([local("0001")], [applied("0001"), AppliedMigration("0002", None, None)])
    assert [str(d) for d in plan.drift] == ["0002: applied as version 0002 but the file no longer exists locally"]


def test_unapplied_file_older_than_head_is_drift():
    plan = make_plan([local("0001"), local("0002"), local("0003")], [applied("0001"), applied("0003")])
    assert [d.version for d in plan.drift] == ["0002"]


def test_history_without_statements_is_not_drift():
    plan = make_plan([local("0001")], [AppliedMigration("0001", "step", None)])
    assert plan.drift == []
