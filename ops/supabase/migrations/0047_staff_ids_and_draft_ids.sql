-- migration: 0047_staff_ids_and_draft_ids
-- purpose: learners and anon never see a staff member's user id (drills.created_by/reviewed_by, admin_messages.sender_id: selectable by service_role only; sender_id stamped by the server) and membership rows of sets and packs never reveal a draft's id
-- rollback: grant select on public.drills, public.admin_messages and insert, update on public.admin_messages to authenticated; recreate the select policies of drill_set_members (0009, 0044) and pack_drills (0044)

-- Fail fast instead of queueing behind a lock on a busy table (squawk requires both).
set local lock_timeout = '5s';
set local statement_timeout = '120s';

-- Staff ids are the server's. Column privileges cannot tell a learner from an admin (both are
-- `authenticated`), so no client role selects them: clients list the columns they read
-- (`select=id,slug,title,...`; `select=*` is refused), staff read the review trail in drill_revisions
-- (actor_id of every step, creation included: 0048), the admin console reads senders with the
-- service key. Policies may still use these columns (they are not subject to column privileges).
revoke select on public.drills from authenticated;
grant select (
  id, slug, title, skill, level, is_published, status, published_at, embedding, created_at, updated_at
) on public.drills to authenticated;

-- As assignments.assigned_by (0042): the sender is the admin whose token sent it (the column's default
-- since 0006); clients no longer write it.
revoke select, insert, update on public.admin_messages from authenticated;
grant select (id, recipient_id, title, body, created_at) on public.admin_messages to authenticated;
grant insert (id, recipient_id, title, body) on public.admin_messages to authenticated;
grant update (recipient_id, title, body) on public.admin_messages to authenticated;

-- Membership rows are visible when their drill is: the subquery runs under the drills policies
-- (drafts, paywalled drills and those only unpublished packs hold stay hidden, with their ids).
drop policy if exists drill_set_members_select_anon on public.drill_set_members;
create policy drill_set_members_select_anon on public.drill_set_members for select to anon
  using (
    exists (select 1 from public.drill_sets s where s.id = drill_set_members.set_id and s.is_published)
    and exists (select 1 from public.drills d where d.id = drill_set_members.drill_id)
  );
drop policy if exists drill_set_members_select on public.drill_set_members;
create policy drill_set_members_select on public.drill_set_members for select to authenticated
  using (
    (select private.is_editor())
    or (
      exists (select 1 from public.drill_sets s where s.id = drill_set_members.set_id and s.is_published)
      and exists (select 1 from public.drills d where d.id = drill_set_members.drill_id)
    )
  );

drop policy if exists pack_drills_select_anon on public.pack_drills;
create policy pack_drills_select_anon on public.pack_drills for select to anon
  using (private.can_read_pack(pack_id) and exists (select 1 from public.drills d where d.id = pack_drills.drill_id));
drop policy if exists pack_drills_select on public.pack_drills;
create policy pack_drills_select on public.pack_drills for select to authenticated
  using (
    (select private.is_editor())
    or (private.can_read_pack(pack_id) and exists (select 1 from public.drills d where d.id = pack_drills.drill_id))
  );
