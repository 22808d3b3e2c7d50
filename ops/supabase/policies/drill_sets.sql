-- RLS policies on public.drill_sets
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0009_rls_policies.sql
drop policy if exists drill_sets_select_anon on public.drill_sets;

create policy drill_sets_select_anon on public.drill_sets for select to anon
  using (is_published);

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists drill_sets_select on public.drill_sets;

create policy drill_sets_select on public.drill_sets for select to authenticated
  using (is_published or (select private.is_editor()));

drop policy if exists drill_sets_insert on public.drill_sets;

create policy drill_sets_insert on public.drill_sets for insert to authenticated
  with check ((select private.is_admin()));

drop policy if exists drill_sets_update on public.drill_sets;

create policy drill_sets_update on public.drill_sets for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));

drop policy if exists drill_sets_delete on public.drill_sets;

create policy drill_sets_delete on public.drill_sets for delete to authenticated
  using ((select private.is_admin()));
