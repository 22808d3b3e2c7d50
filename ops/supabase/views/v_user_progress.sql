-- view public.v_user_progress
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0007_views_progress.sql
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
