-- migration: 0007_views_progress
-- purpose: learner progress view (security_invoker) and drill statistics (materialized, aggregate-only), refresh_views()
-- rollback: drop view public.v_user_progress; drop materialized view public.v_drill_stats_daily, public.v_drill_stats; drop function public.refresh_views()

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

-- Runs with the caller's rights, so the RLS of attempts and sessions limits it to the caller's rows.
create or replace view public.v_user_progress with (security_invoker = true) as
select
  a.user_id,
  count(*) as attempts,
  round(avg(a.score), 2) as avg_score,
  max(a.created_at) as last_attempt_at,
  count(distinct a.drill_id) as drills_practised
from public.attempts a
group by a.user_id;
comment on view public.v_user_progress is 'Per-learner totals; security_invoker: a learner sees only their own row.';

-- Aggregates over published drills only, no user ids: safe to compute as owner. Not exposed to
-- anon/authenticated (materialized views cannot have RLS); server code and admin dashboards read them.
create materialized view if not exists public.v_drill_stats as
select
  d.id as drill_id,
  count(a.id) as attempts,
  count(distinct a.user_id) as learners,
  round(avg(a.score), 2) as avg_score
from public.drills d
left join public.attempts a on d.id = a.drill_id
where d.is_published
group by d.id
with data;
comment on materialized view public.v_drill_stats is 'Per published drill: attempts, distinct learners, average score. Refreshed by refresh_views().';
-- noqa: squawk:require-concurrent-index-creation the materialized view was created by this same transaction
create unique index if not exists v_drill_stats_drill_id_idx on public.v_drill_stats (drill_id);

create materialized view if not exists public.v_drill_stats_daily as
select
  a.drill_id,
  (a.created_at at time zone 'UTC')::date as day,
  count(*) as attempts,
  round(avg(a.score), 2) as avg_score
from public.attempts a
inner join public.drills d on a.drill_id = d.id and d.is_published
group by a.drill_id, (a.created_at at time zone 'UTC')::date
with data;
comment on materialized view public.v_drill_stats_daily is 'Per published drill and UTC day: attempts and average score. Refreshed by refresh_views().';
-- noqa: squawk:require-concurrent-index-creation the materialized view was created by this same transaction
create unique index if not exists v_drill_stats_daily_drill_id_day_idx on public.v_drill_stats_daily (drill_id, day);

revoke all on public.v_user_progress, public.v_drill_stats, public.v_drill_stats_daily from anon, authenticated;
grant select on public.v_user_progress to authenticated;
grant select on public.v_user_progress, public.v_drill_stats, public.v_drill_stats_daily to service_role;

-- Refreshes every materialized view of the app concurrently (readers never block) and skips
-- names that do not exist yet, so cron can call it whatever migration a database is at.
create or replace function public.refresh_views() returns setof text
language plpgsql security definer
set search_path = ''
as $$
declare
  view_name text;
begin
  foreach view_name in array array['public.v_drill_stats', 'public.v_drill_stats_daily', 'public.v_weekly_recap']
  loop
    if to_regclass(view_name) is not null
       and exists (select 1 from pg_catalog.pg_matviews m
                   where format('%I.%I', m.schemaname, m.matviewname) = view_name) then
      execute format('refresh materialized view concurrently %s', view_name);
      return next view_name;
    end if;
  end loop;
end
$$;
comment on function public.refresh_views() is 'Refresh all app materialized views concurrently; returns the names refreshed. Server only.';
revoke execute on function public.refresh_views() from public, anon, authenticated;
grant execute on function public.refresh_views() to service_role;
