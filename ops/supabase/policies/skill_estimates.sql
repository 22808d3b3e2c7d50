-- RLS policies on public.skill_estimates
-- Mirror of the migrations: `nox -s conventions` checks each statement equals its migration's.

-- from migrations/0013_adaptive_and_diagnostics.sql
drop policy if exists skill_estimates_select on public.skill_estimates;

create policy skill_estimates_select on public.skill_estimates for select to authenticated
  using (user_id = (select auth.uid()) or (select public.is_admin()));
