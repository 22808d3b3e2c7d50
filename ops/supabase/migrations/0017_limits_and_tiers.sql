-- migration: 0017_limits_and_tiers
-- purpose: configurable limits, plan tiers and daily usage per learner
-- rollback: drop table public.daily_usage, public.tiers, public.limits

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

create table if not exists public.limits (
  key text primary key check (key ~ '^[a-z]+(_[a-z]+)*$'),
  value integer not null check (value >= 0),
  description text not null,
  updated_at timestamptz not null default now()
);
comment on table public.limits is 'Tunable limits (free_minutes_daily, pro_minutes_daily, coach_switch_cooldown_days); public read.';
comment on column public.limits.key is 'Limit name.';
comment on column public.limits.value is 'Limit value (minutes, days, count).';
comment on column public.limits.description is 'What it limits.';
comment on column public.limits.updated_at is 'Last change, maintained by trigger.';

create table if not exists public.tiers (
  key text primary key check (key in ('free', 'pro')),
  title text not null,
  minutes_limit_key text not null references public.limits (key),
  updated_at timestamptz not null default now()
);
comment on table public.tiers is 'Plans and the limit that caps their daily minutes.';
comment on column public.tiers.key is 'Plan key.';
comment on column public.tiers.title is 'Plan name shown.';
comment on column public.tiers.minutes_limit_key is 'limits.key giving the daily minutes.';
comment on column public.tiers.updated_at is 'Last change, maintained by trigger.';
create index if not exists tiers_minutes_limit_key_idx on public.tiers (minutes_limit_key);

create table if not exists public.daily_usage (
  user_id uuid not null references auth.users (id) on delete cascade,
  day date not null,
  minutes_used numeric(7, 2) not null default 0 check (minutes_used >= 0),
  updated_at timestamptz not null default now(),
  primary key (user_id, day)
);
comment on table public.daily_usage is 'Minutes practised per learner and day; written by finish_session().';
comment on column public.daily_usage.user_id is 'Learner.';
comment on column public.daily_usage.day is 'Day in the learner time zone.';
comment on column public.daily_usage.minutes_used is 'Minutes used that day.';
comment on column public.daily_usage.updated_at is 'Last change, maintained by trigger.';

create or replace trigger limits_set_updated_at before update on public.limits
  for each row execute function public.set_updated_at();
create or replace trigger tiers_set_updated_at before update on public.tiers
  for each row execute function public.set_updated_at();
create or replace trigger daily_usage_set_updated_at before update on public.daily_usage
  for each row execute function public.set_updated_at();

alter table public.limits enable row level security;
alter table public.tiers enable row level security;
alter table public.daily_usage enable row level security;
drop policy if exists limits_select on public.limits;
create policy limits_select on public.limits for select to anon, authenticated using (true);
drop policy if exists tiers_select on public.tiers;
create policy tiers_select on public.tiers for select to anon, authenticated using (true);
drop policy if exists daily_usage_select on public.daily_usage;
create policy daily_usage_select on public.daily_usage for select to authenticated
  using (user_id = (select auth.uid()) or (select public.is_admin()));

revoke all on public.limits, public.tiers, public.daily_usage from anon, authenticated;
grant select on public.limits, public.tiers to anon, authenticated;
grant select on public.daily_usage to authenticated;
grant all on public.limits, public.tiers, public.daily_usage to service_role;
