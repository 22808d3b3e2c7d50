-- migration: 0018_entitlements
-- purpose: active plan per learner, the append-only entitlement ledger, the one transactional grant path, and session RPCs
-- rollback: drop function public.grant_entitlement(...), public.start_session(uuid), public.finish_session(uuid); drop table public.entitlements, public.entitlement_ledger; drop type public.payment_provider

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

do $$
begin
  create type public.payment_provider as enum ('manual', 'shopify');
exception when duplicate_object then null;
end
$$;
comment on type public.payment_provider is 'Where a payment came from; providers add their value in their own migration.';

create table if not exists public.entitlement_ledger (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  plan text not null check (plan in ('free', 'pro')),
  provider public.payment_provider not null,
  provider_event_id text not null,
  valid_until timestamptz,
  amount_cents integer check (amount_cents >= 0),
  currency text check (currency ~ '^[A-Z]{3}$'),
  created_at timestamptz not null default now(),
  unique (provider, provider_event_id)
);
comment on table public.entitlement_ledger is 'Append-only history of every grant; one row per provider event, so a replayed webhook adds nothing.';
comment on column public.entitlement_ledger.id is 'Surrogate key.';
comment on column public.entitlement_ledger.user_id is 'Learner granted.';
comment on column public.entitlement_ledger.plan is 'Plan granted.';
comment on column public.entitlement_ledger.provider is 'Payment provider.';
comment on column public.entitlement_ledger.provider_event_id is 'Provider event id (idempotency key with provider).';
comment on column public.entitlement_ledger.valid_until is 'End of the granted period; null = no end.';
comment on column public.entitlement_ledger.amount_cents is 'Amount paid, minor units.';
comment on column public.entitlement_ledger.currency is 'ISO 4217 currency.';
comment on column public.entitlement_ledger.created_at is 'When granted.';
create index if not exists entitlement_ledger_user_id_idx on public.entitlement_ledger (user_id, created_at desc);

create table if not exists public.entitlements (
  user_id uuid primary key references auth.users (id) on delete cascade,
  plan text not null check (plan in ('free', 'pro')),
  valid_until timestamptz,
  ledger_id uuid not null references public.entitlement_ledger (id),
  updated_at timestamptz not null default now()
);
comment on table public.entitlements is 'Current plan per learner, derived from the ledger by grant_entitlement().';
comment on column public.entitlements.user_id is 'Learner.';
comment on column public.entitlements.plan is 'Active plan.';
comment on column public.entitlements.valid_until is 'Plan end; null = no end.';
comment on column public.entitlements.ledger_id is 'Ledger row that set this state.';
comment on column public.entitlements.updated_at is 'Last change, maintained by trigger.';
create index if not exists entitlements_ledger_id_idx on public.entitlements (ledger_id);

create or replace trigger entitlements_set_updated_at before update on public.entitlements
  for each row execute function public.set_updated_at();

create or replace function public.forbid_ledger_changes() returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  raise exception 'entitlement_ledger is append-only' using errcode = '42501';
end
$$;
comment on function public.forbid_ledger_changes() is 'Keeps the ledger append-only, even for the server.';
create or replace trigger entitlement_ledger_append_only before update or delete on public.entitlement_ledger
  for each row execute function public.forbid_ledger_changes();

alter table public.entitlement_ledger enable row level security;
alter table public.entitlements enable row level security;
drop policy if exists entitlement_ledger_select on public.entitlement_ledger;
create policy entitlement_ledger_select on public.entitlement_ledger for select to authenticated
  using (user_id = (select auth.uid()) or (select public.is_admin()));
drop policy if exists entitlements_select on public.entitlements;
create policy entitlements_select on public.entitlements for select to authenticated
  using (user_id = (select auth.uid()) or (select public.is_admin()));
revoke all on public.entitlement_ledger, public.entitlements from anon, authenticated;
grant select on public.entitlement_ledger, public.entitlements to authenticated;
grant select, insert on public.entitlement_ledger to service_role;
grant all on public.entitlements to service_role;

-- The grant path: ledger row and entitlement in one transaction, idempotent per provider event and
-- serialized per event by a transaction advisory lock, so concurrent webhook deliveries grant once.
create or replace function public.grant_entitlement(
  target_user uuid, granted_plan text, event_provider public.payment_provider, event_id text,
  granted_until timestamptz default null, paid_cents integer default null, paid_currency text default null
) returns uuid
language plpgsql security definer
set search_path = ''
as $$
declare
  new_ledger_id uuid;
