-- migration: 0032_owner_range_policies
-- purpose: learner read policies on the busiest tables as an owner-id range, so their (user_id, ...) indexes serve every read
-- rollback: recreate the select policies of attempts, sessions, assignments, skill_estimates, entitlements, daily_usage and profiles as `user_id = (select auth.uid()) or (select public.is_admin())` (0009, 0013, 0017, 0018); drop function public.get_owner_floor(), public.get_owner_ceiling()

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

-- Why a range: `user_id = (select auth.uid()) or (select public.is_admin())` cannot be an index
-- condition, so a learner's unfiltered read scanned all of attempts (1M rows: ~75 ms instead of
-- ~0.4 ms; scripts/bench_rls.py). `user_id between low and high` can: a learner's bounds are both
-- their own id, an admin's span every uuid. Same rows as before for these tables, whose owner
-- column is never null.
create or replace function public.get_owner_floor() returns uuid
language sql stable security invoker
set search_path = ''
as $$
  select case when public.is_admin() then '00000000-0000-0000-0000-000000000000'::uuid else auth.uid() end
$$;
comment on function public.get_owner_floor() is
  'Lowest owner id the caller may read: their own id, or the smallest uuid for an admin. For policies.';

create or replace function public.get_owner_ceiling() returns uuid
language sql stable security invoker
set search_path = ''
as $$
  select case when public.is_admin() then 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid else auth.uid() end
$$;
comment on function public.get_owner_ceiling() is
  'Highest owner id the caller may read: their own id, or the largest uuid for an admin. For policies.';

revoke execute on function public.get_owner_floor(), public.get_owner_ceiling() from public, anon;
grant execute on function public.get_owner_floor(), public.get_owner_ceiling() to authenticated, service_role;

drop policy if exists attempts_select on public.attempts;
create policy attempts_select on public.attempts for select to authenticated
  using (user_id between (select public.get_owner_floor()) and (select public.get_owner_ceiling()));

drop policy if exists sessions_select on public.sessions;
create policy sessions_select on public.sessions for select to authenticated
  using (user_id between (select public.get_owner_floor()) and (select public.get_owner_ceiling()));

drop policy if exists assignments_select on public.assignments;
create policy assignments_select on public.assignments for select to authenticated
  using (user_id between (select public.get_owner_floor()) and (select public.get_owner_ceiling()));

drop policy if exists skill_estimates_select on public.skill_estimates;
create policy skill_estimates_select on public.skill_estimates for select to authenticated
  using (user_id between (select public.get_owner_floor()) and (select public.get_owner_ceiling()));

drop policy if exists entitlements_select on public.entitlements;
create policy entitlements_select on public.entitlements for select to authenticated
  using (user_id between (select public.get_owner_floor()) and (select public.get_owner_ceiling()));

drop policy if exists daily_usage_select on public.daily_usage;
create policy daily_usage_select on public.daily_usage for select to authenticated
  using (user_id between (select public.get_owner_floor()) and (select public.get_owner_ceiling()));

drop policy if exists profiles_select on public.profiles;
create policy profiles_select on public.profiles for select to authenticated
  using (id between (select public.get_owner_floor()) and (select public.get_owner_ceiling()));
