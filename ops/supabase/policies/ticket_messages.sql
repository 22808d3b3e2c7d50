-- RLS policies on public.ticket_messages
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists ticket_messages_select on public.ticket_messages;

create policy ticket_messages_select on public.ticket_messages for select to authenticated
  using ((select private.is_admin()) or exists (
    select 1 from public.support_tickets t where t.id = ticket_messages.ticket_id and t.user_id = (select auth.uid())));

drop policy if exists ticket_messages_insert on public.ticket_messages;

create policy ticket_messages_insert on public.ticket_messages for insert to authenticated
  with check (author_id = (select auth.uid()) and ((select private.is_admin()) or exists (
    select 1 from public.support_tickets t where t.id = ticket_messages.ticket_id and t.user_id = (select auth.uid())))
    );
