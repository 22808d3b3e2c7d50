-- Supabase platform shim for plain Postgres (local and test databases only): one database's schemas.
--
-- Mirrors what the supabase/postgres image, supabase/auth and supabase/storage
-- create, with the platform's owners: run by a superuser (supabase_admin) after roles.sql;
-- auth objects belong to supabase_auth_admin, storage objects to supabase_storage_admin, and
-- `postgres` (not a superuser, as on hosted) gets exactly the platform's grants. The installer
-- (polaris_db.shim) skips this file where the platform's schemas exist and refuses to run it
-- on staging or prod. What hosted allows only through supautils is emulated at the end
-- (supautils_emulation; listed in src/polaris_db/shim/README.md).

set local search_path = pg_catalog;

-- Schemas: owned by the installing superuser, as supabase_admin owns them on the platform.
create schema if not exists extensions;
create schema if not exists auth;
create schema if not exists storage;

-- public as the platform leaves it: owner pg_database_owner, USAGE only for the API roles and postgres.
alter schema public owner to pg_database_owner;
revoke create on schema public from public, anon, authenticated, service_role, postgres;
grant usage on schema public to public, anon, authenticated, service_role, postgres;
-- Realtime creates in public (clusters bootstrapped before roles.sql had the role lack it).
do $$
begin
  if exists (select 1 from pg_roles where rolname = 'supabase_realtime_admin') then
    grant usage, create on schema public to supabase_realtime_admin;
  end if;
end
$$;
grant usage on schema extensions to anon, authenticated, service_role;
grant all on schema extensions to postgres with grant option;
grant usage on schema auth, storage to anon, authenticated, service_role, postgres;
grant all on schema auth to supabase_auth_admin;
grant all on schema storage to supabase_storage_admin;

-- Default privileges in public for both grantors the platform has: postgres and the superuser.
-- postgres's are today's platform default ("Default privileges for new entities" off: new projects since
-- 2026-05-30, every project since 2026-10-30, changelog 45329): the old ALL, minus what the Data API uses,
-- revoked with the statements Supabase documents (docs/guides/api/securing-your-api). What is left for the
-- API roles: TRUNCATE, REFERENCES, TRIGGER (and MAINTAIN on 17) on tables, UPDATE on sequences, and EXECUTE
-- for PUBLIC on functions (a per-schema revoke cannot remove the built-in default). A migration must grant
-- what the access matrix allows; nothing it creates in public is readable through the API otherwise.
-- supabase_admin's defaults are unchanged on the platform (postgres cannot alter them).
alter default privileges for role postgres in schema public
  grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  grant all on sequences to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  revoke select, insert, update, delete on tables from anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  revoke execute on functions from anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  revoke usage, select on sequences from anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  revoke execute on functions from public;
alter default privileges in schema public grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to postgres, anon, authenticated, service_role;

-- auth: helpers read the claims PostgREST sets per request
create or replace function auth.uid() returns uuid
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.email() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt()
  to anon, authenticated, service_role;

create table if not exists auth.users (
  instance_id uuid,
  id uuid not null primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz,
  updated_at timestamptz,
  phone text unique default null,
  phone_confirmed_at timestamptz,
  confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
  banned_until timestamptz,
  is_sso_user boolean not null default false,
  deleted_at timestamptz,
  is_anonymous boolean not null default false,
  email_change_token_new varchar(255),
  email_change varchar(255),
  email_change_sent_at timestamptz,
  email_change_token_current varchar(255) default '',
  email_change_confirm_status smallint default 0
    constraint users_email_change_confirm_status_check
    check (email_change_confirm_status >= 0 and email_change_confirm_status <= 2),
  phone_change text default '',
  phone_change_token varchar(255) default '',
  phone_change_sent_at timestamptz,
  reauthentication_token varchar(255) default '',
  reauthentication_sent_at timestamptz
);
create unique index if not exists users_email_partial_key on auth.users (email) where (is_sso_user = false);
create unique index if not exists confirmation_token_idx on auth.users (confirmation_token)
  where ((confirmation_token)::text !~ '^[0-9 ]*$'::text);
