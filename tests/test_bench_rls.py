"""scripts/bench_rls.py end to end at a toy size: it builds, generates, measures and prints every read's ratio."""

from benches import main_exit, run_bench

READS = ("recent attempts", "sessions this week", "attempts per drill", "progress (v_user_progress)",
         "weekly recap (v_weekly_recap)", "one session's attempts", "profile", "open assignments",
         "skill estimates", "plan (entitlements)", "admin: a learner's profile", "admin: a learner's sessions",
         "admin: a learner's assignments", "admin: a learner's plan", "admin: a learner's attempts")


def test_quick_run_prints_a_ratio_per_read(cluster_dir, cluster, schema_template):
    out = run_bench("bench_rls.py", "--learners", "50", "--attempts", "1000", "--repeat", "2",
                    workdir=cluster_dir("bench-rls"), server=cluster, schema=schema_template)
    for read in READS:
        line = next((row for row in out.splitlines() if row.startswith(read)), None)
        assert line is not None, f"no figures for {read!r}"
        assert line.split()[-1] in ("ok", "OVER") and "x" in line
    assert "reads within 1.5x of their explicit-filter twin" in out
    assert "admin reads within 1.5x of their service_role twin" in out
    assert "policies calling auth.uid()/auth.jwt()/is_admin()/is_editor() per row (not as `(select ...)`): 0" in out


def test_bad_arguments_are_one_line_and_exit_2(monkeypatch, capsys):
    code, err = main_exit("bench_rls.py", "--learners", "0", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 2 and "must be positive" in err
    assert len([line for line in err.splitlines() if line.startswith(("error", "bench_rls.py: error"))]) == 1, err
