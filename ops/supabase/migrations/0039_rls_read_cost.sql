-- migration: 0039_rls_read_cost
-- purpose: the owner-range bounds of 0032 inline into the policies (no SET clause), halving the fixed RLS cost per learner read
-- rollback: recreate public.get_owner_floor() and public.get_owner_ceiling() as in 0032 (with set search_path = '')

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

-- A function with a SET clause is never inlined: each bound cost two calls with a search_path switch
-- each (~19 us), twice per request. Without it the planner inlines the body into the policy's initplan
-- and only the definer is_admin() lookup remains (~9 us). Safe without a pinned search_path: the body
-- names only schema-qualified objects and runs with the caller's rights (security invoker).
create or replace function public.get_owner_floor() returns uuid
language sql stable security invoker
as $$
  select case when public.is_admin() then '00000000-0000-0000-0000-000000000000'::uuid else auth.uid() end
$$;
comment on function public.get_owner_floor() is
  'Lowest owner id the caller may read: their own id, or the smallest uuid for an admin. For policies; inlined (no SET clause).';

create or replace function public.get_owner_ceiling() returns uuid
language sql stable security invoker
as $$
  select case when public.is_admin() then 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid else auth.uid() end
$$;
comment on function public.get_owner_ceiling() is
  'Highest owner id the caller may read: their own id, or the largest uuid for an admin. For policies; inlined (no SET clause).';
