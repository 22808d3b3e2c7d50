-- RLS policies on public.limits
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0017_limits_and_tiers.sql
drop policy if exists limits_select on public.limits;

create policy limits_select on public.limits for select to anon, authenticated using (true);
