-- RLS policies on public.tiers
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0017_limits_and_tiers.sql
drop policy if exists tiers_select on public.tiers;

create policy tiers_select on public.tiers for select to anon, authenticated using (true);
