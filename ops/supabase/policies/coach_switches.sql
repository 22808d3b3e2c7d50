-- RLS policies on public.coach_switches
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists coach_switches_select on public.coach_switches;

create policy coach_switches_select on public.coach_switches for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));
