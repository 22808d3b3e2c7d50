-- migration: 0035_editorial_review
-- purpose: editors edit drafts only (drills and items); drills in review or published change through transition_drill(); the review trail (created_by, reviewed_by, published_at, status) is the server's; anon no longer reads staff ids
-- rollback: recreate the drills and drill_items write policies of 0009 and transition_drill() of 0012; grant insert, update on public.drills, public.drill_items to authenticated and select on public.drills to anon; alter table public.drills drop column published_at

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

alter table public.drills add column if not exists published_at timestamptz;
comment on column public.drills.published_at is 'When an admin last published it (transition_drill()); server-owned.';

-- The review path: a drill leaves draft only through transition_drill() and comes back to draft only
-- through it too (archived -> draft, or in_review -> draft), so a reviewed drill is never edited in
-- place: an admin archives it, an editor edits the draft, an admin publishes it again.
drop policy if exists drills_update on public.drills;
create policy drills_update on public.drills for update to authenticated
  using ((select public.is_editor()) and status = 'draft')
  with check ((select public.is_editor()) and status = 'draft');

drop policy if exists drill_items_insert on public.drill_items;
create policy drill_items_insert on public.drill_items for insert to authenticated
  with check ((select public.is_editor()) and exists (
    select 1 from public.drills d where d.id = drill_items.drill_id and d.status = 'draft'));
drop policy if exists drill_items_update on public.drill_items;
create policy drill_items_update on public.drill_items for update to authenticated
  using ((select public.is_editor()) and exists (
    select 1 from public.drills d where d.id = drill_items.drill_id and d.status = 'draft'))
  with check ((select public.is_editor()) and exists (
    select 1 from public.drills d where d.id = drill_items.drill_id and d.status = 'draft'));
drop policy if exists drill_items_delete on public.drill_items;
create policy drill_items_delete on public.drill_items for delete to authenticated
  using ((select public.is_editor()) and exists (
    select 1 from public.drills d where d.id = drill_items.drill_id and d.status = 'draft'));

-- Server-owned columns: clients write content; status, is_published, the review trail, embedding and
-- the timestamps come from defaults, triggers and transition_drill(). created_by defaults to auth.uid().
revoke insert, update on public.drills, public.drill_items from authenticated;
grant insert (id, slug, title, skill, level) on public.drills to authenticated;
grant update (slug, title, skill, level) on public.drills to authenticated;
grant insert (id, drill_id, position, prompt, expected_answer) on public.drill_items to authenticated;
grant update (position, prompt, expected_answer) on public.drill_items to authenticated;

-- Staff ids (created_by, reviewed_by) are not for anonymous visitors: anon selects the other columns.
revoke select on public.drills from anon;
grant select (
  id, slug, title, skill, level, is_published, status, published_at, embedding, created_at, updated_at
) on public.drills to anon;

-- The caller's role is checked before the drill is looked up, and a drill the caller cannot see is
-- answered exactly like one that does not exist: the answer never tells whether a hidden draft exists.
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
  if not public.is_editor() then
    raise exception 'only editors and admins change drill status' using errcode = '42501';
  end if;
  select d.status into current_status from public.drills d where d.id = target_drill for update;
  if not found then
    raise exception 'drill % not found', target_drill using errcode = 'P0002';
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
         reviewed_by = case when to_status = 'published' then auth.uid() else reviewed_by end,
         published_at = case when to_status = 'published' then now() else published_at end
   where id = target_drill;
  insert into public.drill_revisions (drill_id, from_status, to_status, actor_id, note)
  values (target_drill, current_status, to_status, auth.uid(), note);
  return to_status;
end
$$;
comment on function public.transition_drill(uuid, public.drill_status, text) is
  'The only way to change drill status: editors submit, admins publish (stamping reviewed_by and published_at) or archive.';
