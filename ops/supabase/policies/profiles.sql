-- RLS policies on public.profiles
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists profiles_update on public.profiles;

create policy profiles_update on public.profiles for update to authenticated
  using (id = (select auth.uid()) or (select private.is_admin()))
  with check (id = (select auth.uid()) or (select private.is_admin()));

drop policy if exists profiles_select on public.profiles;

create policy profiles_select on public.profiles for select to authenticated
  using (id between
    (select case when (select auth.jwt()) ->> 'user_role' = 'admin' and (select private.is_admin())
     then '00000000-0000-0000-0000-000000000000'::uuid else (select auth.uid()) end)
    and
    (select case when (select auth.jwt()) ->> 'user_role' = 'admin' and (select private.is_admin())
     then 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid else (select auth.uid()) end));
