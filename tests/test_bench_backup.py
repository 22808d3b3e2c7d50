"""scripts/bench_backup.py end to end at a toy size: ours and raw, through moto's S3 server, every ratio printed."""

import re

import pytest

from benches import run_bench

pytestmark = pytest.mark.benchmark


def test_a_toy_run_prints_every_ratio(cluster_dir, cluster, schema_template, s3_endpoint):
    out = run_bench("bench_backup.py", "--runs", "1", "--rows", "2000", workdir=cluster_dir("bench-backup"),
                    server=cluster, schema=schema_template, s3=s3_endpoint)
    for line in ("our backup", "our restore"):
        assert re.search(rf"{line}\s+\d+\.\d+\s+raw .*ratio \d+\.\d+x", out), f"no figures for {line!r}"
    assert re.search(r"backup\+verify\+restore: ours \d+\.\d+ s, raw \d+\.\d+ s, ratio \d+\.\d+x", out)
