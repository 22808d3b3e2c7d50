-- Supabase platform roles for a plain Postgres cluster (cluster-wide, run once by a superuser).
--
-- The installer runs this only on a cluster that lacks the platform roles; where they exist
-- (the supabase/postgres image, a local stack, hosted) nothing here runs and no role is altered.
-- Attributes and memberships as the platform has them (supabase/postgres
-- nix/tests/expected/roles.out and the role migrations to 2026).

-- Hosted's `postgres` is not a superuser. Where `postgres` already exists (a plain image whose bootstrap
-- superuser it is) it is left as it is, as is every role that exists.
do $$
declare
  role text[];
begin
  foreach role slice 1 in array array[
    ['anon', 'nologin'],
    ['authenticated', 'nologin'],
    ['service_role', 'nologin bypassrls'],
    ['authenticator', 'login noinherit'],
    ['supabase_auth_admin', 'login noinherit createrole noreplication'],
    ['supabase_storage_admin', 'login noinherit createrole noreplication'],
    ['postgres', 'nosuperuser createdb createrole login replication bypassrls'],
    -- the rest of the hosted set (a project's dump names them: grants on public, owners, policies)
    ['supabase_functions_admin', 'login noinherit createrole noreplication'],
    ['supabase_realtime_admin', 'login noinherit createrole replication'],
    ['supabase_replication_admin', 'login replication'],
    ['supabase_read_only_user', 'login bypassrls'],
    ['dashboard_user', 'nologin createdb createrole replication'],
    ['pgbouncer', 'login']]
  loop
    if not exists (select 1 from pg_roles where rolname = role[1]) then
      execute format('create role %I %s', role[1], role[2]);
    end if;
  end loop;
end
$$;

alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';
alter role authenticator set lock_timeout = '8s';
alter role postgres set search_path = "$user", public, extensions;

grant anon, authenticated, service_role to authenticator;
grant anon, authenticated, service_role to supabase_realtime_admin;
grant create on database postgres to supabase_realtime_admin;  -- the project's database (clones do not copy it)
grant pg_read_all_data to supabase_read_only_user;
grant anon, authenticated, service_role to postgres with admin option;
grant pg_read_all_data, pg_signal_backend, pg_monitor to postgres;
-- Restores load rows with triggers off (pg_restore under session_replication_role = replica), as the
-- platform lets postgres do.
grant set on parameter session_replication_role to postgres;