create unique index if not exists recovery_token_idx on auth.users (recovery_token)
  where ((recovery_token)::text !~ '^[0-9 ]*$'::text);
create unique index if not exists email_change_token_current_idx on auth.users (email_change_token_current)
  where ((email_change_token_current)::text !~ '^[0-9 ]*$'::text);
create unique index if not exists email_change_token_new_idx on auth.users (email_change_token_new)
  where ((email_change_token_new)::text !~ '^[0-9 ]*$'::text);
create unique index if not exists reauthentication_token_idx on auth.users (reauthentication_token)
  where ((reauthentication_token)::text !~ '^[0-9 ]*$'::text);
create index if not exists users_instance_id_idx on auth.users (instance_id);
create index if not exists users_is_anonymous_idx on auth.users (is_anonymous);
alter table auth.users enable row level security;
-- postgres may reference, trigger on and write auth.users (seeds, FKs, on-signup triggers), not alter it.
grant all on auth.users to postgres;

-- storage: buckets and objects, RLS on; the API roles get all, policies decide
do $$
begin
  if to_regtype('storage.buckettype') is null then
    create type storage.buckettype as enum ('STANDARD', 'ANALYTICS', 'VECTOR');
  end if;
end
$$;

create table if not exists storage.buckets (
  id text not null primary key,
  name text not null,
  owner uuid,
  owner_id text,
  public boolean default false,
  avif_autodetection boolean default false,
  file_size_limit bigint,
  allowed_mime_types text[],
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  type storage.buckettype not null default 'STANDARD',
  versioning_status text not null default 'DISABLED'
    constraint buckets_versioning_status_check check (versioning_status in ('DISABLED', 'ENABLED', 'SUSPENDED'))
);
create unique index if not exists bname on storage.buckets (name);

create table if not exists storage.objects (
  id uuid not null default gen_random_uuid() primary key,
  bucket_id text constraint "objects_bucketId_fkey" references storage.buckets (id),
  name text,
  owner uuid,
  owner_id text,
  metadata jsonb,
  user_metadata jsonb,
  path_tokens text[] generated always as (string_to_array(name, '/')) stored,
  version text,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  last_accessed_at timestamptz default now(),
  is_versioned boolean not null default false,
  is_delete_marker boolean not null default false,
  archived_at timestamptz
);
create unique index if not exists bucketid_objname on storage.objects (bucket_id, name);
create index if not exists name_prefix_search on storage.objects (name text_pattern_ops);

alter table storage.buckets enable row level security;
alter table storage.objects enable row level security;

grant all on storage.buckets, storage.objects to anon, authenticated, service_role, postgres;

create or replace function storage.enforce_bucket_name_length() returns trigger
language plpgsql
as $$
begin
  if length(new.name) > 100 then
    raise exception 'bucket name "%" is too long (% characters). Max is 100.', new.name, length(new.name);
  end if;
  return new;
end
$$;
create or replace trigger enforce_bucket_name_length_trigger before insert or update of name on storage.buckets
  for each row execute function storage.enforce_bucket_name_length();

create or replace function storage.update_updated_at_column() returns trigger
language plpgsql
as $$
begin
  new.updated_at = now();
  return new;
end
$$;
create or replace trigger update_objects_updated_at before update on storage.objects
  for each row execute function storage.update_updated_at_column();

-- Newer storage versions refuse any SQL delete on these tables, for every role, unless the
-- transaction sets storage.allow_delete_query (the Storage API does): a row deleted in SQL would
-- orphan its file. Same statement-level trigger, message and SQLSTATE as the platform's.
create or replace function storage.protect_delete() returns trigger
language plpgsql
as $$
begin
  if coalesce(current_setting('storage.allow_delete_query', true), 'false') != 'true' then
    raise exception 'Direct deletion from storage tables is not allowed. Use the Storage API instead.'
      using hint = 'This prevents accidental data loss from orphaned objects.', errcode = '42501';
  end if;
  return null;
