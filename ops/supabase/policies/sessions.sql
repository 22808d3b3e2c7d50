-- RLS policies on public.sessions
-- Mirror of the migrations (scripts/sync_mirrors.py); `nox -s conventions` checks they agree.

-- from migrations/0032_owner_range_policies.sql
drop policy if exists sessions_select on public.sessions;

create policy sessions_select on public.sessions for select to authenticated
  using (user_id between (select public.get_owner_floor()) and (select public.get_owner_ceiling()));
