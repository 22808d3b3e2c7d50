-- view public.v_drill_stats_daily
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0007_views_progress.sql
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

create unique index if not exists v_drill_stats_daily_drill_id_day_idx on public.v_drill_stats_daily (drill_id, day);
