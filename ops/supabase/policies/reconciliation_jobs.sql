-- RLS policies on public.reconciliation_jobs
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists reconciliation_jobs_admin_select on public.reconciliation_jobs;

create policy reconciliation_jobs_admin_select on public.reconciliation_jobs for select to authenticated
  using ((select private.is_admin()));
