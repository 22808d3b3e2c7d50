-- migration: 0033_api_role_privileges
-- purpose: API roles keep only the table privileges policies need (no TRUNCATE, TRIGGER, REFERENCES, MAINTAIN) and no sequence privileges clients could misuse (setval)
-- rollback: grant truncate, trigger, references on the public tables and usage, select, update on public sequences back to anon, authenticated, service_role (not advised)

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

-- Supabase's default privileges give anon, authenticated and service_role ALL on every new table
-- and sequence in public. Policies only ever need select/insert/update/delete: TRUNCATE ignores RLS,
-- TRIGGER and REFERENCES let a role attach code or foreign keys to our tables, MAINTAIN (PG17+) lets
-- it vacuum, analyze and refresh materialized views. Identity columns (events.id) need no sequence
-- privilege for inserts, so clients get none: `setval('public.events_id_seq', ...)` was open to anon.
do $$
declare
  relation record;
  extra text := case when current_setting('server_version_num')::integer >= 170000
                     then 'truncate, trigger, references, maintain' else 'truncate, trigger, references' end;
begin
  for relation in
    select c.oid::regclass::text as name, c.relkind
    from pg_catalog.pg_class c
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
      and not exists (select 1 from pg_catalog.pg_depend d
                      where d.classid = 'pg_catalog.pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
  loop
    if relation.relkind = 'S' then
      execute format('revoke all on sequence %s from anon, authenticated', relation.name);
      execute format('revoke update on sequence %s from service_role', relation.name);
    else
      execute format('revoke %s on %s from anon, authenticated, service_role', extra, relation.name);
    end if;
  end loop;
end
$$;

-- The default privileges of public stay as the platform sets them (supabase_admin's cannot be changed
-- by postgres anyway, and `inv db.reset` keeps public's as they are): every later migration grants
-- explicitly, and tests/schema/test_business_rules.py fails for any object that holds these again.
