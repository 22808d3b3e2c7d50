-- migration: 0048_editorial_second_person
-- purpose: publishing needs a second person (the reviewer neither created nor submitted the drill); a drill that was published is archived through transition_drill(), never deleted by an API role; a draft is edited (drill and items) by the staff member who created it; the creation of a drill is a step of the review trail
-- rollback: recreate transition_drill() as in 0044 and the policies drills_update, drills_delete, drill_items_insert/update/delete as in 0044; drop trigger drills_record_creation on public.drills; drop function public.record_drill_creation(), private.is_own_draft(uuid)

-- Fail fast instead of queueing behind a lock on a busy table (squawk requires both).
set local lock_timeout = '5s';
set local statement_timeout = '120s';

-- Decided (ops/docs/product-core.md, "Editorial rules"): a draft belongs to the staff member who created
-- it (drills.created_by, stamped by default): only they edit it and its items, so the author is one
-- person and "the reviewer is not the author" means something. Others send it back through review.
-- Definer: the items policies need the drill's creator, which no client role may select (0047).
create or replace function private.is_own_draft(drill uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.drills d
                 where d.id = drill and d.status = 'draft' and d.created_by = auth.uid())
$$;
comment on function private.is_own_draft(uuid) is
  'True when the drill is a draft the caller created; false for any other, hidden or absent drill. For the drill_items policies.';
revoke execute on function private.is_own_draft(uuid) from public, anon, service_role;
grant execute on function private.is_own_draft(uuid) to authenticated;

drop policy if exists drills_update on public.drills;
create policy drills_update on public.drills for update to authenticated
  using ((select private.is_editor()) and status = 'draft' and created_by = (select auth.uid()))
  with check ((select private.is_editor()) and status = 'draft' and created_by = (select auth.uid()));

-- A drill that was ever published is archived (transition_drill()), never deleted: attempts,
-- assignments and packs point at it. Admins delete drafts that never were.
drop policy if exists drills_delete on public.drills;
create policy drills_delete on public.drills for delete to authenticated
  using ((select private.is_admin()) and status = 'draft' and published_at is null);

drop policy if exists drill_items_insert on public.drill_items;
create policy drill_items_insert on public.drill_items for insert to authenticated
  with check ((select private.is_editor()) and private.is_own_draft(drill_id));
drop policy if exists drill_items_update on public.drill_items;
create policy drill_items_update on public.drill_items for update to authenticated
  using ((select private.is_editor()) and private.is_own_draft(drill_id))
  with check ((select private.is_editor()) and private.is_own_draft(drill_id));
drop policy if exists drill_items_delete on public.drill_items;
create policy drill_items_delete on public.drill_items for delete to authenticated
  using ((select private.is_editor()) and private.is_own_draft(drill_id));

create or replace function public.transition_drill(
  target_drill uuid, to_status public.drill_status, note text default null
)
returns public.drill_status
language plpgsql security definer
set search_path = ''
as $$
declare
  current_status public.drill_status;
  author uuid;
begin
  if not private.is_editor() then
    raise exception 'only editors and admins change drill status' using errcode = '42501';
  end if;
  select d.status into current_status from public.drills d where d.id = target_drill for update;
  if not found then
    raise exception 'drill % not found', target_drill using errcode = 'P0002';
  end if;
  if to_status in ('published', 'archived') and not private.is_admin() then
    raise exception 'only an admin reviewer can % a drill', to_status using errcode = '42501';
  end if;
  if not ((current_status, to_status) in (('draft', 'in_review'), ('in_review', 'draft'), ('in_review', 'published'),
                                          ('published', 'archived'), ('archived', 'draft'))) then
    raise exception 'cannot move a drill from % to %', current_status, to_status using errcode = '22023';
  end if;
  -- Publishing needs a second person: the reviewer neither created the drill nor submitted it.
  select d.created_by into author from public.drills d where d.id = target_drill;
  if to_status = 'published' and (author = auth.uid() or auth.uid() = (
       select r.actor_id from public.drill_revisions r
       where r.drill_id = target_drill and r.from_status = 'draft' and r.to_status = 'in_review'
       order by r.created_at desc, r.id desc limit 1)) then
    raise exception 'a drill is published by a second person: its author or submitter cannot review it'
    using errcode = '42501';
  end if;
  update public.drills
     set status = to_status,
         is_published = (to_status = 'published'),
         reviewed_by = case when to_status = 'published' then auth.uid() else reviewed_by end,
         published_at = case when to_status = 'published' then now() else published_at end
   where id = target_drill;
  insert into public.drill_revisions (drill_id, from_status, to_status, actor_id, note)
  values (target_drill, current_status, to_status, auth.uid(), note);
  return to_status;
end
$$;
comment on function public.transition_drill(uuid, public.drill_status, text) is
  'RPC: the only way to change drill status: editors submit, a second person (an admin who neither created nor submitted it) publishes, stamping reviewed_by and published_at; admins archive.';

-- The review trail starts with the creation: staff read who created a drill here (created_by is
-- not selectable by client roles, 0047).
create or replace function public.record_drill_creation() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  insert into public.drill_revisions (drill_id, from_status, to_status, actor_id, note)
  values (new.id, null, new.status, new.created_by, 'created');
  return null;
end
$$;
comment on function public.record_drill_creation() is
  'After-insert trigger on drills: the first step of the review trail (from_status null, actor = created_by).';
revoke execute on function public.record_drill_creation() from public, anon, authenticated;

create or replace trigger drills_record_creation after insert on public.drills
  for each row execute function public.record_drill_creation();

-- Drills created before 0048 get their first step too (once).
insert into public.drill_revisions (drill_id, from_status, to_status, actor_id, note, created_at)
select
  d.id,
  null::public.drill_status as from_status,
  'draft'::public.drill_status as to_status,
  d.created_by,
  'created' as note,
  d.created_at
from public.drills d
where d.created_by is not null
  and not exists (select 1 from public.drill_revisions r where r.drill_id = d.id and r.from_status is null);
