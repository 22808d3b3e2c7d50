-- migration: 0045_session_counting_day
-- purpose: daily limits cannot be shopped by time zone: a session's counting day is decided by start_session() and stored (finish_session() and close_stale_sessions() count on it); a zone change waits for a local day without practice (refused while a session is open or minutes were counted today); only zone names of pg_timezone_names, no POSIX offsets
-- rollback: recreate start_session(uuid), finish_session(uuid), close_stale_sessions() as in 0038 and check_profile_timezone() as in 0036 (security invoker); alter table public.sessions drop column counting_day

-- Fail fast instead of queueing behind a lock on a busy table (squawk requires both).
set local lock_timeout = '5s';
set local statement_timeout = '120s';

-- Nullable, no default: a catalog-only change. Sessions from before 0045 count on the local day of
-- their start in the profile's zone, as before.
alter table public.sessions add column if not exists counting_day date;
comment on column public.sessions.counting_day is
  'The learner''s local day the session counts on, decided by start_session(); server-owned (null before 0045).';

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
  today date;
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
  -- The counting day is decided here, once: finish_session() and close_stale_sessions() count the
  -- session's minutes on it, whatever the profile's zone is by then.
  today := public.get_local_day(now(), zone);
  select coalesce(sum(u.minutes_used), 0) into used from public.daily_usage u
   where u.user_id = learner and u.day = today;
  if used >= allowed then
    raise exception 'daily practice limit of % minutes reached', allowed using errcode = 'P0001';
  end if;
  insert into public.sessions (user_id, coach_id, counting_day) values (learner, coach, today)
  returning id into new_session;
  return new_session;
end
$$;

comment on function public.start_session(uuid) is
  'RPC: start a practice session for the caller: one open at a time, within the daily minutes of their plan on their local day (stored as the session''s counting_day); a coach other than the profile''s is a switch (cooldown).';

create or replace function public.finish_session(target_session uuid) returns numeric
language plpgsql security definer
set search_path = ''
as $$
declare
  learner uuid := auth.uid();
  longest integer := coalesce((select l.value from public.limits l where l.key = 'session_max_minutes'), 60);
  minutes numeric;
  counted_on date;
begin
  update public.sessions s
     set finished_at = now(),
         minutes_used = least(round((extract(epoch from (now() - s.started_at)) / 60)::numeric, 2), longest)
   where s.id = target_session and s.user_id = learner and s.finished_at is null
  returning s.minutes_used,
            coalesce(s.counting_day, public.get_local_day(s.started_at, (select p.timezone from public.profiles p
                                                                         where p.id = learner)))
    into minutes, counted_on;
  if minutes is null then
    raise exception 'no running session % of the caller', target_session using errcode = '42501';
  end if;
  insert into public.daily_usage (user_id, day, minutes_used)
  values (learner, counted_on, minutes)
  on conflict (user_id, day) do update set minutes_used = public.daily_usage.minutes_used + excluded.minutes_used;
  return minutes;
end
$$;
comment on function public.finish_session(uuid) is
  'RPC: finish the caller''s running session; its minutes (at most session_max_minutes) count on the day start_session() decided.';

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
    returning s.user_id, s.started_at, s.counting_day, s.minutes_used
  ), per_day as (
    select st.user_id, coalesce(st.counting_day, public.get_local_day(st.started_at, p.timezone)) as day,
           sum(st.minutes_used) as minutes
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

-- The zone a learner may choose: a name pg_timezone_names lists (IANA names; `at time zone` also takes
-- POSIX specs like '<+167>-167', a day up to a week away). The change waits for a local day without
-- practice (a session open, or minutes counted today in the old zone, refuse it), so a day's minutes
-- are never counted twice under two zones. The server (no auth.uid()) may correct a zone any time:
-- sessions keep the counting day they started with. Definer: it reads the learner's sessions and usage
-- whoever changes the zone (an admin too); trigger functions are not callable as RPCs.
create or replace function public.check_profile_timezone() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  today date;
begin
  if tg_op = 'UPDATE' and new.timezone is not distinct from old.timezone then
    return new;
  end if;
  -- pg_timezone_names reads the zone files (~20 ms): not for the default every new profile gets.
  if new.timezone is distinct from 'UTC'
     and not exists (select 1 from pg_catalog.pg_timezone_names z where z.name = new.timezone) then
    raise exception 'unknown time zone %', new.timezone using errcode = '23514';
  end if;
  if tg_op = 'UPDATE' and auth.uid() is not null then
    today := public.get_local_day(now(), old.timezone);
    if exists (select 1 from public.sessions s
               where s.user_id = new.id and (s.finished_at is null or s.counting_day = today))
       or exists (select 1 from public.daily_usage u
                  where u.user_id = new.id and u.day = today and u.minutes_used > 0) then
      raise exception 'the time zone can change only on a local day without practice (none open, none counted today)'
      using errcode = 'P0001';
    end if;
  end if;
  return new;
end
$$;
comment on function public.check_profile_timezone() is
  'Before insert/update trigger: profiles.timezone must be a name of pg_timezone_names, and a learner changes it only on a local day without practice.';
revoke execute on function public.check_profile_timezone() from public, anon, authenticated;

-- Zones stored before 0045 that pg_timezone_names does not list (POSIX specs) count in UTC from now on.
update public.profiles p set timezone = 'UTC'
where not exists (select 1 from pg_catalog.pg_timezone_names z where z.name = p.timezone);
