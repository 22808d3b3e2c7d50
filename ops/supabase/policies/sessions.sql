-- RLS policies on public.sessions
-- Mirror of the migrations (scripts/sync_mirrors.py); `nox -s conventions` checks they agree.

-- from migrations/0009_rls_policies.sql
drop policy if exists sessions_select on public.sessions;

create policy sessions_select on public.sessions for select to authenticated
  using (user_id = (select auth.uid()) or (select public.is_admin()));
