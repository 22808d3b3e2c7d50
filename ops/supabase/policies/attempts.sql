-- RLS policies on public.attempts
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0036_server_owned_columns.sql
drop policy if exists attempts_insert on public.attempts;

create policy attempts_insert on public.attempts for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and (session_id is null or exists (
      select 1 from public.sessions s where s.id = attempts.session_id and s.user_id = (select auth.uid())))
    and (drill_id is null or exists (select 1 from public.drills d where d.id = attempts.drill_id))
  );

-- from migrations/0041_own_attempts_by_equality.sql
drop policy if exists attempts_select on public.attempts;

create policy attempts_select on public.attempts for select to authenticated
  using (user_id = (select auth.uid()));
