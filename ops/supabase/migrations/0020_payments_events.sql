-- migration: 0020_payments_events
-- purpose: normalized provider events, unique per (provider, event id) so replays are no-ops
-- rollback: drop table public.payment_events

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

create table if not exists public.payment_events (
  id uuid primary key default gen_random_uuid(),
  provider public.payment_provider not null,
  provider_event_id text not null,
  event_type text not null,
  user_id uuid references auth.users (id) on delete set null,
  payload jsonb not null,
  received_at timestamptz not null default now(),
  processed_at timestamptz,
  unique (provider, provider_event_id)
);
comment on table public.payment_events is 'Server only: every webhook event once; the ledger row it produced has the same (provider, event id).';
comment on column public.payment_events.id is 'Surrogate key.';
comment on column public.payment_events.provider is 'Payment provider.';
comment on column public.payment_events.provider_event_id is 'Provider event id.';
comment on column public.payment_events.event_type is 'Provider event type (e.g. payment.paid).';
comment on column public.payment_events.user_id is 'Learner concerned, when known.';
comment on column public.payment_events.payload is 'Raw event body (no card data is ever sent by providers).';
comment on column public.payment_events.received_at is 'Delivery time.';
comment on column public.payment_events.processed_at is 'When the grant path consumed it.';
create index if not exists payment_events_user_id_idx on public.payment_events (user_id);

alter table public.payment_events enable row level security;
drop policy if exists payment_events_admin_select on public.payment_events;
create policy payment_events_admin_select on public.payment_events for select to authenticated
  using ((select public.is_admin()));
revoke all on public.payment_events from anon, authenticated;
grant select on public.payment_events to authenticated;
grant all on public.payment_events to service_role;
