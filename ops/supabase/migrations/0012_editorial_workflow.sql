-- migration: 0012_editorial_workflow
-- purpose: drill status draft -> in_review -> published -> archived, revisions, reviewer, and the one transition function
-- rollback: drop function public.transition_drill(uuid, public.drill_status, text); drop table public.drill_revisions; alter table public.drills drop column status, drop column reviewed_by

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

do $$
begin
  create type public.drill_status as enum ('draft', 'in_review', 'published', 'archived');
exception when duplicate_object then null;
end
$$;
comment on type public.drill_status is 'Editorial state of a drill.';

alter table public.drills add column if not exists status public.drill_status not null default 'draft';
-- noqa: squawk:adding-foreign-key-constraint drills is a small editorial catalogue; validation scans little
alter table public.drills add column if not exists reviewed_by uuid references auth.users (id) on delete set null;
comment on column public.drills.status is 'Editorial state; changed only by transition_drill().';
comment on column public.drills.reviewed_by is 'Admin who published it.';
-- noqa: squawk:require-concurrent-index-creation drills is a small editorial catalogue
create index if not exists drills_reviewed_by_idx on public.drills (reviewed_by);
-- noqa: squawk:require-concurrent-index-creation drills is a small editorial catalogue
create index if not exists drills_status_idx on public.drills (status);

create table if not exists public.drill_revisions (
  id uuid primary key default gen_random_uuid(),
  drill_id uuid not null references public.drills (id) on delete cascade,
  from_status public.drill_status,
  to_status public.drill_status not null,
  actor_id uuid references auth.users (id) on delete set null,
  note text,
  created_at timestamptz not null default now()
);
comment on table public.drill_revisions is 'Audit trail of editorial transitions.';
comment on column public.drill_revisions.id is 'Surrogate key.';
comment on column public.drill_revisions.drill_id is 'Drill transitioned.';
comment on column public.drill_revisions.from_status is 'State before.';
comment on column public.drill_revisions.to_status is 'State after.';
comment on column public.drill_revisions.actor_id is 'Who made the transition.';
comment on column public.drill_revisions.note is 'Reviewer or editor note.';
comment on column public.drill_revisions.created_at is 'When it happened.';
create index if not exists drill_revisions_drill_id_idx on public.drill_revisions (drill_id, created_at);
create index if not exists drill_revisions_actor_id_idx on public.drill_revisions (actor_id);

alter table public.drill_revisions enable row level security;
drop policy if exists drill_revisions_select on public.drill_revisions;
create policy drill_revisions_select on public.drill_revisions for select to authenticated
  using ((select public.is_editor()));
revoke all on public.drill_revisions from anon, authenticated;
grant select on public.drill_revisions to authenticated;
grant all on public.drill_revisions to service_role;

-- Editors may not set publication state directly: status and is_published follow transitions only.
create or replace function public.guard_drill_publication() returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  -- Inside transition_drill() (security definer) current_user is the owner, not a client role.
  if current_user in ('anon', 'authenticated')
     and (new.status is distinct from old.status or new.is_published is distinct from old.is_published) then
    raise exception 'drill status changes go through transition_drill()' using errcode = '42501';
  end if;
  return new;
end
$$;
comment on function public.guard_drill_publication() is 'Blocks direct status/is_published edits by clients.';
create or replace trigger drills_guard_publication before update on public.drills
  for each row execute function public.guard_drill_publication();

create or replace function public.transition_drill(
  target_drill uuid, to_status public.drill_status, note text default null
)
returns public.drill_status
language plpgsql security definer
set search_path = ''
as $$
declare
  current_status public.drill_status;
begin
  select d.status into current_status from public.drills d where d.id = target_drill for update;
  if not found then
    raise exception 'drill % not found', target_drill using errcode = 'P0002';
  end if;
  if not public.is_editor() then
    raise exception 'only editors and admins change drill status' using errcode = '42501';
  end if;
  if to_status in ('published', 'archived') and not public.is_admin() then
    raise exception 'only an admin reviewer can % a drill', to_status using errcode = '42501';
  end if;
  if not ((current_status, to_status) in (('draft', 'in_review'), ('in_review', 'draft'), ('in_review', 'published'),
                                          ('published', 'archived'), ('archived', 'draft'))) then
    raise exception 'cannot move a drill from % to %', current_status, to_status using errcode = '22023';
  end if;
  update public.drills
     set status = to_status,
         is_published = (to_status = 'published'),
         reviewed_by = case when to_status = 'published' then auth.uid() else reviewed_by end
   where id = target_drill;
  insert into public.drill_revisions (drill_id, from_status, to_status, actor_id, note)
  values (target_drill, current_status, to_status, auth.uid(), note);
  return to_status;
end
$$;
comment on function public.transition_drill(uuid, public.drill_status, text) is 'The only way to change drill status: editors submit, admins publish or archive.';
revoke execute on function public.transition_drill(uuid, public.drill_status, text) from public, anon;
grant execute on function public.transition_drill(uuid, public.drill_status, text) to authenticated, service_role;
