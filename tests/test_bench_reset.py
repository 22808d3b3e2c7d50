"""scripts/bench_reset.py end to end, one run: floor (shim as supabase_admin), inv db.reset, the Supabase CLI."""

import re

import pytest

from benches import run_bench

pytestmark = [pytest.mark.benchmark, pytest.mark.cli]


def test_one_run_prints_every_figure_and_ratio(cluster_dir):
    out = run_bench("bench_reset.py", "--runs", "1", "--no-warmup", workdir=cluster_dir("bench-reset"))
    assert re.search(r"warm reset of \d+ migrations \+ seeds, median of 1 runs", out)
    assert re.search(r"floor \(psql -1, fresh db\)\s+\d+\.\d+s", out)
    assert re.search(r"inv db.reset\s+\d+\.\d+s\s+\d+\.\d+x floor", out)
    assert re.search(r"inv db.reset --no-cache\s+\d+\.\d+s\s+\d+\.\d+x floor \(every migration replayed\)", out)
    assert re.search(r"supabase db reset --remote\s+\d+\.\d+s\s+ours is \d+\.\d+x faster", out)
