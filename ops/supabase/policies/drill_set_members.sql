-- RLS policies on public.drill_set_members
-- Mirror of the migrations: `nox -s conventions` checks each statement equals its migration's.

-- from migrations/0009_rls_policies.sql
drop policy if exists drill_set_members_select on public.drill_set_members;

create policy drill_set_members_select on public.drill_set_members for select to anon, authenticated
  using ((select public.is_editor()) or exists (
    select 1 from public.drill_sets s where s.id = set_id and s.is_published));

drop policy if exists drill_set_members_write on public.drill_set_members;

create policy drill_set_members_write on public.drill_set_members for all to authenticated
  using ((select public.is_admin())) with check ((select public.is_admin()));
