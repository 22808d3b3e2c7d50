-- migration: 0009_rls_policies
-- purpose: row level security policies for the tables of 0001-0006 (mirrored in ops/supabase/policies/)
-- rollback: drop each policy below (tables stay RLS-enabled and then deny everything but service_role)

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

-- events: insert and read own; admins read all
drop policy if exists events_select on public.events;
create policy events_select on public.events for select to authenticated
  using (user_id = (select auth.uid()) or (select public.is_admin()));
drop policy if exists events_insert on public.events;
create policy events_insert on public.events for insert to authenticated
  with check (user_id = (select auth.uid()));
revoke all on public.events from anon, authenticated;
grant select, insert on public.events to authenticated;
grant all on public.events to service_role;

-- coaches: published ones are public; admins manage
drop policy if exists coaches_select_anon on public.coaches;
create policy coaches_select_anon on public.coaches for select to anon
  using (is_published);
drop policy if exists coaches_select on public.coaches;
create policy coaches_select on public.coaches for select to authenticated
  using (is_published or (select public.is_admin()));
drop policy if exists coaches_insert on public.coaches;
create policy coaches_insert on public.coaches for insert to authenticated
  with check ((select public.is_admin()));
drop policy if exists coaches_update on public.coaches;
create policy coaches_update on public.coaches for update to authenticated
  using ((select public.is_admin())) with check ((select public.is_admin()));
drop policy if exists coaches_delete on public.coaches;
create policy coaches_delete on public.coaches for delete to authenticated
  using ((select public.is_admin()));

-- profiles: read and update own (role guarded by trigger); admins all
drop policy if exists profiles_select on public.profiles;
create policy profiles_select on public.profiles for select to authenticated
  using (id = (select auth.uid()) or (select public.is_admin()));
drop policy if exists profiles_update on public.profiles;
create policy profiles_update on public.profiles for update to authenticated
  using (id = (select auth.uid()) or (select public.is_admin()))
  with check (id = (select auth.uid()) or (select public.is_admin()));

-- sessions: read own (writes only through start_session / finish_session); admins read all
drop policy if exists sessions_select on public.sessions;
create policy sessions_select on public.sessions for select to authenticated
  using (user_id = (select auth.uid()) or (select public.is_admin()));

-- attempts: read and insert own, into own sessions only
drop policy if exists attempts_select on public.attempts;
create policy attempts_select on public.attempts for select to authenticated
  using (user_id = (select auth.uid()) or (select public.is_admin()));
drop policy if exists attempts_insert on public.attempts;
create policy attempts_insert on public.attempts for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and (session_id is null or exists (
      select 1 from public.sessions s where s.id = attempts.session_id and s.user_id = (select auth.uid())))
  );

-- drills and their content: published rows public; editors and admins see and write drafts
drop policy if exists drills_select_anon on public.drills;
create policy drills_select_anon on public.drills for select to anon
  using (is_published);
drop policy if exists drills_select on public.drills;
create policy drills_select on public.drills for select to authenticated
  using (is_published or (select public.is_editor()));
drop policy if exists drills_insert on public.drills;
create policy drills_insert on public.drills for insert to authenticated
  with check ((select public.is_editor()));
drop policy if exists drills_update on public.drills;
create policy drills_update on public.drills for update to authenticated
  using ((select public.is_editor())) with check ((select public.is_editor()));
drop policy if exists drills_delete on public.drills;
create policy drills_delete on public.drills for delete to authenticated
  using ((select public.is_admin()));

drop policy if exists drill_items_select_anon on public.drill_items;
create policy drill_items_select_anon on public.drill_items for select to anon
  using (exists (
    select 1 from public.drills d where d.id = drill_items.drill_id and d.is_published));
drop policy if exists drill_items_select on public.drill_items;
create policy drill_items_select on public.drill_items for select to authenticated
  using ((select public.is_editor()) or exists (
    select 1 from public.drills d where d.id = drill_items.drill_id and d.is_published));
drop policy if exists drill_items_write on public.drill_items;
drop policy if exists drill_items_insert on public.drill_items;
create policy drill_items_insert on public.drill_items for insert to authenticated
  with check ((select public.is_editor()));
drop policy if exists drill_items_update on public.drill_items;
create policy drill_items_update on public.drill_items for update to authenticated
  using ((select public.is_editor())) with check ((select public.is_editor()));
drop policy if exists drill_items_delete on public.drill_items;
create policy drill_items_delete on public.drill_items for delete to authenticated
  using ((select public.is_editor()));

drop policy if exists drill_sets_select_anon on public.drill_sets;
create policy drill_sets_select_anon on public.drill_sets for select to anon
  using (is_published);
drop policy if exists drill_sets_select on public.drill_sets;
create policy drill_sets_select on public.drill_sets for select to authenticated
  using (is_published or (select public.is_editor()));
drop policy if exists drill_sets_write on public.drill_sets;
drop policy if exists drill_sets_insert on public.drill_sets;
create policy drill_sets_insert on public.drill_sets for insert to authenticated
  with check ((select public.is_admin()));
drop policy if exists drill_sets_update on public.drill_sets;
create policy drill_sets_update on public.drill_sets for update to authenticated
  using ((select public.is_admin())) with check ((select public.is_admin()));
