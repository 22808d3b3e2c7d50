-- Smoke query after a deploy (CI: `inv db.psql --env ENV --file ops/supabase/tests/smoke.sql`).
-- Fails (psql exits non-zero) unless the schema is at head, the reference data the app cannot run
-- without is there (it comes with migration 0037, not with the demo seeds) and the catalogue answers.
do $$
declare
  missing text;
begin
  if (select max(version) from supabase_migrations.schema_migrations) < '0041' then
    raise exception 'database is not at migration head 0041';
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
