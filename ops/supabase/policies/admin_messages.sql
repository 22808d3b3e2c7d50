-- RLS policies on public.admin_messages
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists admin_messages_select on public.admin_messages;

create policy admin_messages_select on public.admin_messages for select to authenticated
  using (recipient_id is null or recipient_id = (select auth.uid()) or (select private.is_admin()));

drop policy if exists admin_messages_insert on public.admin_messages;

create policy admin_messages_insert on public.admin_messages for insert to authenticated
  with check ((select private.is_admin()));

drop policy if exists admin_messages_update on public.admin_messages;

create policy admin_messages_update on public.admin_messages for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));

drop policy if exists admin_messages_delete on public.admin_messages;

create policy admin_messages_delete on public.admin_messages for delete to authenticated
  using ((select private.is_admin()));
