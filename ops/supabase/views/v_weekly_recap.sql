-- view public.v_weekly_recap
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0026_weekly_recap_views.sql
create or replace view public.v_weekly_recap with (security_invoker = true) as
with session_weeks as (
  select
s.user_id,
date_trunc('week', s.started_at) as week_start,
         count(*) as sessions,
coalesce(sum(s.minutes_used), 0) as minutes
  from public.sessions s
  group by s.user_id, date_trunc('week', s.started_at)
),

attempt_weeks as (
  select
a.user_id,
date_trunc('week', a.created_at) as week_start,
count(*) as attempts
  from public.attempts a
  group by a.user_id, date_trunc('week', a.created_at)
)

select
  coalesce(sw.user_id, aw.user_id) as user_id,
  coalesce(sw.week_start, aw.week_start) as week_start,
  coalesce(sw.sessions, 0) as sessions,
  coalesce(sw.minutes, 0) as minutes,
  coalesce(aw.attempts, 0) as attempts
from session_weeks sw
full join attempt_weeks aw on sw.user_id = aw.user_id and sw.week_start = aw.week_start;

comment on view public.v_weekly_recap is 'Sessions, minutes and attempts per learner and week; security_invoker, so learners see only their own weeks and the recap job reads all as service_role.';
