-- RLS policies on public.admin_messages
-- Mirror of the migrations: `nox -s conventions` checks each statement equals its migration's.

-- from migrations/0009_rls_policies.sql
drop policy if exists admin_messages_select on public.admin_messages;

create policy admin_messages_select on public.admin_messages for select to authenticated
  using (recipient_id is null or recipient_id = (select auth.uid()) or (select public.is_admin()));

drop policy if exists admin_messages_write on public.admin_messages;

create policy admin_messages_write on public.admin_messages for all to authenticated
  using ((select public.is_admin())) with check ((select public.is_admin()));
