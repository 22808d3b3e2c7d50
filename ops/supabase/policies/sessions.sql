-- RLS policies on public.sessions
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0032_owner_range_policies.sql
drop policy if exists sessions_select on public.sessions;

create policy sessions_select on public.sessions for select to authenticated
  using (user_id between (select public.get_owner_floor()) and (select public.get_owner_ceiling()));
