-- RLS policies on public.tiers
-- Mirror of the migrations (scripts/sync_mirrors.py); `nox -s conventions` checks they agree.

-- from migrations/0017_limits_and_tiers.sql
drop policy if exists tiers_select on public.tiers;

create policy tiers_select on public.tiers for select to anon, authenticated using (true);
