-- migration: 0038_daily_limits
-- purpose: daily limits that hold: start_session() fails closed without a limit, allows one open session per learner, counts the learner's local day (profiles.timezone), refuses unpublished coaches and applies the coach-switch cooldown to chosen_coach; sessions count at most session_max_minutes and the cron closes abandoned ones
-- rollback: recreate start_session(uuid) and finish_session(uuid) as in 0018; drop function public.close_stale_sessions(), public.get_local_day(timestamptz, text)

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

-- The learner's calendar day of an instant; an unknown zone name (stored before 0036 checked them)
-- counts in UTC instead of failing.
create or replace function public.get_local_day(at_time timestamptz, zone text) returns date
language plpgsql stable
security invoker
set search_path = ''
as $$
begin
  return (at_time at time zone zone)::date;
exception when invalid_parameter_value then
  return (at_time at time zone 'UTC')::date;
end
$$;
comment on function public.get_local_day(timestamptz, text) is 'Calendar day of at_time in the time zone zone (UTC when zone is unknown).';
revoke execute on function public.get_local_day(timestamptz, text) from public, anon, authenticated;
grant execute on function public.get_local_day(timestamptz, text) to service_role;

-- Decisions (ops/docs/product-core.md): one open session per learner, so time cannot hide in sessions
-- left open; a session counts at most session_max_minutes; the cooldown of switch_coach() applies to
-- chosen_coach: starting with another coach than the profile's IS a switch and goes through it.
create or replace function public.start_session(chosen_coach uuid default null) returns uuid
language plpgsql security definer
set search_path = ''
as $$
declare
  learner uuid := auth.uid();
  coach uuid;
  zone text;
  plan_key text;
  allowed integer;
  used numeric;
  new_session uuid;
begin
  if learner is null then
    raise exception 'start_session needs a signed-in learner' using errcode = '42501';
  end if;
  -- The profile row lock serializes one learner's concurrent starts (the open-session check below).
  select p.coach_id, p.timezone into coach, zone from public.profiles p where p.id = learner for update;
  if chosen_coach is not null then
    if not exists (select 1 from public.coaches c where c.id = chosen_coach and c.is_published) then
      raise exception 'coach % is not available', chosen_coach using errcode = 'P0001';
    end if;
    if chosen_coach is distinct from coach then
      perform public.switch_coach(chosen_coach);
      coach := chosen_coach;
    end if;
  elsif coach is not null and not exists (select 1 from public.coaches c where c.id = coach and c.is_published) then
    coach := null;  -- the profile's coach was unpublished since: practise without one
  end if;
  if exists (select 1 from public.sessions s where s.user_id = learner and s.finished_at is null) then
    raise exception 'a practice session is already running: finish it first' using errcode = 'P0001';
  end if;
  select coalesce((select e.plan from public.entitlements e where e.user_id = learner
                    and (e.valid_until is null or e.valid_until > now())), 'free') into plan_key;
  select l.value into allowed from public.tiers t join public.limits l on l.key = t.minutes_limit_key where t.key = plan_key;
  if allowed is null then
    raise exception 'no daily practice limit is configured for the % plan', plan_key using errcode = 'P0001';
  end if;
  select coalesce(sum(u.minutes_used), 0) into used from public.daily_usage u
   where u.user_id = learner and u.day = public.get_local_day(now(), zone);
  if used >= allowed then
    raise exception 'daily practice limit of % minutes reached', allowed using errcode = 'P0001';
  end if;
  insert into public.sessions (user_id, coach_id) values (learner, coach) returning id into new_session;
  return new_session;
end
$$;
comment on function public.start_session(uuid) is
  'Start a practice session for the caller: one open at a time, within the daily minutes of their plan on their local day; a coach other than the profile''s is a switch (cooldown).';

create or replace function public.finish_session(target_session uuid) returns numeric
language plpgsql security definer
set search_path = ''
as $$
declare
  learner uuid := auth.uid();
  longest integer := coalesce((select l.value from public.limits l where l.key = 'session_max_minutes'), 60);
  minutes numeric;
  started timestamptz;
begin
  update public.sessions s
     set finished_at = now(),
         minutes_used = least(round((extract(epoch from (now() - s.started_at)) / 60)::numeric, 2), longest)
   where s.id = target_session and s.user_id = learner and s.finished_at is null
  returning s.minutes_used, s.started_at into minutes, started;
  if minutes is null then
    raise exception 'no running session % of the caller', target_session using errcode = '42501';
  end if;
  insert into public.daily_usage (user_id, day, minutes_used)
  values (learner, public.get_local_day(started, (select p.timezone from public.profiles p where p.id = learner)), minutes)
  on conflict (user_id, day) do update set minutes_used = public.daily_usage.minutes_used + excluded.minutes_used;
  return minutes;
end
$$;
comment on function public.finish_session(uuid) is
  'Finish the caller''s running session; its minutes (at most session_max_minutes) count on the local day it started.';

-- Cron (ops/docs/vercel-cron.md): sessions open longer than session_max_minutes are abandoned; they
-- are closed at exactly that length, which counts toward the day they started.
create or replace function public.close_stale_sessions() returns integer
language plpgsql
security invoker
set search_path = ''
as $$
declare
  longest integer := coalesce((select l.value from public.limits l where l.key = 'session_max_minutes'), 60);
  closed integer;
begin
  with stale as (
    update public.sessions s
       set finished_at = s.started_at + make_interval(mins => longest), minutes_used = longest
     where s.finished_at is null and s.started_at < now() - make_interval(mins => longest)
    returning s.user_id, s.started_at, s.minutes_used
  ), per_day as (
    select st.user_id, public.get_local_day(st.started_at, p.timezone) as day, sum(st.minutes_used) as minutes
    from stale st left join public.profiles p on p.id = st.user_id
    group by 1, 2
  )
  insert into public.daily_usage (user_id, day, minutes_used)
  select d.user_id, d.day, d.minutes from per_day d
  on conflict (user_id, day) do update set minutes_used = public.daily_usage.minutes_used + excluded.minutes_used;
  get diagnostics closed = row_count;
  return closed;
end
$$;
comment on function public.close_stale_sessions() is
  'Server only (cron): close sessions open longer than session_max_minutes at that length and count them; returns the usage rows written.';
revoke execute on function public.close_stale_sessions() from public, anon, authenticated;
grant execute on function public.close_stale_sessions() to service_role;
