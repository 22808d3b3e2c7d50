-- RLS policies on public.reconciliation_mismatches
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists reconciliation_mismatches_admin_select on public.reconciliation_mismatches;

create policy reconciliation_mismatches_admin_select on public.reconciliation_mismatches for select to authenticated
  using ((select private.is_admin()));
