"""The real schema (shim + every migration + seeds) against the access matrix, the audits and the script.

Every matrix case is its own pytest case (`pytest tests/rls -k "public.attempts"`). The cases run once per
module, each in a savepoint of one long transaction on a module-scoped clone of the schema template, and
each pytest case asserts its own verdict, so 1000+ cases take seconds.
"""

from __future__ import annotations

from dataclasses import replace

import psycopg
import pytest
from psycopg import sql

from polaris_db.database import scratch_database
from polaris_db.rls import catalog
from polaris_db.rls.audits import run_audits
from polaris_db.rls.matrix import MATRIX_PATH, coverage, load
from polaris_db.rls.render import render
from polaris_db.rls.runner import entry_cases, exists, run_case, run_matrix, start
from polaris_db.rls.script import SCRIPT_PATH, run_script
from polaris_db.rls.suite import run_suite

MATRIX = load(MATRIX_PATH)
ENTRIES = {(e.kind, e.name): e for e in MATRIX.entries}


def _schema_clone(cluster, schema_template, name):
    """A named clone of the schema template (settings included), dropped when the fixture ends."""
    with scratch_database(cluster.url("postgres"), name, template=schema_template) as url:
        yield url


@pytest.fixture(scope="module")
def matrix_db(cluster, schema_template):
    """A clone of the schema template for this module's matrix cases."""
    yield from _schema_clone(cluster, schema_template, "rls_matrix")


@pytest.fixture(scope="module")
def matrix_results(matrix_db):
    """Every matrix case run once through the Python executor (`run_case`, the script's own pg_temp.rls_case)
    in one transaction holding the throwaway users, rolled back at the end: case id -> its Result, or why
    its entry has no results (absent from the schema). Each test_matrix_case asserts its own verdict."""
    results: dict[str, object] = {}
    with psycopg.connect(matrix_db) as conn:
        start(conn, MATRIX)
        for entry in MATRIX.entries:
            if not exists(conn, entry):
                absent = (f"{entry.name} is optional and absent from this schema" if entry.optional
                          else f"{entry.name}: listed in the matrix but absent from the schema")
                results.update((case.id, absent) for case in entry.expand(entry.touch or "<default touch>"))
                continue
            for case in entry_cases(conn, entry):
                results[case.id] = run_case(conn, case)
        conn.rollback()
    return results


def _case_params():
    for entry in MATRIX.entries:
        # the `touch` default needs the catalog, so table updates are expanded with a stand-in here
        for case in entry.expand(entry.touch or "<default touch>"):
            yield pytest.param(entry.kind, entry.name, case.id, id=case.id)


@pytest.mark.parametrize(("kind", "name", "case_id"), list(_case_params()))
def test_matrix_case(matrix_results, kind, name, case_id):
    entry = ENTRIES[(kind, name)]
    result = matrix_results.get(case_id)
    if isinstance(result, str):
        if entry.optional:
            pytest.skip(result)
        pytest.fail(result)
    assert result is not None, f"{case_id}: the schema's cases for {name} do not include this case"
    assert result.passed, f"{result.case.title}: {result.explain()}"


def test_audits_find_nothing(schema_url, connect):
    assert [str(f) for f in run_audits(connect(schema_url), MATRIX.public_aggregates)] == []


def test_every_exposed_object_is_in_the_matrix(schema_url, connect):
    assert coverage(MATRIX, catalog.exposed(connect(schema_url))) == []


def _row_counts(conn) -> dict[str, int]:
    """Live rows in every table of auth, storage and the app schemas."""
    tables = [r[0] for r in conn.execute(
        "select format('%I.%I', schemaname, relname) from pg_stat_user_tables "
        "where schemaname in ('public', 'auth', 'storage') order by 1")]
    return {t: conn.execute(sql.SQL("select count(*) from {}").format(sql.SQL(t))).fetchone()[0] for t in tables}


@pytest.fixture
def second_schema_url(cluster, schema_template):
    """Another database with the full schema, for runs that must not depend on one database's state."""
    yield from _schema_clone(cluster, schema_template, "rls_second")


