-- RLS policies on public.drill_set_members
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists drill_set_members_insert on public.drill_set_members;

create policy drill_set_members_insert on public.drill_set_members for insert to authenticated
  with check ((select private.is_admin()));

drop policy if exists drill_set_members_update on public.drill_set_members;

create policy drill_set_members_update on public.drill_set_members for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));

drop policy if exists drill_set_members_delete on public.drill_set_members;

create policy drill_set_members_delete on public.drill_set_members for delete to authenticated
  using ((select private.is_admin()));

-- from migrations/0047_staff_ids_and_draft_ids.sql
drop policy if exists drill_set_members_select_anon on public.drill_set_members;

create policy drill_set_members_select_anon on public.drill_set_members for select to anon
  using (
    exists (select 1 from public.drill_sets s where s.id = drill_set_members.set_id and s.is_published)
    and exists (select 1 from public.drills d where d.id = drill_set_members.drill_id)
  );

drop policy if exists drill_set_members_select on public.drill_set_members;

create policy drill_set_members_select on public.drill_set_members for select to authenticated
  using (
    (select private.is_editor())
    or (
      exists (select 1 from public.drill_sets s where s.id = drill_set_members.set_id and s.is_published)
      and exists (select 1 from public.drills d where d.id = drill_set_members.drill_id)
    )
  );
