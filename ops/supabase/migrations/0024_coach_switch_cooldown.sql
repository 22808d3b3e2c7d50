-- migration: 0024_coach_switch_cooldown
-- purpose: coach switch history and switch_coach(), allowed once per N days (limits.coach_switch_cooldown_days)
-- rollback: drop function public.switch_coach(uuid); drop table public.coach_switches

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

create table if not exists public.coach_switches (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  from_coach_id uuid references public.coaches (id) on delete set null,
  to_coach_id uuid not null references public.coaches (id) on delete cascade,
  switched_at timestamptz not null default now()
);
comment on table public.coach_switches is 'Every coach change of a learner; written only by switch_coach().';
comment on column public.coach_switches.id is 'Surrogate key.';
comment on column public.coach_switches.user_id is 'Learner.';
comment on column public.coach_switches.from_coach_id is 'Previous coach.';
comment on column public.coach_switches.to_coach_id is 'New coach.';
comment on column public.coach_switches.switched_at is 'When.';
create index if not exists coach_switches_user_id_idx on public.coach_switches (user_id, switched_at desc);
create index if not exists coach_switches_from_coach_id_idx on public.coach_switches (from_coach_id);
create index if not exists coach_switches_to_coach_id_idx on public.coach_switches (to_coach_id);

alter table public.coach_switches enable row level security;
drop policy if exists coach_switches_select on public.coach_switches;
create policy coach_switches_select on public.coach_switches for select to authenticated
  using (user_id = (select auth.uid()) or (select public.is_admin()));
revoke all on public.coach_switches from anon, authenticated;
grant select on public.coach_switches to authenticated;
grant all on public.coach_switches to service_role;

create or replace function public.switch_coach(new_coach uuid) returns timestamptz
language plpgsql security definer
set search_path = ''
as $$
declare
  learner uuid := auth.uid();
  cooldown_days integer;
  last_switch timestamptz;
  current_coach uuid;
begin
  if learner is null then
    raise exception 'switch_coach needs a signed-in learner' using errcode = '42501';
  end if;
  if not exists (select 1 from public.coaches c where c.id = new_coach and c.is_published) then
    raise exception 'coach % is not available', new_coach using errcode = 'P0002';
  end if;
  -- Row lock on the profile: two concurrent switches of one learner run one after the other.
  select p.coach_id into current_coach from public.profiles p where p.id = learner for update;
  select coalesce((select l.value from public.limits l where l.key = 'coach_switch_cooldown_days'), 7) into cooldown_days;
  select max(s.switched_at) into last_switch from public.coach_switches s where s.user_id = learner;
  if last_switch is not null and last_switch > now() - make_interval(days => cooldown_days) then
    raise exception 'coach can be switched again after %', last_switch + make_interval(days => cooldown_days)
      using errcode = 'P0001';
  end if;
  update public.profiles set coach_id = new_coach where id = learner;
  insert into public.coach_switches (user_id, from_coach_id, to_coach_id) values (learner, current_coach, new_coach);
  return now();
end
$$;
comment on function public.switch_coach(uuid) is 'Change the caller''s coach, at most once per coach_switch_cooldown_days.';
revoke execute on function public.switch_coach(uuid) from public, anon;
grant execute on function public.switch_coach(uuid) to authenticated, service_role;
