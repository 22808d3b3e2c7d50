-- RLS policies on public.drills
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists drills_insert on public.drills;

create policy drills_insert on public.drills for insert to authenticated
  with check ((select private.is_editor()));

drop policy if exists drills_select_anon on public.drills;

create policy drills_select_anon on public.drills for select to anon
  using (is_published and private.is_drill_open(id));

drop policy if exists drills_select on public.drills;

create policy drills_select on public.drills for select to authenticated
  using ((select private.is_editor()) or (is_published and private.is_drill_open(id)));

-- from migrations/0048_editorial_second_person.sql
drop policy if exists drills_update on public.drills;

create policy drills_update on public.drills for update to authenticated
  using ((select private.is_editor()) and status = 'draft' and created_by = (select auth.uid()))
  with check ((select private.is_editor()) and status = 'draft' and created_by = (select auth.uid()));

drop policy if exists drills_delete on public.drills;

create policy drills_delete on public.drills for delete to authenticated
  using ((select private.is_admin()) and status = 'draft' and published_at is null);
