#!/usr/bin/env python3
"""Benchmark: the app's learner reads under RLS vs the same read with an explicit filter (issue 4, point 6).

Starts a temporary embedded Postgres on 127.0.0.1 (free port), builds the full schema (shim,
migrations, seeds), generates a realistic volume (10k learners in auth.users, profiles by the
schema's trigger, ~100k sessions, 1M attempts, assignments, skill estimates, daily usage,
entitlements), ANALYZEs, then times each typical learner read three ways, interleaved, over many
random learners:

  rls       as PostgREST runs it: in a transaction, `set local role authenticated` and
            `set_config('request.jwt.claims', '{"sub": <learner>, "role": "authenticated"}', true)`,
            the query with NO user filter: the policies do the filtering
  explicit  the same query as `service_role` (BYPASSRLS, checked) with `where user_id = <learner>`
  rls+eq    the RLS query plus the explicit filter, as supabase-js `.eq('user_id', uid)` sends it
            (a diagnosis column: shows whether adding the filter in the app recovers the plan)

Admin reads (issue 20): an admin's support screens, which name the learner in the query itself. `rls`
and `rls+eq` run them as the admin with the token the custom access token hook issues (`user_role:
admin`, 0040: the owner range confirms it with private.is_admin()), `explicit` as service_role.

Only the query's round trip is timed (the begin / set role / set_config / commit wrapper is the
same in every mode). Prints median and p95 in ms and the ratio rls/explicit of the medians per
query against the target (<= 1.5x), then EXPLAIN ANALYZE of the RLS variant of every query over
target. Figures, not pass/fail: exits 0 after printing, non-zero only on errors.

Usage: .venv/bin/python scripts/bench_rls.py [--learners 10000] [--attempts 1000000] [--repeat 200]
       .venv/bin/python scripts/bench_rls.py --learners 1000 --attempts 50000 --repeat 30   # quick run
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg

from polaris_db.cluster import FAST_UNSAFE

sys.path.insert(0, str(Path(__file__).parent))
from benchkit import bench_server, schema_database  # noqa: E402
sys.path.pop(0)

TARGET = 1.5  # rls median / explicit median
MODES = ("rls", "explicit", "rls+eq")


@dataclass(frozen=True)
class Read:
    """One learner read: `sql` has no user filter (RLS does it); `where` is the explicit twin's filter."""

    name: str
    sql: str  # `{where}` is replaced by '' (rls) or the explicit filter; `%(session)s` is one of the learner's sessions
    where: str
    admin: bool = False  # run as the admin (rls, rls+eq); the learner (`%(me)s`) is named in `sql` itself


# The app's typical learner screens (PostgREST requests), newest first where the app pages.
READS = [
    Read("recent attempts (limit 50)",
         "select id, session_id, drill_id, score, created_at from public.attempts {where}"
         " order by created_at desc limit 50", "where user_id = %(me)s"),
    Read("sessions this week",
         "select id, coach_id, started_at, finished_at, minutes_used from public.sessions"
         " where started_at >= date_trunc('week', now()) {where} order by started_at desc", "and user_id = %(me)s"),
    Read("attempts per drill",
         "select drill_id, count(*) as attempts, round(avg(score), 2) as avg_score from public.attempts {where}"
         " group by drill_id", "where user_id = %(me)s"),
    Read("progress (v_user_progress)", "select * from public.v_user_progress {where}", "where user_id = %(me)s"),
    Read("weekly recap (v_weekly_recap)",
         "select * from public.v_weekly_recap {where} order by week_start desc limit 8", "where user_id = %(me)s"),
    Read("one session's attempts",
         "select id, drill_id, score, response, created_at from public.attempts where session_id = %(session)s"
         " {where} order by created_at", "and user_id = %(me)s"),
    Read("profile", "select * from public.profiles {where}", "where id = %(me)s"),
    Read("open assignments",
         "select id, drill_id, set_id, due_at, status from public.assignments where status <> 'done'"
         " {where} order by due_at", "and user_id = %(me)s"),
    Read("skill estimates", "select skill, estimate, confidence from public.skill_estimates {where}",
         "where user_id = %(me)s"),
    Read("plan (entitlements)", "select plan, valid_until from public.entitlements {where}", "where user_id = %(me)s"),
]

