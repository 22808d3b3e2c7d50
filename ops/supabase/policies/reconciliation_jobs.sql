-- RLS policies on public.reconciliation_jobs
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0023_reconciliation_jobs.sql
drop policy if exists reconciliation_jobs_admin_select on public.reconciliation_jobs;

create policy reconciliation_jobs_admin_select on public.reconciliation_jobs for select to authenticated
  using ((select public.is_admin()));
