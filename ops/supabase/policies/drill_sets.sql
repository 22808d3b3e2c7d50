-- RLS policies on public.drill_sets
-- Mirror of the migrations: `nox -s conventions` checks each statement equals its migration's.

-- from migrations/0009_rls_policies.sql
drop policy if exists drill_sets_select on public.drill_sets;

create policy drill_sets_select on public.drill_sets for select to anon, authenticated
  using (is_published or (select public.is_editor()));

drop policy if exists drill_sets_write on public.drill_sets;

create policy drill_sets_write on public.drill_sets for all to authenticated
  using ((select public.is_admin())) with check ((select public.is_admin()));
