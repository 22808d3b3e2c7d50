-- migration: 0049_revoke_ledger_writes_from_service_role
-- purpose: service_role loses UPDATE and DELETE on the append-only entitlement_ledger, as its access-matrix entry says (rule PC306)
-- rollback: grant update, delete on public.entitlement_ledger to service_role (the append-only trigger still refuses both)

-- Fail fast instead of queueing behind a lock on a busy table (squawk requires both).
set local lock_timeout = '5s';
set local statement_timeout = '120s';

-- 0018 granted service_role ALL on the ledger and let the entitlement_ledger_append_only trigger refuse
-- updates and deletes. The matrix allows service_role select and insert only: the privileges now say so
-- too, so a disabled trigger or a future change to it cannot open the ledger to rewrites.
revoke update, delete on public.entitlement_ledger from service_role;
