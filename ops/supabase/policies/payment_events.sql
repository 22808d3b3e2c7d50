-- RLS policies on public.payment_events
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists payment_events_admin_select on public.payment_events;

create policy payment_events_admin_select on public.payment_events for select to authenticated
  using ((select private.is_admin()));