end
$$;
create or replace trigger protect_buckets_delete before delete on storage.buckets
  for each statement execute function storage.protect_delete();
create or replace trigger protect_objects_delete before delete on storage.objects
  for each statement execute function storage.protect_delete();

create or replace function storage.foldername(name text) returns text[]
language plpgsql immutable
as $$
declare
  _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[1:array_length(_parts, 1) - 1];
end
$$;

create or replace function storage.filename(name text) returns text
language plpgsql immutable
as $$
declare
  _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[array_length(_parts, 1)];
end
$$;

create or replace function storage.extension(name text) returns text
language plpgsql immutable
as $$
declare
  _parts text[];
  _filename text;
begin
  select string_to_array(name, '/') into _parts;
  select _parts[array_length(_parts, 1)] into _filename;
  return reverse(split_part(reverse(_filename), '.', 1));
end
$$;

grant execute on function storage.foldername(text), storage.filename(text), storage.extension(text)
  to anon, authenticated, service_role;

-- Owners as on the platform: auth objects belong to supabase_auth_admin, storage objects to
-- supabase_storage_admin; postgres keeps only the grants above (it cannot alter or drop them).
do $$
declare
  item record;
begin
  for item in
    select format('alter %s %s owner to %I',
                  case c.relkind when 'S' then 'sequence' else 'table' end,
                  c.oid::regclass, case n.nspname when 'auth' then 'supabase_auth_admin' else 'supabase_storage_admin' end) as ddl
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname in ('auth', 'storage') and c.relkind in ('r', 'p', 'S', 'v')
    union all
    select format('alter routine %s owner to %I', p.oid::regprocedure,
                  case n.nspname when 'auth' then 'supabase_auth_admin' else 'supabase_storage_admin' end)
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname in ('auth', 'storage')
    union all
    select format('alter type %s owner to %I', t.oid::regtype,
                  case n.nspname when 'auth' then 'supabase_auth_admin' else 'supabase_storage_admin' end)
    from pg_type t join pg_namespace n on n.oid = t.typnamespace
    where n.nspname in ('auth', 'storage') and t.typtype = 'e'
  loop
    execute item.ddl;
  end loop;
end
$$;

