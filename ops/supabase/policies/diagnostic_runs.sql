-- RLS policies on public.diagnostic_runs
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0013_adaptive_and_diagnostics.sql
drop policy if exists diagnostic_runs_insert on public.diagnostic_runs;

create policy diagnostic_runs_insert on public.diagnostic_runs for insert to authenticated
  with check (user_id = (select auth.uid()));

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists diagnostic_runs_select on public.diagnostic_runs;

create policy diagnostic_runs_select on public.diagnostic_runs for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));
