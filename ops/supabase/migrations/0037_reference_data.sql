-- migration: 0037_reference_data
-- purpose: the limits and plan tiers the app cannot run without ship with the migrations (idempotent upserts), so a fresh project needs no seeds
-- rollback: none needed (the rows are reference data; delete from public.tiers / public.limits only on a database being retired)

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

-- `do nothing` on conflict: a value an operator has tuned on a live project stays as it is.
insert into public.limits (key, value, description) values
('free_minutes_daily', 10, 'Practice minutes per day on the free plan'),
('pro_minutes_daily', 30, 'Practice minutes per day on the pro plan'),
('coach_switch_cooldown_days', 7, 'Days between two coach switches'),
('session_max_minutes', 60, 'Longest a session counts; close_stale_sessions() closes older open ones at it')
on conflict (key) do nothing;

insert into public.tiers (key, title, minutes_limit_key) values
('free', 'Free', 'free_minutes_daily'),
('pro', 'Pro', 'pro_minutes_daily')
on conflict (key) do nothing;