-- supautils emulation: exactly what hosted lets `postgres` do through the supautils extension,
-- and nothing more (src/polaris_db/shim/README.md, "What the shim allows beyond plain
-- privileges"). Two event triggers owned by the superuser, in a schema nobody else can write:
--   * CREATE EXTENSION of a privileged extension (supautils.privileged_extensions): postgres is a
--     superuser for that one statement; any other extension is refused and rolled back;
--   * CREATE/ALTER/DROP POLICY and DROP TRIGGER (supautils.policy_grants, drop_trigger_grants) on the
--     platform tables hosted lists: postgres is a member of the tables' owners for that one statement;
--     a policy created or altered on any other auth/storage table is refused and rolled back.
-- Both are undone at ddl_command_end; a failing statement rolls the elevation back with it.
create schema if not exists polaris_supautils;
revoke all on schema polaris_supautils from public;

create or replace function polaris_supautils.privileged_extensions() returns text[]
language sql immutable set search_path = pg_catalog
as $$
  select array['vector', 'pg_trgm', 'citext', 'btree_gin', 'btree_gist', 'pgcrypto', 'uuid-ossp',
               'unaccent', 'hstore', 'ltree', 'fuzzystrmatch', 'intarray', 'cube', 'earthdistance',
               'tablefunc', 'pg_stat_statements', 'pgrowlocks', 'pgstattuple', 'dict_int', 'isn', 'seg',
               'tcn', 'moddatetime', 'insert_username', 'autoinc', 'pg_walinspect', 'postgres_fdw', 'dblink']
$$;

-- supautils.policy_grants and drop_trigger_grants of the supabase/postgres image, for postgres
create or replace function polaris_supautils.granted_tables() returns text[]
language sql immutable set search_path = pg_catalog
as $$
  select array['auth.audit_log_entries', 'auth.identities', 'auth.refresh_tokens', 'auth.sessions', 'auth.users',
               'realtime.messages', 'storage.buckets', 'storage.migrations', 'storage.objects',
               'storage.s3_multipart_uploads', 'storage.s3_multipart_uploads_parts']
$$;

create or replace function polaris_supautils.on_ddl_start() returns event_trigger
language plpgsql security definer set search_path = pg_catalog
as $$
begin
  if session_user::text <> 'postgres' or (select rolsuper from pg_roles where rolname = session_user)
     or coalesce(current_setting('polaris_supautils.elevated', true), '') <> '' then
    return;
  end if;
  if tg_tag = 'CREATE EXTENSION' then
    execute 'alter role postgres superuser';
  elsif not pg_has_role('postgres', 'supabase_auth_admin', 'member')
        and not pg_has_role('postgres', 'supabase_storage_admin', 'member') then
    execute 'grant supabase_auth_admin, supabase_storage_admin to postgres';
  else
    return;
  end if;
  perform set_config('polaris_supautils.elevated', tg_tag, true);
end
$$;

create or replace function polaris_supautils.on_ddl_end() returns event_trigger
language plpgsql security definer set search_path = pg_catalog
as $$
declare
  created text;
begin
  if coalesce(current_setting('polaris_supautils.elevated', true), '') <> tg_tag then
    return;  -- not elevated, or a statement nested in the elevated one (an extension script)
  end if;
  perform set_config('polaris_supautils.elevated', '', true);
  if tg_tag = 'CREATE EXTENSION' then
    execute 'alter role postgres nosuperuser';
    for created in select object_identity from pg_event_trigger_ddl_commands() where object_type = 'extension' loop
      if not created = any (polaris_supautils.privileged_extensions()) then
        raise exception 'permission denied to create extension "%"', created
          using errcode = '42501', hint = 'Must be superuser; hosted Supabase allows only its privileged extensions.';
      end if;
    end loop;
    return;
  end if;
  execute 'revoke supabase_auth_admin, supabase_storage_admin from postgres';
  for created in
    select p.polrelid::regclass::text from pg_event_trigger_ddl_commands() c join pg_policy p on p.oid = c.objid
    where c.object_type = 'policy'
      and (select relowner from pg_class where oid = p.polrelid)
          in ('supabase_auth_admin'::regrole, 'supabase_storage_admin'::regrole)
  loop
    if not created = any (polaris_supautils.granted_tables()) then
      raise exception 'must be owner of table %', created
        using errcode = '42501', hint = 'Hosted Supabase lets postgres manage policies only on the tables in supautils.policy_grants.';
    end if;
  end loop;
end
$$;

revoke all on function polaris_supautils.on_ddl_start(), polaris_supautils.on_ddl_end() from public;

do $$
begin
  if coalesce(current_setting('supautils.privileged_extensions', true), '') <> '' then
    return;  -- the real supautils is loaded (supabase/postgres image): nothing to emulate
  end if;
  if not exists (select 1 from pg_event_trigger where evtname = 'polaris_supautils_start') then
    create event trigger polaris_supautils_start on ddl_command_start
      when tag in ('CREATE EXTENSION', 'CREATE POLICY', 'ALTER POLICY', 'DROP POLICY', 'DROP TRIGGER')
      execute function polaris_supautils.on_ddl_start();
  end if;
  if not exists (select 1 from pg_event_trigger where evtname = 'polaris_supautils_end') then
    create event trigger polaris_supautils_end on ddl_command_end
      when tag in ('CREATE EXTENSION', 'CREATE POLICY', 'ALTER POLICY', 'DROP POLICY', 'DROP TRIGGER')
      execute function polaris_supautils.on_ddl_end();
  end if;
  -- also under session_replication_role = replica: pg_restore creates policies on storage tables that way
  alter event trigger polaris_supautils_start enable always;
  alter event trigger polaris_supautils_end enable always;
end
$$;
