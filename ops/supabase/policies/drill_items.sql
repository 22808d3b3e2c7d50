-- RLS policies on public.drill_items
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0034_paywall.sql
drop policy if exists drill_items_select_anon on public.drill_items;

create policy drill_items_select_anon on public.drill_items for select to anon
  using (exists (select 1 from public.drills d where d.id = drill_items.drill_id));

drop policy if exists drill_items_select on public.drill_items;

create policy drill_items_select on public.drill_items for select to authenticated
  using (exists (select 1 from public.drills d where d.id = drill_items.drill_id));

-- from migrations/0048_editorial_second_person.sql
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