def test_suite_runs_each_case_once_and_the_script_reruns_clean_and_runs_on_a_second_database_leaving_nothing(
        schema_url, second_schema_url, connect):
    """One executor, run once: in `inv db.rls-test`'s suite every matrix case is one TAP line of the one psql
    run. The script then runs again on the same database (a run leaves nothing a rerun trips on), and on a
    second database (nothing depends on one database's state). Every run passes every check; no run leaves
    rows behind."""
    cases = len(list(_case_params()))
    for url, runs in ((schema_url, 2), (second_schema_url, 1)):
        conn = connect(url)
        before = _row_counts(conn)
        for attempt in range(runs):
            if url == schema_url and attempt == 0:
                lines: list[str] = []
                report = run_suite(url, lines.append, verbose=True)
                assert not report.failed and len(report.matrix) == cases, lines[-1]
                assert [line for line in lines if line.startswith("1..")] == [f"1..{cases}"]
                assert sum(line.startswith(("ok ", "not ok ")) for line in lines) == cases
                assert lines[-1] == (f"# rls-test passed: audits 0 finding(s), coverage 0 gap(s), "
                                     f"matrix 0/{cases} failed, script ok")
                run = report.script_run
            else:
                run = run_script(url)
            assert run.passed, run.failures or run.errors
            assert run.lines[0] == f"1..{run.checks}" and run.checks == cases
            assert run.lines[-1] == f"# {run.checks} checks: {run.checks} passed, 0 failed"
        assert _row_counts(conn) == before


def test_suite_fails_naming_a_dropped_policys_table_and_a_table_without_policies(schema_url, connect):
    """What `inv db.rls-test` prints when a policy is dropped and a table ships without policies (one run,
    both breakages): the audit and coverage lines come first and the first names the new table; the first
    failing line about anything else names the dropped policy's table; psql's run of the script exits 3 (its
    exit code when ON_ERROR_STOP stops the script), naming that table and how many checks failed."""
    conn = connect(schema_url)
    conn.execute("drop policy attempts_select on public.attempts")
    conn.execute("create table public.scratch_notes (id bigint primary key, user_id uuid, body text);"
                 "grant select on public.scratch_notes to authenticated")
    lines: list[str] = []
    report = run_suite(schema_url, lines.append)
    assert report.failed
    failing = [line for line in lines if line.startswith("not ok")]
    assert failing and "public.scratch_notes" in failing[0], failing[:5]
    others = [line for line in failing if "public.scratch_notes" not in line]
    assert others and "public.attempts" in others[0], others[:5]
    assert lines[-1].startswith("# rls-test FAILED")
    run = report.script_run
    assert run.returncode == 3
    assert any("attempts" in line for line in run.failures), run.failures
    assert "check(s) failed" in run.errors


def test_removing_a_policy_fails_the_matrix_naming_the_table(schema_url, connect):
    """run_matrix (the Python API) on the entry whose policy is gone: a failed case names the table (every
    entry's verdicts on the intact schema: test_matrix_case)."""
    connect(schema_url).execute("drop policy sessions_select on public.sessions")
    sessions = replace(MATRIX, entries=(MATRIX.entry("table", "public.sessions"),))
    failed = [r.case.id for r in run_matrix(connect(schema_url, autocommit=False), sessions) if not r.passed]
    assert "public.sessions:select:owner" in failed


def test_a_table_without_policies_fails_audit_and_coverage(schema_url, connect):
    conn = connect(schema_url)
    conn.execute("create table public.scratch_notes (id bigint primary key, user_id uuid, body text)")
    assert "public.scratch_notes: rls-disabled" in {f"{f.object}: {f.rule}" for f in run_audits(conn)}
    conn.execute("alter table public.scratch_notes enable row level security")
    gaps = coverage(MATRIX, catalog.exposed(conn))
    assert any(g.startswith("public.scratch_notes: exposed table has no entry") for g in gaps), gaps


def test_committed_script_is_the_rendering_of_the_matrix(schema_url, connect):
    assert SCRIPT_PATH.read_text(encoding="utf-8") == render(MATRIX, connect(schema_url)), (
        "ops/supabase/tests/rls_tests.sql is stale: run `inv db.rls-script` and commit it")
