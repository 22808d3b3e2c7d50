-- seed-order: 10
-- Limits and plan tiers for local and demo databases. The same reference data ships with migration 0037
-- (`on conflict do nothing`: values tuned on a live project stay); this seed puts the defaults back
-- (`on conflict do update`), so a local or demo database that was tuned or broken is reset by
-- `inv db.seed`, or by `inv db.psql --file ops/supabase/seeds/limits.sql`. Idempotent.
insert into public.limits (key, value, description) values
  ('free_minutes_daily', 10, 'Practice minutes per day on the free plan'),
  ('pro_minutes_daily', 30, 'Practice minutes per day on the pro plan'),
  ('coach_switch_cooldown_days', 7, 'Days between two coach switches'),
  ('session_max_minutes', 60, 'Longest a session counts; close_stale_sessions() closes older open ones at it')
on conflict (key) do update set value = excluded.value, description = excluded.description
where (limits.value, limits.description) is distinct from (excluded.value, excluded.description);

insert into public.tiers (key, title, minutes_limit_key) values
  ('free', 'Free', 'free_minutes_daily'),
  ('pro', 'Pro', 'pro_minutes_daily')
on conflict (key) do update set title = excluded.title, minutes_limit_key = excluded.minutes_limit_key
where (tiers.title, tiers.minutes_limit_key) is distinct from (excluded.title, excluded.minutes_limit_key);
