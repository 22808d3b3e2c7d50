-- RLS policies on public.limits
-- Mirror of the migrations (scripts/sync_mirrors.py); `nox -s conventions` checks they agree.

-- from migrations/0017_limits_and_tiers.sql
drop policy if exists limits_select on public.limits;

create policy limits_select on public.limits for select to anon, authenticated using (true);
