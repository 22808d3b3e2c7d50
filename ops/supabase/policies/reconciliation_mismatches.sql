-- RLS policies on public.reconciliation_mismatches
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0023_reconciliation_jobs.sql
drop policy if exists reconciliation_mismatches_admin_select on public.reconciliation_mismatches;

create policy reconciliation_mismatches_admin_select on public.reconciliation_mismatches for select to authenticated
  using ((select public.is_admin()));
