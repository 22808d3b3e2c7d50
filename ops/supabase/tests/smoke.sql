-- Smoke query after a deploy (CI: `inv db.psql --env ENV --file ops/supabase/tests/smoke.sql`).
-- Fails (psql exits non-zero) unless the schema is at the head of the migration files, the reference data
-- the app cannot run without is there (it comes with migration 0037, not with the demo seeds) and the
-- catalogue answers. The files' head comes from the setting polaris.migration_head, which `inv db.psql`
-- and `inv db.rehearse` set from ops/supabase/migrations (by hand: `set polaris.migration_head = 'NNNN';`, the newest file's number).
do $$
declare
  missing text;
  files_head text := nullif(current_setting('polaris.migration_head', true), '');
  database_head text;
begin
  if files_head is null then
    raise exception 'polaris.migration_head is not set: run smoke.sql with inv db.psql --file (or set it to the newest migration number)';
  end if;
  select max(version) into database_head from supabase_migrations.schema_migrations;
  if database_head is distinct from files_head then
    raise exception 'database is at migration %, the migration files'' head is %', coalesce(database_head, 'none'), files_head;
  end if;
  select string_agg(needed, ', ' order by needed) into missing
  from (
    select 'limits.' || k as needed
    from unnest(array['free_minutes_daily', 'pro_minutes_daily', 'coach_switch_cooldown_days', 'session_max_minutes']) k
    where not exists (select 1 from public.limits l where l.key = k)
    union all
    select 'tiers.' || k
    from unnest(array['free', 'pro']) k
    where not exists (select 1 from public.tiers t join public.limits l on l.key = t.minutes_limit_key where t.key = k)
  ) gaps;
  if missing is not null then
    raise exception 'reference data missing: %', missing;
  end if;
  perform public.refresh_views();
end
$$;
