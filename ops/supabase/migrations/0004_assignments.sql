-- migration: 0004_assignments
-- purpose: drills or sets assigned to a learner with a due date and status
-- rollback: drop table public.assignments

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

create table if not exists public.assignments (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  drill_id uuid references public.drills (id) on delete cascade,
  set_id uuid references public.drill_sets (id) on delete cascade,
  assigned_by uuid references auth.users (id) on delete set null,
  due_at timestamptz,
  status text not null default 'assigned' check (status in ('assigned', 'in_progress', 'done', 'skipped')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (num_nonnulls(drill_id, set_id) = 1)
);
comment on table public.assignments is 'Work assigned to a learner; the learner may only move its status.';
comment on column public.assignments.id is 'Surrogate key.';
comment on column public.assignments.user_id is 'Learner it is assigned to.';
comment on column public.assignments.drill_id is 'Assigned drill (exactly one of drill_id, set_id).';
comment on column public.assignments.set_id is 'Assigned set (exactly one of drill_id, set_id).';
comment on column public.assignments.assigned_by is 'Admin who assigned it.';
comment on column public.assignments.due_at is 'Due date, optional.';
comment on column public.assignments.status is 'assigned, in_progress, done or skipped.';
comment on column public.assignments.created_at is 'Creation time.';
comment on column public.assignments.updated_at is 'Last change, maintained by trigger.';
create index if not exists assignments_user_id_idx on public.assignments (user_id, due_at);
create index if not exists assignments_drill_id_idx on public.assignments (drill_id);
create index if not exists assignments_set_id_idx on public.assignments (set_id);
create index if not exists assignments_assigned_by_idx on public.assignments (assigned_by);

create or replace trigger assignments_set_updated_at before update on public.assignments
  for each row execute function public.set_updated_at();
alter table public.assignments enable row level security;

revoke all on public.assignments from anon, authenticated;
grant select, insert, delete on public.assignments to authenticated;
grant update (status) on public.assignments to authenticated;
grant all on public.assignments to service_role;
