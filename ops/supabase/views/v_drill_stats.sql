-- view public.v_drill_stats
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0007_views_progress.sql
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

create unique index if not exists v_drill_stats_drill_id_idx on public.v_drill_stats (drill_id);