# An admin's support screens for one learner: the learner's id is in the request, RLS lets the admin in.
ADMIN_READS = [
    Read("admin: a learner's profile", "select * from public.profiles where id = %(me)s", "", admin=True),
    Read("admin: a learner's sessions",
         "select id, coach_id, started_at, finished_at, minutes_used from public.sessions where user_id = %(me)s"
         " order by started_at desc limit 50", "", admin=True),
    Read("admin: a learner's assignments",
         "select id, drill_id, due_at, status from public.assignments where user_id = %(me)s order by due_at",
         "", admin=True),
    Read("admin: a learner's plan", "select plan, valid_until from public.entitlements where user_id = %(me)s",
         "", admin=True),
    Read("admin: a learner's attempts (list_learner_attempts)",
         "select id, drill_id, score from public.list_learner_attempts(%(me)s, 50)", "", admin=True),
]
ALL_READS = READS + ADMIN_READS
ADMIN_ID = "00000000-0000-4000-8000-00000000ad01"



SETTINGS = {**FAST_UNSAFE, "shared_buffers": "256MB", "max_wal_size": "4GB"}


# Bulk tables load with session_replication_role = replica (no FK checks, no row triggers); auth.users
# loads with triggers on, so on_auth_user_created makes every profile as in production.
GENERATE = """
drop schema if exists bench cascade;
create schema bench;
create unlogged table bench.learners as
  select n, gen_random_uuid() as id, now() - random() * interval '365 days' as joined
  from generate_series(1, %(learners)s) n;
alter table bench.learners add primary key (n);
insert into auth.users (instance_id, id, aud, role, email, email_confirmed_at, created_at, updated_at,
                        raw_app_meta_data, raw_user_meta_data)
  select '00000000-0000-0000-0000-000000000000', id, 'authenticated', 'authenticated',
         'bench-' || n || '@example.invalid', joined, joined, joined, '{"provider": "email"}', '{}'
  from bench.learners;
insert into auth.users (instance_id, id, aud, role, email, created_at, updated_at, raw_app_meta_data, raw_user_meta_data)
  values ('00000000-0000-0000-0000-000000000000', '00000000-0000-4000-8000-00000000ad01', 'authenticated',
          'authenticated', 'bench-admin@example.invalid', now(), now(), '{"provider": "email"}', '{}');
update public.profiles set role = 'admin' where id = '00000000-0000-4000-8000-00000000ad01';

set session_replication_role = replica;
-- Without row triggers: the time zone check reads pg_timezone_names (~20 ms a row, 0045).
update public.profiles p
   set display_name = 'Learner ' || l.n,
       coach_id = (select array_agg(c.id order by c.slug) from public.coaches c where c.is_published)[1 + l.n %% 3],
       timezone = (array['UTC', 'Asia/Manila', 'Europe/Berlin', 'America/New_York'])[1 + l.n %% 4]
  from bench.learners l where p.id = l.id;
-- Sessions per learner are skewed (a few heavy learners, a long tail), more of them recent.
create unlogged table bench.sessions as
  with pick as (
    select s, 1 + floor(%(learners)s * power(random(), 1.6))::int as learner,
           now() - power(random(), 2) * interval '180 days' as started, round((2 + random() * 25)::numeric, 2) as minutes
    from generate_series(1, %(sessions)s) s)
  select pick.s as n, gen_random_uuid() as id, l.id as user_id, p.coach_id, pick.started, pick.minutes
  from pick join bench.learners l on l.n = pick.learner join public.profiles p on p.id = l.id;
alter table bench.sessions add primary key (n);
insert into public.sessions (id, user_id, coach_id, started_at, finished_at, minutes_used, created_at, updated_at)
  select id, user_id, coach_id, started, started + minutes * interval '1 minute', minutes, started, started
  from bench.sessions;

insert into public.attempts (user_id, session_id, drill_id, score, response, created_at, updated_at)
  select user_id, session_id, drill_id, score, response, at, at
  from (
    select s.user_id, s.id as session_id, d.ids[1 + floor(random() * d.k)::int] as drill_id,
           round((random() * 100)::numeric, 2) as score, 'answer ' || md5(a.i::text) as response,
           s.started + random() * s.minutes * interval '1 minute' as at
    from (select i, 1 + floor(random() * %(sessions)s)::int as sn from generate_series(1, %(attempts)s) i) a
    join bench.sessions s on s.n = a.sn
    cross join (select array_agg(id) as ids, count(*) as k from public.drills where is_published) d
  ) generated;

insert into public.assignments (user_id, drill_id, due_at, status, created_at, updated_at)
  select l.id, d.ids[1 + floor(random() * d.k)::int], now() + (random() * 28 - 14) * interval '1 day',
         (array['assigned', 'in_progress', 'done', 'done', 'skipped'])[1 + floor(random() * 5)::int], l.joined, l.joined
  from bench.learners l cross join generate_series(1, 3)
  cross join (select array_agg(id) as ids, count(*) as k from public.drills where is_published) d;

insert into public.skill_estimates (user_id, skill, estimate, confidence)
  select l.id, skill, round((random() * 100)::numeric, 2), round(random()::numeric, 3)
  from bench.learners l
  cross join unnest(array['speaking', 'listening', 'vocabulary', 'grammar', 'pronunciation']) skill;

insert into public.daily_usage (user_id, day, minutes_used)
  select user_id, (started at time zone 'UTC')::date, sum(minutes) from bench.sessions group by 1, 2;

-- One learner in five is on pro, through a ledger row as grant_entitlement() writes it.
insert into public.entitlement_ledger (id, user_id, plan, provider, provider_event_id, valid_until, amount_cents, currency)
  select gen_random_uuid(), id, 'pro', 'paymongo', 'bench-' || n, now() + interval '30 days', 29900, 'PHP'
  from bench.learners where n %% 5 = 0;
insert into public.entitlements (user_id, plan, valid_until, ledger_id)
  select user_id, plan, valid_until, id from public.entitlement_ledger where provider_event_id like 'bench-%%';
set session_replication_role = origin;
"""

