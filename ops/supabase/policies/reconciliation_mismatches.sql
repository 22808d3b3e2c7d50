-- RLS policies on public.reconciliation_mismatches
-- Mirror of the migrations (scripts/sync_mirrors.py); `nox -s conventions` checks they agree.

-- from migrations/0023_reconciliation_jobs.sql
drop policy if exists reconciliation_mismatches_admin_select on public.reconciliation_mismatches;

create policy reconciliation_mismatches_admin_select on public.reconciliation_mismatches for select to authenticated
  using ((select public.is_admin()));
