-- migration: 0042_assignments_assigned_by_stamped
-- purpose: an assignment's assigned_by is the assigning admin's auth.uid(), stamped by the server; clients no longer write assigned_by, status or the timestamps on insert
-- rollback: grant insert on public.assignments to authenticated; alter table public.assignments alter column assigned_by drop default

-- Fail fast instead of queueing behind a lock on a busy table (squawk requires both).
set local lock_timeout = '5s';
set local statement_timeout = '120s';

-- Who writes which column: ops/docs/server-owned-columns.md. As drills.created_by (0035), the
-- default takes the caller's id from the token; service_role (the core service) may still name one.
alter table public.assignments alter column assigned_by set default auth.uid();
revoke insert on public.assignments from authenticated;
grant insert (id, user_id, drill_id, set_id, due_at) on public.assignments to authenticated;
