-- RLS policies on public.sessions
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists sessions_select on public.sessions;

create policy sessions_select on public.sessions for select to authenticated
  using (user_id between
    (select case when (select auth.jwt()) ->> 'user_role' = 'admin' and (select private.is_admin())
     then '00000000-0000-0000-0000-000000000000'::uuid else (select auth.uid()) end)
    and
    (select case when (select auth.jwt()) ->> 'user_role' = 'admin' and (select private.is_admin())
     then 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid else (select auth.uid()) end));