BULK_TABLES = ("auth.users", "public.profiles", "public.sessions", "public.attempts", "public.assignments",
               "public.skill_estimates", "public.daily_usage", "public.entitlement_ledger", "public.entitlements")


def generate(url: str, learners: int, attempts: int) -> None:
    sessions = max(1, attempts // 10)  # ~10 answers per practice session
    params = {"learners": learners, "attempts": attempts, "sessions": sessions}
    started = time.perf_counter()
    with psycopg.connect(url, autocommit=True) as conn:
        with conn.transaction(), psycopg.ClientCursor(conn) as cur:
            cur.execute(GENERATE, params)  # client-side binding: one multi-statement script
        loaded = time.perf_counter() - started
        for table in BULK_TABLES:
            conn.execute(f"vacuum (analyze) {table}")  # as autovacuum would have: stats and visibility map
        counts = {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in BULK_TABLES}
    print(f"generated in {loaded:.1f}s (+ vacuum analyze {time.perf_counter() - started - loaded:.1f}s): "
          + ", ".join(f"{t.split('.')[1]} {n:,}" for t, n in counts.items()), flush=True)


def pick_learners(url: str, count: int, seed: int) -> list[dict[str, str]]:
    """Random learners that have at least one session, each with one of their sessions."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("select setseed(%s)", [(seed % 1000) / 1000])
        rows = conn.execute(
            "select l.id::text, (select s.id::text from public.sessions s where s.user_id = l.id"
            "  order by s.started_at desc limit 1)"
            " from bench.learners l order by random() limit %s", [count * 2]).fetchall()
    picked = [{"me": me, "session": session} for me, session in rows if session][:count]
    if not picked:
        sys.exit("error: no learner has a session: raise --attempts")
    return picked


def mode_sql(read: Read, mode: str) -> str:
    if read.admin and mode == "explicit":  # the explicit twin of a definer RPC reads the table it reads
        return read.sql.replace("public.list_learner_attempts(%(me)s, 50)",
                                "(select * from public.attempts where user_id = %(me)s order by created_at desc limit 50) a")
    return read.sql.replace("{where}", "" if mode == "rls" else read.where)


def claims_for(read: Read, mode: str, learner: dict[str, str]) -> dict[str, str]:
    """The JWT claims PostgREST would set: service_role, the admin (with the hook's claim), or the learner."""
    if mode == "explicit":
        return {"role": "service_role"}
    if read.admin:
        return {"sub": ADMIN_ID, "role": "authenticated", "user_role": "admin"}
    return {"sub": learner["me"], "role": "authenticated", "user_role": "learner"}


def run(conn: psycopg.Connection, read: Read, mode: str, learner: dict[str, str]) -> tuple[float, int]:
    """One request as PostgREST makes it; returns (seconds for the query, rows)."""
    role = "service_role" if mode == "explicit" else "authenticated"
    claims = claims_for(read, mode, learner)
    with conn.transaction():
        conn.execute(f"set local role {role}")
        conn.execute("select set_config('request.jwt.claims', %s, true)", [json.dumps(claims)])
        started = time.perf_counter()
        rows = conn.execute(mode_sql(read, mode), learner).fetchall()
        took = time.perf_counter() - started
    return took, len(rows)


def measure(url: str, learners: list[dict[str, str]], repeat: int, seed: int) -> dict[tuple[str, str], list[float]]:
    """Each read `repeat` times per mode, a different learner each round, modes in random order.

    One connection per mode (PostgREST keeps a pool), so a cached plan is never re-planned for another role.
    """
    conns = {mode: psycopg.connect(url, autocommit=True) for mode in MODES}
    rng = random.Random(seed)
    times: dict[tuple[str, str], list[float]] = {(r.name, m): [] for r in ALL_READS for m in MODES}
    mismatches: list[str] = []
    try:
        for round_ in range(-5, repeat):  # 5 warm-up rounds (caches, prepared statements)
            learner = learners[round_ % len(learners)]
            for read in ALL_READS:
                rows = {}
                for mode in rng.sample(MODES, len(MODES)):
                    took, rows[mode] = run(conns[mode], read, mode, learner)
                    if round_ >= 0:
                        times[(read.name, mode)].append(took * 1000)
                if len(set(rows.values())) > 1:
                    mismatches.append(f"{read.name} for {learner['me']}: {rows}")
            if round_ >= 0 and (round_ + 1) % max(1, repeat // 5) == 0:
                print(f"  round {round_ + 1}/{repeat}", flush=True)
    finally:
        for conn in conns.values():
            conn.close()
    if mismatches:  # the modes must return the same rows, or the comparison means nothing
        sys.exit("error: modes return different row counts:\n  " + "\n  ".join(mismatches[:10]))
    return times


def summary(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def report(times: dict[tuple[str, str], list[float]], repeat: int, learners: int) -> list[Read]:
    """Print the table; return the reads over target."""
    print(f"\nmedian / p95 in ms over {repeat} requests per mode ({learners} different learners); "
          f"ratio = rls median / explicit median, target <= {TARGET}x")
    header = f"{'read':<52} {'rls':>15} {'explicit':>15} {'ratio':>7} {'rls+eq':>15} {'ratio':>7}  target"
    print(header + "\n" + "-" * len(header))
    over = []
    for read in ALL_READS:
        stats = {mode: summary(times[(read.name, mode)]) for mode in MODES}
        ratio = stats["rls"][0] / stats["explicit"][0]
        eq_ratio = stats["rls+eq"][0] / stats["explicit"][0]
        cells = {mode: f"{stats[mode][0]:7.3f} /{stats[mode][1]:7.3f}" for mode in MODES}
        verdict = "ok" if ratio <= TARGET else "OVER"
        print(f"{read.name:<52} {cells['rls']:>15} {cells['explicit']:>15} {ratio:6.2f}x "
              f"{cells['rls+eq']:>15} {eq_ratio:6.2f}x  {verdict}")
        if ratio > TARGET:
            over.append(read)
    return over


def explain(url: str, read: Read, learner: dict[str, str]) -> None:
    """EXPLAIN ANALYZE of the RLS variant as the learner, and the select policies of the tables it scans."""
    with psycopg.connect(url, autocommit=True) as conn, conn.transaction():
        conn.execute("set local role authenticated")
        conn.execute("select set_config('request.jwt.claims', %s, true)", [json.dumps(claims_for(read, "rls", learner))])
        plan = [row[0] for row in conn.execute(
            "explain (analyze, costs off, timing off, summary off, buffers off) " + mode_sql(read, "rls"), learner)]
        conn.execute("reset role")
        scanned = sorted({m.group(1) for line in plan for m in [re.search(r"Scan(?: using \S+)? on (\w+)", line)] if m})
        policies = conn.execute(
            "select tablename, policyname, qual from pg_policies where schemaname = 'public' and tablename = any(%s)"
            " and cmd in ('SELECT', 'ALL') and 'authenticated' = any(roles) order by 1, 2", [scanned]).fetchall()
    print(f"\nEXPLAIN ANALYZE (rls) {read.name}:")
    for line in plan[:18]:
        print("  " + line)
    if len(plan) > 18:
        print(f"  ... ({len(plan) - 18} more lines)")
    for table, name, qual in policies:
        print(f"  policy {table}.{name}: using {qual}")


def audit_policies(url: str) -> None:
    """Policies that call auth.uid() or the is_* helpers per row instead of once through `(select ...)`."""
    with psycopg.connect(url, autocommit=True) as conn:
        bypass = conn.execute("select rolbypassrls from pg_roles where rolname = 'service_role'").fetchone()
        rows = conn.execute("select schemaname || '.' || tablename || ' ' || policyname, coalesce(qual, '') || ' '"
                            " || coalesce(with_check, '') from pg_policies").fetchall()
    bare = [name for name, text in rows
            if any(not text[:m.start()].endswith("SELECT ")
                   for m in re.finditer(r"(?:private\.|public\.)?(?:is_admin|is_editor)\(\)|auth\.(?:uid|jwt)\(\)", text))]
    print(f"service_role bypasses RLS: {bool(bypass and bypass[0])}; policies calling auth.uid()/auth.jwt()/"
          f"is_admin()/is_editor() per row (not as `(select ...)`): {len(bare)}{': ' + ', '.join(bare) if bare else ''}")
    if not (bypass and bypass[0]):
        sys.exit("error: service_role does not have BYPASSRLS here: the explicit-filter baseline would be filtered too")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=10_000)
    parser.add_argument("--attempts", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=200, help="requests per read and mode (default 200)")
    parser.add_argument("--seed", type=int, default=4, help="learner sample and mode order")
    parser.add_argument("--keep", action="store_true", help="leave the cluster running and print its URL")
    args = parser.parse_args()
    if args.learners < 1 or args.attempts < 1 or args.repeat < 1:
        parser.error("--learners, --attempts and --repeat must be positive")

    scratch = Path(tempfile.mkdtemp(prefix="polaris-bench-rls-"))
    os.chmod(scratch, 0o755)  # as root the server runs as the wheel's system user
    try:
        with bench_server(scratch / "pg", 56600, SETTINGS, keep=args.keep) as cluster:
            try:
                started = time.perf_counter()
                url = schema_database(cluster, "bench")
                with psycopg.connect(url) as conn:
                    version = conn.execute("show server_version").fetchone()[0]
                print(f"Postgres {version} on 127.0.0.1:{cluster.port}, {os.cpu_count()} cores; "
                      f"schema built in {time.perf_counter() - started:.1f}s", flush=True)
                generate(url, args.learners, args.attempts)
                audit_policies(url)
                learners = pick_learners(url, min(args.repeat, args.learners), args.seed)
                times = measure(url, learners, args.repeat, args.seed)
                over = report(times, args.repeat, len(learners))
                for read in over:
                    explain(url, read, learners[0])
                learner_over = [read for read in over if not read.admin]
                print(f"\n{len(READS) - len(learner_over)}/{len(READS)} reads within {TARGET}x of their explicit-filter twin")
                print(f"{len(ADMIN_READS) - (len(over) - len(learner_over))}/{len(ADMIN_READS)} admin reads within {TARGET}x "
                      "of their service_role twin")
            finally:
                if args.keep:
                    stop = f" (stop: pg_ctl stop -D {cluster.pgdata})" if hasattr(cluster, "pgdata") else ""
                    print(f"kept: {url if 'url' in locals() else cluster.url()}{stop}")
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
