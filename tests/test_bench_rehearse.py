"""scripts/bench_rehearse.py end to end at a toy size: floor, measured rehearsal, and the run with a check."""

import re

import pytest

from benches import run_bench

pytestmark = pytest.mark.benchmark


def test_a_toy_run_prints_every_ratio(cluster_dir, cluster, schema_template):
    # one check: the run with checks is the bench's; the checks themselves (the RLS suite, the types) are
    # tests/rehearse's and tests/rls's
    out = run_bench("bench_rehearse.py", "--runs", "1", "--rows", "300", "--checks", "smoke",
                    workdir=cluster_dir("bench-rehearse"),
                    server=cluster, schema=schema_template)
    assert re.search(r"floor \(fetch \+ restore \+ apply\)\s+\d+\.\d+", out)
    assert re.search(r"rehearse \(measured, no checks\)\s+\d+\.\d+\s+ratio \d+\.\d+x", out)
    assert re.search(r"rehearse \+ checks\s+\d+\.\d+\s+ratio \d+\.\d+x \(checks -?\d+\.\d+ s: smoke\)", out)
