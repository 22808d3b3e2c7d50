-- RLS policies on public.skill_estimates
-- Mirror of the migrations (scripts/sync_mirrors.py); `nox -s conventions` checks they agree.

-- from migrations/0013_adaptive_and_diagnostics.sql
drop policy if exists skill_estimates_select on public.skill_estimates;

create policy skill_estimates_select on public.skill_estimates for select to authenticated
  using (user_id = (select auth.uid()) or (select public.is_admin()));
