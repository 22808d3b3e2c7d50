-- migration: 0021_filters
-- purpose: saved drill filters per learner
-- rollback: drop table public.saved_filters

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

create table if not exists public.saved_filters (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade default auth.uid(),
  name text not null check (char_length(name) between 1 and 60),
  criteria jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (user_id, name)
);
comment on table public.saved_filters is 'A learner''s saved drill search filters.';
comment on column public.saved_filters.id is 'Surrogate key.';
comment on column public.saved_filters.user_id is 'Owner.';
comment on column public.saved_filters.name is 'Filter name, unique per learner.';
comment on column public.saved_filters.criteria is 'Filter criteria (skill, level, ...).';
comment on column public.saved_filters.created_at is 'Creation time.';
comment on column public.saved_filters.updated_at is 'Last change, maintained by trigger.';

create or replace trigger saved_filters_set_updated_at before update on public.saved_filters
  for each row execute function public.set_updated_at();
alter table public.saved_filters enable row level security;
drop policy if exists saved_filters_select on public.saved_filters;
create policy saved_filters_select on public.saved_filters for select to authenticated
  using (user_id = (select auth.uid()));
drop policy if exists saved_filters_insert on public.saved_filters;
create policy saved_filters_insert on public.saved_filters for insert to authenticated
  with check (user_id = (select auth.uid()));
drop policy if exists saved_filters_update on public.saved_filters;
create policy saved_filters_update on public.saved_filters for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
drop policy if exists saved_filters_delete on public.saved_filters;
create policy saved_filters_delete on public.saved_filters for delete to authenticated
  using (user_id = (select auth.uid()));
revoke all on public.saved_filters from anon, authenticated;
grant select, insert, update, delete on public.saved_filters to authenticated;
grant all on public.saved_filters to service_role;
