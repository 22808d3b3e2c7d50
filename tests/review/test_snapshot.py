"""`db.review` traces locks on the masked snapshot when one is reachable, the base's pending migrations applied on
top; without one (no store, no key, no verified snapshot) synthetic rows, then the seeds. (Without the key:
test_review.py's shared review, whose snapshot store holds a snapshot it cannot decrypt.)"""

from __future__ import annotations

import shutil

import psycopg
import pytest

from polaris_db import REPO_ROOT
from polaris_db.backups.dump import take_backup
from polaris_db.backups.fetch import mark_verified
from polaris_db.backups.store import open_store
from polaris_db.rehearse.flags import Thresholds, human_rows
from polaris_db.review.render import markdown
from polaris_db.review.run import review
from polaris_db.review.snapshot import snapshot_database
from polaris_db.review.trace import shape
from review_data import keep_matrix_entries, numbered

MIGRATIONS = REPO_ROOT / "ops" / "supabase" / "migrations"
PENDING = "comment on table public.drills is 'drills, reviewed';\n"  # on the base, not yet in production


@pytest.fixture
def trees(head_tree, tmp_path):
    """(base folder, head root): the base has one migration production lacks; the head adds the `loosen` case."""
    base = tmp_path / "base"
    shutil.copytree(MIGRATIONS, base)
    root = head_tree("loosen")
    keep_matrix_entries(root, "public.drills", "public.attempts")  # the tables the change touches
    pending = f"{numbered(9)}_drills_comment.sql"
    for folder in (base, root / "ops" / "supabase" / "migrations"):
        (folder / pending).write_text(PENDING)
    return base, root, pending


def test_locks_are_traced_on_the_snapshot_with_real_row_counts(snapshot_store, trees, prod_store, scratch_here,
                                                               monkeypatch):
    store, manifest, key = snapshot_store
    monkeypatch.setenv("POLARIS_SNAPSHOT_RECIPIENTS", str(key.to_public()))
    monkeypatch.setenv("POLARIS_SNAPSHOT_IDENTITY", str(key))
    base, root, pending = trees
    attempts = manifest.row_counts["public.attempts"]
    assert 1000 < attempts < 100_000
    result = review(str(base), root=root, store=prod_store, snapshot_store=store, thresholds=Thresholds(rows=1000),
                    types=False)  # the types diff: test_review.py's shared review
    assert result.trace.source.startswith(f"the masked snapshot {manifest.name} (production's rows")
    assert f"the base's {pending} applied on top" in result.trace.source
    assert [m.filename for m in result.plan.added] == [f"{numbered(1)}_drills_anon_author.sql",
                                                      f"{numbered(2)}_attempts_score_index.sql"]
    (flagged,) = [s for m, s in result.trace.flagged]  # from the snapshot's rows, not the 12M of the raw manifest
    assert flagged.flags[0].startswith(f"ShareLock on public.attempts ({human_rows(attempts)} rows"), flagged.flags
    assert f"measured at production size ({human_rows(attempts)} rows)" in flagged.flags[0]
    assert "anon: SELECT public.drills.created_by newly allowed" in [str(c) for c in result.access]
    text = markdown(result)
    assert "anon: read a published drill that only a paid pack holds" in text  # the drills entry's cases ran
    assert f"Traced on a scratch database with the masked snapshot {manifest.name}" in text
    assert not [n for n in result.notes if "snapshot" in n], result.notes
    with psycopg.connect(scratch_here.url("postgres"), autocommit=True) as conn:
        assert conn.execute("select count(*) from pg_database where datname like 'polaris_review%'").fetchone() == (0,)


def test_no_snapshot_store_then_no_manifest_fall_back_to_the_seeds(scratch_here):
    notes: list[str] = []
    with snapshot_database(None, MIGRATIONS, notes) as nothing:  # no snapshot store at all: no note, the next source
        assert nothing is None and notes == []
    with psycopg.connect(scratch_here.url("postgres"), autocommit=True) as admin:
        admin.execute("drop database if exists review_seeds with (force)")
        admin.execute("create database review_seeds")
    with psycopg.connect(scratch_here.url("review_seeds"), autocommit=True) as conn:
        assert shape(conn, [], None, Thresholds()) == ("the seeds (no backup manifest in the store)", [])
    with psycopg.connect(scratch_here.url("postgres"), autocommit=True) as admin:
        admin.execute("drop database review_seeds with (force)")


def test_a_raw_backup_is_never_the_snapshot(schema_url, scratch_here, tmp_path):
    raw = open_store(str(tmp_path / "raw"))
    mark_verified(raw, take_backup(schema_url, "prod", raw, encrypt=False))
    notes: list[str] = []
    with snapshot_database(raw, MIGRATIONS, notes) as restored:
        assert restored is None
    assert notes == [f"masked snapshot not used: {raw.url}: no verified snapshot of prod_snapshot"]
