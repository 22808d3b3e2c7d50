-- RLS policies on public.practice_packs
-- Mirror of the migrations: `nox -s conventions` checks each statement equals its migration's.

-- from migrations/0011_practice_packs.sql
drop policy if exists practice_packs_select on public.practice_packs;

create policy practice_packs_select on public.practice_packs for select to anon, authenticated
  using (is_published or (select public.is_admin()));

drop policy if exists practice_packs_insert on public.practice_packs;

create policy practice_packs_insert on public.practice_packs for insert to authenticated
  with check ((select public.is_admin()));

drop policy if exists practice_packs_update on public.practice_packs;

create policy practice_packs_update on public.practice_packs for update to authenticated
  using ((select public.is_admin())) with check ((select public.is_admin()));

drop policy if exists practice_packs_delete on public.practice_packs;

create policy practice_packs_delete on public.practice_packs for delete to authenticated
  using ((select public.is_admin()));
