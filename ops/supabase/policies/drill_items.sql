-- RLS policies on public.drill_items
-- Mirror of the migrations: `nox -s conventions` checks each statement equals its migration's.

-- from migrations/0009_rls_policies.sql
drop policy if exists drill_items_select on public.drill_items;

create policy drill_items_select on public.drill_items for select to anon, authenticated
  using ((select public.is_editor()) or exists (
    select 1 from public.drills d where d.id = drill_id and d.is_published));

drop policy if exists drill_items_write on public.drill_items;

create policy drill_items_write on public.drill_items for all to authenticated
  using ((select public.is_editor())) with check ((select public.is_editor()));
