-- RLS policies on public.assignments
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists assignments_insert on public.assignments;

create policy assignments_insert on public.assignments for insert to authenticated
  with check ((select private.is_admin()));

drop policy if exists assignments_update on public.assignments;

create policy assignments_update on public.assignments for update to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()))
  with check (user_id = (select auth.uid()) or (select private.is_admin()));

drop policy if exists assignments_delete on public.assignments;

create policy assignments_delete on public.assignments for delete to authenticated
  using ((select private.is_admin()));

drop policy if exists assignments_select on public.assignments;

create policy assignments_select on public.assignments for select to authenticated
  using (user_id between
    (select case when (select auth.jwt()) ->> 'user_role' = 'admin' and (select private.is_admin())
     then '00000000-0000-0000-0000-000000000000'::uuid else (select auth.uid()) end)
    and
    (select case when (select auth.jwt()) ->> 'user_role' = 'admin' and (select private.is_admin())
     then 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid else (select auth.uid()) end));
