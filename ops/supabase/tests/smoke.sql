-- Smoke query after a deploy (CI: `inv db.psql --env ENV --file ops/supabase/tests/smoke.sql`).
-- Fails (psql exits non-zero) unless the schema is at head and the catalogue answers.
do $$
begin
  if (select max(version) from supabase_migrations.schema_migrations) < '0032' then
    raise exception 'database is not at migration head 0032';
  end if;
  if not exists (select 1 from public.limits where key = 'free_minutes_daily') then
    raise exception 'limits are missing: seeds or migrations incomplete';
  end if;
  perform public.refresh_views();
end
$$;
