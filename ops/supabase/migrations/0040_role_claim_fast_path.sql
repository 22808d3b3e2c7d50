-- migration: 0040_role_claim_fast_path
-- purpose: the access token carries the profile role (user_role claim, custom access token hook); the owner-range bounds look up is_admin() only when the token says admin, so a learner's read pays no profiles lookup
-- rollback: recreate public.get_owner_floor() and public.get_owner_ceiling() as in 0039; drop function public.set_role_claim(jsonb); disable the hook ([auth.hook.custom_access_token] in supabase/config.toml, Authentication > Hooks on hosted)

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

-- Supabase Auth calls this before it issues an access token (supabase/config.toml
-- [auth.hook.custom_access_token]; on hosted projects: Authentication > Hooks). It adds the
-- profile's role as the `user_role` claim, as Supabase's RBAC guide does.
create or replace function public.set_role_claim(event jsonb) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  claims jsonb := coalesce(event -> 'claims', '{}'::jsonb);
  profile_role text;
begin
  select p.role::text into profile_role from public.profiles p where p.id = (event ->> 'user_id')::uuid;
  claims := pg_catalog.jsonb_set(claims, '{user_role}', pg_catalog.to_jsonb(coalesce(profile_role, 'learner')));
  return pg_catalog.jsonb_set(event, '{claims}', claims);
end
$$;
comment on function public.set_role_claim(jsonb) is
  'Custom access token hook: adds the profile role as the user_role claim. Called by Supabase Auth only.';
revoke execute on function public.set_role_claim(jsonb) from public, anon, authenticated, service_role;
do $$
begin
  -- The Auth service's role exists on the platform (and in `supabase start`), not in the local shim.
  if exists (select 1 from pg_catalog.pg_roles where rolname = 'supabase_auth_admin') then
    grant execute on function public.set_role_claim(jsonb) to supabase_auth_admin;
  end if;
end
$$;

-- The claim is a fast negative, the profile stays the authority: without `user_role = admin` in
-- the token the caller is a learner here (no lookup); with it, is_admin() must confirm. A demoted
-- admin loses access at once; a newly promoted one reads other learners' rows of these tables from
-- their next token (at most jwt_expiry, 1 hour). Inlined into the policies (no SET clause, 0039).
create or replace function public.get_owner_floor() returns uuid
language sql stable security invoker
as $$
  select case when auth.jwt() ->> 'user_role' = 'admin'
              then case when public.is_admin() then '00000000-0000-0000-0000-000000000000'::uuid else auth.uid() end
              else auth.uid() end
$$;
comment on function public.get_owner_floor() is
  'Lowest owner id the caller may read: their own id, or the smallest uuid for an admin (user_role claim confirmed by is_admin()). For policies.';

create or replace function public.get_owner_ceiling() returns uuid
language sql stable security invoker
as $$
  select case when auth.jwt() ->> 'user_role' = 'admin'
              then case when public.is_admin() then 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid else auth.uid() end
              else auth.uid() end
$$;
comment on function public.get_owner_ceiling() is
  'Highest owner id the caller may read: their own id, or the largest uuid for an admin (user_role claim confirmed by is_admin()). For policies.';
