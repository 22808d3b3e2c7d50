-- migration: 0050_old_default_grant_leftovers
-- purpose: objects created before the platform stopped granting new objects in public to the API roles (2026-10-30) lose what only those defaults gave them, so production holds what a fresh build holds
-- rollback: grant execute on function public.handle_new_user(), public.check_profile_timezone(), public.record_drill_creation(), public.refresh_pack_counts(), public.list_learner_attempts(uuid, integer) to service_role; grant usage, select on sequence public.events_id_seq to service_role; grant insert, update, delete on public.v_user_progress, public.v_weekly_recap, public.v_drill_stats, public.v_drill_stats_daily to service_role (not advised)

-- Fail fast instead of queueing behind a lock on a busy table (squawk requires both).
set local lock_timeout = '5s';
set local statement_timeout = '120s';

-- Until 2026-10-30 every table, view, sequence and function postgres created in public was granted to anon,
-- authenticated and service_role by default; since then nothing is (changelog 45329). Every migration grants
-- what the access matrix allows explicitly, so no API path relied on the old defaults; what they left behind
-- on objects created earlier is only extra: EXECUTE for service_role on trigger functions and on the admin
-- RPC (its matrix entry allows admins only), the identity sequence of events (inserts need no sequence
-- privilege), and writes on views nothing writes through. A fresh build has none of it; revoking is
-- idempotent, so both end up the same. PUBLIC keeps EXECUTE on the plain trigger functions (triggers never
-- check it).
revoke execute on function public.handle_new_user() from anon, authenticated, service_role;
revoke execute on function public.check_profile_timezone() from anon, authenticated, service_role;
revoke execute on function public.record_drill_creation() from anon, authenticated, service_role;
revoke execute on function public.refresh_pack_counts() from anon, authenticated, service_role;
revoke execute on function public.list_learner_attempts(uuid, integer) from anon, service_role;
revoke execute on function public.set_updated_at() from anon, authenticated, service_role;
revoke execute on function public.protect_profile_role() from anon, authenticated, service_role;
revoke execute on function public.forbid_ledger_changes() from anon, authenticated, service_role;
revoke execute on function public.guard_drill_publication() from anon, authenticated, service_role;
revoke all on sequence public.events_id_seq from anon, authenticated, service_role;
revoke insert, update, delete on public.v_user_progress, public.v_weekly_recap
  from anon, authenticated, service_role;
revoke insert, update, delete on public.v_drill_stats, public.v_drill_stats_daily
  from anon, authenticated, service_role;
