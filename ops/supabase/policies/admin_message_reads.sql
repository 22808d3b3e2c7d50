-- RLS policies on public.admin_message_reads
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0009_rls_policies.sql
drop policy if exists admin_message_reads_delete on public.admin_message_reads;

create policy admin_message_reads_delete on public.admin_message_reads for delete to authenticated
  using (user_id = (select auth.uid()));

-- from migrations/0036_server_owned_columns.sql
drop policy if exists admin_message_reads_insert on public.admin_message_reads;

create policy admin_message_reads_insert on public.admin_message_reads for insert to authenticated
  with check (user_id = (select auth.uid()) and exists (
    select 1 from public.admin_messages m where m.id = admin_message_reads.message_id));

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists admin_message_reads_select on public.admin_message_reads;

create policy admin_message_reads_select on public.admin_message_reads for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));