drop policy if exists drill_sets_delete on public.drill_sets;
create policy drill_sets_delete on public.drill_sets for delete to authenticated
  using ((select public.is_admin()));

drop policy if exists drill_set_members_select_anon on public.drill_set_members;
create policy drill_set_members_select_anon on public.drill_set_members for select to anon
  using (exists (
    select 1 from public.drill_sets s where s.id = drill_set_members.set_id and s.is_published));
drop policy if exists drill_set_members_select on public.drill_set_members;
create policy drill_set_members_select on public.drill_set_members for select to authenticated
  using ((select public.is_editor()) or exists (
    select 1 from public.drill_sets s where s.id = drill_set_members.set_id and s.is_published));
drop policy if exists drill_set_members_write on public.drill_set_members;
drop policy if exists drill_set_members_insert on public.drill_set_members;
create policy drill_set_members_insert on public.drill_set_members for insert to authenticated
  with check ((select public.is_admin()));
drop policy if exists drill_set_members_update on public.drill_set_members;
create policy drill_set_members_update on public.drill_set_members for update to authenticated
  using ((select public.is_admin())) with check ((select public.is_admin()));
drop policy if exists drill_set_members_delete on public.drill_set_members;
create policy drill_set_members_delete on public.drill_set_members for delete to authenticated
  using ((select public.is_admin()));

-- assignments: learner reads own and moves status; admins create and manage
drop policy if exists assignments_select on public.assignments;
create policy assignments_select on public.assignments for select to authenticated
  using (user_id = (select auth.uid()) or (select public.is_admin()));
drop policy if exists assignments_insert on public.assignments;
create policy assignments_insert on public.assignments for insert to authenticated
  with check ((select public.is_admin()));
drop policy if exists assignments_update on public.assignments;
create policy assignments_update on public.assignments for update to authenticated
  using (user_id = (select auth.uid()) or (select public.is_admin()))
  with check (user_id = (select auth.uid()) or (select public.is_admin()));
drop policy if exists assignments_delete on public.assignments;
create policy assignments_delete on public.assignments for delete to authenticated
  using ((select public.is_admin()));

-- support: learner opens and reads own tickets and writes messages on them; staff fields admin-only
drop policy if exists support_tickets_select on public.support_tickets;
create policy support_tickets_select on public.support_tickets for select to authenticated
  using (user_id = (select auth.uid()) or (select public.is_admin()));
drop policy if exists support_tickets_insert on public.support_tickets;
create policy support_tickets_insert on public.support_tickets for insert to authenticated
  with check (user_id = (select auth.uid()));
drop policy if exists support_tickets_update on public.support_tickets;
create policy support_tickets_update on public.support_tickets for update to authenticated
  using ((select public.is_admin())) with check ((select public.is_admin()));
drop policy if exists support_tickets_delete on public.support_tickets;
create policy support_tickets_delete on public.support_tickets for delete to authenticated
  using ((select public.is_admin()));

drop policy if exists ticket_messages_select on public.ticket_messages;
create policy ticket_messages_select on public.ticket_messages for select to authenticated
  using ((select public.is_admin()) or exists (
    select 1 from public.support_tickets t where t.id = ticket_messages.ticket_id and t.user_id = (select auth.uid())));
drop policy if exists ticket_messages_insert on public.ticket_messages;
create policy ticket_messages_insert on public.ticket_messages for insert to authenticated
  with check (author_id = (select auth.uid()) and ((select public.is_admin()) or exists (
    select 1 from public.support_tickets t where t.id = ticket_messages.ticket_id and t.user_id = (select auth.uid())))
    );

drop policy if exists ticket_internal_notes_admin on public.ticket_internal_notes;
create policy ticket_internal_notes_admin on public.ticket_internal_notes for all to authenticated
  using ((select public.is_admin())) with check ((select public.is_admin()));

-- admin messages: learner reads own and broadcasts; only admins write
drop policy if exists admin_messages_select on public.admin_messages;
create policy admin_messages_select on public.admin_messages for select to authenticated
  using (recipient_id is null or recipient_id = (select auth.uid()) or (select public.is_admin()));
drop policy if exists admin_messages_write on public.admin_messages;
drop policy if exists admin_messages_insert on public.admin_messages;
create policy admin_messages_insert on public.admin_messages for insert to authenticated
  with check ((select public.is_admin()));
drop policy if exists admin_messages_update on public.admin_messages;
create policy admin_messages_update on public.admin_messages for update to authenticated
  using ((select public.is_admin())) with check ((select public.is_admin()));
drop policy if exists admin_messages_delete on public.admin_messages;
create policy admin_messages_delete on public.admin_messages for delete to authenticated
  using ((select public.is_admin()));

drop policy if exists admin_message_reads_select on public.admin_message_reads;
create policy admin_message_reads_select on public.admin_message_reads for select to authenticated
  using (user_id = (select auth.uid()) or (select public.is_admin()));
drop policy if exists admin_message_reads_insert on public.admin_message_reads;
create policy admin_message_reads_insert on public.admin_message_reads for insert to authenticated
  with check (user_id = (select auth.uid()));
drop policy if exists admin_message_reads_delete on public.admin_message_reads;
create policy admin_message_reads_delete on public.admin_message_reads for delete to authenticated
  using (user_id = (select auth.uid()));

alter table public.events enable row level security;
