-- RLS policies on public.assignments
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0009_rls_policies.sql
drop policy if exists assignments_insert on public.assignments;

create policy assignments_insert on public.assignments for insert to authenticated
  with check ((select public.is_admin()));

drop policy if exists assignments_update on public.assignments;

create policy assignments_update on public.assignments for update to authenticated
  using (user_id = (select auth.uid()) or (select public.is_admin()))
  with check (user_id = (select auth.uid()) or (select public.is_admin()));

drop policy if exists assignments_delete on public.assignments;

create policy assignments_delete on public.assignments for delete to authenticated
  using ((select public.is_admin()));

-- from migrations/0032_owner_range_policies.sql
drop policy if exists assignments_select on public.assignments;

create policy assignments_select on public.assignments for select to authenticated
  using (user_id between (select public.get_owner_floor()) and (select public.get_owner_ceiling()));
