-- RLS policies on public.events
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0009_rls_policies.sql
drop policy if exists events_insert on public.events;

create policy events_insert on public.events for insert to authenticated
  with check (user_id = (select auth.uid()));

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists events_select on public.events;

create policy events_select on public.events for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));