begin
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended(event_provider::text || ':' || event_id, 0));
  insert into public.entitlement_ledger (user_id, plan, provider, provider_event_id, valid_until, amount_cents, currency)
  values (target_user, granted_plan, event_provider, event_id, granted_until, paid_cents, paid_currency)
  on conflict (provider, provider_event_id) do nothing
  returning id into new_ledger_id;
  if new_ledger_id is null then
    select l.id into new_ledger_id from public.entitlement_ledger l
     where l.provider = event_provider and l.provider_event_id = event_id;
    return new_ledger_id;  -- replayed event: nothing changes
  end if;
  insert into public.entitlements (user_id, plan, valid_until, ledger_id)
  values (target_user, granted_plan, granted_until, new_ledger_id)
  on conflict (user_id) do update
    set plan = excluded.plan, valid_until = excluded.valid_until, ledger_id = excluded.ledger_id;
  return new_ledger_id;
end
$$;
comment on function public.grant_entitlement(uuid, text, public.payment_provider, text, timestamptz, integer, text) is 'Server only: record a paid or manual grant exactly once per provider event.';
revoke execute on function public.grant_entitlement(
  uuid, text, public.payment_provider, text, timestamptz, integer, text
) from public,
anon,
authenticated;
grant execute on function public.grant_entitlement(
  uuid, text, public.payment_provider, text, timestamptz, integer, text
) to service_role;

-- Paid pack contents: free packs for everyone, the rest for active pro learners and admins.
drop policy if exists pack_drills_select_anon on public.pack_drills;
create policy pack_drills_select_anon on public.pack_drills for select to anon
  using (
    exists (select 1 from public.practice_packs p where p.id = pack_drills.pack_id and p.is_published and p.is_free)
  );
drop policy if exists pack_drills_select on public.pack_drills;
create policy pack_drills_select on public.pack_drills for select to authenticated
  using (
    exists (select 1 from public.practice_packs p where p.id = pack_drills.pack_id and p.is_published and p.is_free)
    or (select public.is_admin())
    or exists (select 1 from public.entitlements e
               where e.user_id = (select auth.uid()) and e.plan = 'pro'
                 and (e.valid_until is null or e.valid_until > now()))
  );

-- Sessions: the acting learner is always auth.uid(); nobody starts or finishes another's session.
create or replace function public.start_session(chosen_coach uuid default null) returns uuid
language plpgsql security definer
set search_path = ''
as $$
declare
  learner uuid := auth.uid();
  plan_key text;
  allowed integer;
  used numeric;
  new_session uuid;
begin
  if learner is null then
    raise exception 'start_session needs a signed-in learner' using errcode = '42501';
  end if;
  select coalesce((select e.plan from public.entitlements e where e.user_id = learner
                    and (e.valid_until is null or e.valid_until > now())), 'free') into plan_key;
  select l.value into allowed from public.tiers t join public.limits l on l.key = t.minutes_limit_key where t.key = plan_key;
  select coalesce(sum(u.minutes_used), 0) into used from public.daily_usage u
   where u.user_id = learner and u.day = (now() at time zone 'UTC')::date;
  if allowed is not null and used >= allowed then
    raise exception 'daily practice limit of % minutes reached', allowed using errcode = 'P0001';
  end if;
  insert into public.sessions (user_id, coach_id)
  values (learner, coalesce(chosen_coach, (select p.coach_id from public.profiles p where p.id = learner)))
  returning id into new_session;
  return new_session;
end
$$;
comment on function public.start_session(uuid) is 'Start a practice session for the caller, within the daily minutes of their plan.';

create or replace function public.finish_session(target_session uuid) returns numeric
language plpgsql security definer
set search_path = ''
as $$
declare
  learner uuid := auth.uid();
  minutes numeric;
begin
  update public.sessions s
     set finished_at = now(),
         minutes_used = round((extract(epoch from (now() - s.started_at)) / 60)::numeric, 2)
   where s.id = target_session and s.user_id = learner and s.finished_at is null
  returning s.minutes_used into minutes;
  if minutes is null then
    raise exception 'no running session % of the caller', target_session using errcode = '42501';
  end if;
  insert into public.daily_usage (user_id, day, minutes_used)
  values (learner, (now() at time zone 'UTC')::date, minutes)
  on conflict (user_id, day) do update set minutes_used = public.daily_usage.minutes_used + excluded.minutes_used;
  return minutes;
end
$$;
comment on function public.finish_session(uuid) is 'Finish the caller''s running session and add its minutes to today''s usage.';

revoke execute on function public.start_session(uuid), public.finish_session(uuid) from public, anon;
grant execute on function public.start_session(uuid), public.finish_session(uuid) to authenticated, service_role;
