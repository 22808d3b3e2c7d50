-- seed-order: 10
-- Limits and plan tiers. Idempotent: re-running resets values to these defaults.
insert into public.limits (key, value, description) values
  ('free_minutes_daily', 10, 'Practice minutes per day on the free plan'),
  ('pro_minutes_daily', 30, 'Practice minutes per day on the pro plan'),
  ('coach_switch_cooldown_days', 7, 'Days between two coach switches')
on conflict (key) do update set value = excluded.value, description = excluded.description
where (limits.value, limits.description) is distinct from (excluded.value, excluded.description);

insert into public.tiers (key, title, minutes_limit_key) values
  ('free', 'Free', 'free_minutes_daily'),
  ('pro', 'Pro', 'pro_minutes_daily')
on conflict (key) do update set title = excluded.title, minutes_limit_key = excluded.minutes_limit_key
where (tiers.title, tiers.minutes_limit_key) is distinct from (excluded.title, excluded.minutes_limit_key);
