-- RLS policies on public.practice_packs
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0011_practice_packs.sql
drop policy if exists practice_packs_select_anon on public.practice_packs;

create policy practice_packs_select_anon on public.practice_packs for select to anon
  using (is_published);

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists practice_packs_insert on public.practice_packs;

create policy practice_packs_insert on public.practice_packs for insert to authenticated
  with check ((select private.is_admin()));

drop policy if exists practice_packs_update on public.practice_packs;

create policy practice_packs_update on public.practice_packs for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));

drop policy if exists practice_packs_delete on public.practice_packs;

create policy practice_packs_delete on public.practice_packs for delete to authenticated
  using ((select private.is_admin()));

drop policy if exists practice_packs_select on public.practice_packs;

create policy practice_packs_select on public.practice_packs for select to authenticated
  using (is_published or (select private.is_editor()));
