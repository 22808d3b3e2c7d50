-- migration: 0001_init
-- purpose: enums, the generic updated_at trigger function, the events log, advisory lock helpers
-- rollback: drop table public.events; drop function public.set_updated_at(), public.try_lock(text), public.unlock(text); drop type public.user_role

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

do $$
begin
  create type public.user_role as enum ('learner', 'editor', 'admin');
exception when duplicate_object then null;
end
$$;
comment on type public.user_role is 'App role of a profile: learner (default), editor (drafts content), admin (everything).';

create or replace function public.set_updated_at() returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;
comment on function public.set_updated_at() is 'Generic before-update trigger: stamps updated_at.';

create table if not exists public.events (
  id bigint generated always as identity primary key,
  user_id uuid references auth.users (id) on delete set null default auth.uid(),
  name text not null check (name ~ '^[a-z]+(_[a-z]+)+$'),
  payload jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
comment on table public.events is 'Product analytics log; names are domain_action (e.g. practice_submitted).';
comment on column public.events.id is 'Surrogate key.';
comment on column public.events.user_id is 'Acting user; defaults to auth.uid().';
comment on column public.events.name is 'Event name in domain_action form.';
comment on column public.events.payload is 'Event details; never personal data beyond ids.';
comment on column public.events.created_at is 'When the event happened.';
create index if not exists events_user_id_idx on public.events (user_id);
create index if not exists events_name_created_at_idx on public.events (name, created_at);

-- Advisory locks for cron jobs (ops/docs/vercel-cron.md): one runner per job name.
create or replace function public.try_lock(lock_name text) returns boolean
language sql volatile
security invoker
set search_path = ''
as $$ select pg_catalog.pg_try_advisory_lock(pg_catalog.hashtextextended(lock_name, 0)) $$;
comment on function public.try_lock(text) is 'Take the session advisory lock named lock_name; false if another session holds it.';

create or replace function public.unlock(lock_name text) returns boolean
language sql volatile
security invoker
set search_path = ''
as $$ select pg_catalog.pg_advisory_unlock(pg_catalog.hashtextextended(lock_name, 0)) $$;
comment on function public.unlock(text) is 'Release the session advisory lock named lock_name.';

revoke execute on function public.try_lock(text), public.unlock(text) from public, anon, authenticated;
grant execute on function public.try_lock(text), public.unlock(text) to service_role;
