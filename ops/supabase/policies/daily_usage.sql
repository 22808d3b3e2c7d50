-- RLS policies on public.daily_usage
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0032_owner_range_policies.sql
drop policy if exists daily_usage_select on public.daily_usage;

create policy daily_usage_select on public.daily_usage for select to authenticated
  using (user_id between (select public.get_owner_floor()) and (select public.get_owner_ceiling()));
