-- Supabase platform roles for a plain Postgres cluster (cluster-wide, run once by a superuser).
--
-- The installer runs this only on a cluster that lacks the platform roles; where they exist
-- (the supabase/postgres image, a local stack, hosted) nothing here runs and no role is altered.
-- Attributes and memberships as the platform has them (supabase/postgres
-- nix/tests/expected/roles.out and the role migrations to 2026).

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin bypassrls;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'supabase_auth_admin') then
    create role supabase_auth_admin login noinherit createrole noreplication;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'supabase_storage_admin') then
    create role supabase_storage_admin login noinherit createrole noreplication;
  end if;
  -- Hosted's `postgres`: not a superuser. Where `postgres` already exists (a plain image whose
  -- bootstrap superuser it is) it is left as it is.
  if not exists (select 1 from pg_roles where rolname = 'postgres') then
    create role postgres nosuperuser createdb createrole login replication bypassrls;
  end if;
end
$$;

alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';
alter role authenticator set lock_timeout = '8s';
alter role postgres set search_path = "$user", public, extensions;

grant anon, authenticated, service_role to authenticator;
grant anon, authenticated, service_role to postgres with admin option;
grant pg_read_all_data, pg_signal_backend, pg_monitor to postgres;
-- Restores load rows with triggers off (pg_restore under session_replication_role = replica), as the
-- platform lets postgres do.
grant set on parameter session_replication_role to postgres;
