-- migration: 0030_guard_drill_inserts
-- purpose: clients may only insert drills as unpublished drafts, so publishing always goes through review
-- rollback: restore the 0012 guard (update only): recreate guard_drill_publication() from 0012 and the trigger "before update"

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

-- 0012 guarded updates only: an editor could insert a drill that was already published (found by the
-- RLS access matrix). A client insert must start as an unpublished draft; transitions do the rest.
create or replace function public.guard_drill_publication() returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  -- Inside transition_drill() (security definer) current_user is the owner, not a client role.
  if current_user not in ('anon', 'authenticated') then
    return new;
  end if;
  if tg_op = 'INSERT' and (new.status is distinct from 'draft' or new.is_published) then
    raise exception 'new drills start as unpublished drafts; publish through transition_drill()'
      using errcode = '42501';
  end if;
  if tg_op = 'UPDATE'
     and (new.status is distinct from old.status or new.is_published is distinct from old.is_published) then
    raise exception 'drill status changes go through transition_drill()' using errcode = '42501';
  end if;
  return new;
end
$$;
comment on function public.guard_drill_publication() is
  'Blocks client inserts of non-draft drills and direct status/is_published edits.';
create or replace trigger drills_guard_publication before insert or update on public.drills
  for each row execute function public.guard_drill_publication();
