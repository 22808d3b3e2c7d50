-- RLS policies on public.daily_usage
-- Mirror of the migrations: `nox -s conventions` checks each statement equals its migration's.

-- from migrations/0017_limits_and_tiers.sql
drop policy if exists daily_usage_select on public.daily_usage;

create policy daily_usage_select on public.daily_usage for select to authenticated
  using (user_id = (select auth.uid()) or (select public.is_admin()));
