"""`db.review` on fixture trees: a loosened column and a plain index are named and block; a safe change passes."""

from __future__ import annotations

import subprocess

import pytest

from polaris_db import REPO_ROOT
from polaris_db.review.render import MARKER, markdown
from polaris_db.review.run import review, types_diff
from review_data import add_case, keep_matrix_entries, make_head, numbered

BASE = str(REPO_ROOT / "ops" / "supabase" / "migrations")


@pytest.fixture(scope="module")
def loosened(scratch_module, prod_store, snapshot_store, tmp_path_factory):
    """ONE review, read by the tests below: the `loosen` case (a policy and a column for anon, a plain index on
    attempts, 12M rows in production) then the `unprotected` one (a table without row security), against a folder;
    the snapshot store holds a verified snapshot whose key is not set, so the trace falls back to synthetic rows."""
    store, _, _ = snapshot_store
    root = make_head(tmp_path_factory.mktemp("loosened"), "loosen", "unprotected")
    return review(BASE, root=root, store=prod_store, snapshot_store=store, cap=2_000,
                  types=False)  # `supabase gen types` on both sides: the task's test; their diff: types_diff's


def test_a_loosened_column_and_a_plain_index_are_named_and_block(loosened):
    result = loosened
    text = markdown(result)
    assert text.startswith(MARKER + "\n## Database review: ")
    assert [m.filename for m in result.plan.added] == [f"{numbered(1)}_drills_anon_author.sql",
                                                      f"{numbered(2)}_attempts_score_index.sql",
                                                      f"{numbered(3)}_learner_notes.sql"]
    (column,) = [c for c in result.access if str(c) == "anon: SELECT public.drills.created_by newly allowed"]
    assert not column.recorded
    loosen = [c for c in result.access if "learner_notes" not in c.what]  # the unprotected table's: below
    # the policy skips the paywall too
    assert loosen and all(c.who == "anon" and c.now == "allowed" for c in loosen), [str(c) for c in loosen]
    assert "anon: read a published drill that only a paid pack holds" in text
    assert "`anon: SELECT public.drills.created_by newly allowed`: **not recorded" in text
    (flagged,) = [s for m, s in result.trace.flagged]
    assert flagged.flags[0].startswith("ShareLock on public.attempts (12M rows")
    assert "est. " in flagged.flags[0] and "at 12M rows" in flagged.flags[0]
    assert "create index concurrently" in flagged.advice
    assert any("squawk:require-concurrent-index-creation" in str(f) for f in result.findings)
    assert result.blockers and "## Database review: " in text and "no blockers" not in text
    assert "### Plan" in text and "- Adds: anonymous visitors see who wrote a published drill." in text
    assert "### Types diff" in text


def test_without_the_snapshot_key_the_locks_are_traced_on_synthetic_rows(loosened):
    result = loosened
    assert result.trace.source.startswith("synthetic rows sized from prod-"), result.trace.source
    assert any(n.startswith("masked snapshot not used: ") and "POLARIS_SNAPSHOT_IDENTITY" in n for n in result.notes)
    (flagged,) = [s for m, s in result.trace.flagged]
    assert "at 12M rows" in flagged.flags[0]


def test_a_table_without_row_security_is_a_catalog_finding_and_an_access_change(loosened):
    result = loosened
    assert any(f.rule == "PC301" and "learner_notes" in f.message for f in result.findings), result.findings
    changes = [str(c) for c in result.access if not c.recorded]
    assert "anon: INSERT public.learner_notes.body newly allowed" in changes, changes


def test_a_safe_change_against_a_git_ref_has_no_blockers(head_tree, prod_store, scratch_here):
    root = head_tree(None)  # a repository whose HEAD is this checkout's ops/; the change is not committed
    for args in (["init", "-q", "-b", "main"], ["add", "-A"],
                 ["-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "base"]):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, timeout=60)
    add_case(root, "safe")
    keep_matrix_entries(root, "public.attempts")  # the table the change touches (the whole matrix: `loosened`)
    result = review("main", root=root, store=prod_store, cap=2_000, types=False)  # types: the task's test
    assert [m.filename for m in result.plan.added] == [f"{numbered(1)}_attempts_score_index_concurrently.sql"]
    assert result.blockers == [], result.blockers
    text = markdown(result)
    assert "## Database review: no blockers" in text
    assert "ShareUpdateExclusive public.attempts" in text and "index public.attempts_score_idx built" in text


def test_nothing_changed_against_a_git_ref_or_a_folder(head_tree):
    assert not review("HEAD", root=REPO_ROOT).plan.changed
    result = review(BASE, root=head_tree(None))
    assert not result.plan.changed and "No migration changed." in markdown(result)


def test_the_task_prints_the_comment_and_exits_by_its_blockers(tmp_path, scratch_here):
    import shutil

    from run_inv import inv

    base = tmp_path / "base"
    shutil.copytree(BASE, base)
    last = sorted(base.glob("*.sql"))[-1]
    last.unlink()  # the checkout's newest migration is the change under review
    out = tmp_path / "review.md"
    result = inv("db.review", "--base", str(base), "--from", str(tmp_path / "no-store"), "--output", str(out),
                 "--snapshot-from", str(tmp_path / "no-snapshots"),
                 env={"POLARIS_SCRATCH_URL": scratch_here.url("postgres")})
    assert result.returncode in (0, 1), result.stderr
    assert result.stdout.startswith(MARKER) and out.read_text().startswith(MARKER)
    assert f"`{last.name}`" in result.stdout and "the seeds (no backup manifest in the store)" in result.stdout
    assert "note: masked snapshot not used: " in result.stdout  # the store named is empty: the next source
    if result.returncode == 1:
        assert result.stderr.strip().splitlines()[-1].startswith("error: review: ")
    bad = inv("db.review", "--base", "no-such-ref-anywhere")
    assert bad.returncode == 2 and bad.stderr.startswith("error: --base no-such-ref-anywhere: not a folder")
    assert len(bad.stderr.strip().splitlines()) == 1


def test_an_edited_applied_migration_is_a_blocker(tmp_path):
    from polaris_db.review.plan import make_plan
    from polaris_db.review.run import Review

    base, head = tmp_path / "base", tmp_path / "head"
    for folder in (base, head):
        folder.mkdir()
        (folder / "0001_init.sql").write_text("create table public.t (id int primary key);\n")
    (head / "0001_init.sql").write_text("create table public.t (id bigint primary key);\n")
    (head / "0002_more.sql").write_text("alter table public.t add column note text;\n")
    plan = make_plan(str(base), base, head, tmp_path / "no-notes.md")
    assert [m.filename for m in plan.edited] == ["0001_init.sql"] and [m.filename for m in plan.added] == ["0002_more.sql"]
    assert Review(plan).blockers == ["0001_init.sql: an applied migration was edited (write a new one)"]
    assert "**no release-notes entry**" in markdown(Review(plan))


def test_the_types_diff_is_the_added_and_removed_lines():
    base = "export type Database = {\n  a: string\n  b: number\n}\n"
    head = "export type Database = {\n  a: string\n  c: boolean\n  d: Json\n}\n"
    assert types_diff(base, head) == ["-  b: number", "+  c: boolean", "+  d: Json"]
    assert types_diff(base, base) == []
