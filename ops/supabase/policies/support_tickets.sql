-- RLS policies on public.support_tickets
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0009_rls_policies.sql
drop policy if exists support_tickets_insert on public.support_tickets;

create policy support_tickets_insert on public.support_tickets for insert to authenticated
  with check (user_id = (select auth.uid()));

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists support_tickets_select on public.support_tickets;

create policy support_tickets_select on public.support_tickets for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));

drop policy if exists support_tickets_update on public.support_tickets;

create policy support_tickets_update on public.support_tickets for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));

drop policy if exists support_tickets_delete on public.support_tickets;

create policy support_tickets_delete on public.support_tickets for delete to authenticated
  using ((select private.is_admin()));
