-- migration: 0022_adyen_core
-- purpose: historical Adyen schema (notifications and payouts); absent in environments created after the switch
-- rollback: superseded by 0029_remove_adyen

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

alter type public.payment_provider add value if not exists 'adyen' after 'shopify';

create table if not exists public.adyen_notifications (
  id uuid primary key default gen_random_uuid(),
  psp_reference text not null unique,
  event_code text not null,
  success boolean not null,
  payload jsonb not null,
  received_at timestamptz not null default now()
);
comment on table public.adyen_notifications is 'Historical: Adyen webhook notifications (server only).';
comment on column public.adyen_notifications.id is 'Surrogate key.';
comment on column public.adyen_notifications.psp_reference is 'Adyen PSP reference.';
comment on column public.adyen_notifications.event_code is 'Adyen event code.';
comment on column public.adyen_notifications.success is 'Adyen success flag.';
comment on column public.adyen_notifications.payload is 'Raw notification.';
comment on column public.adyen_notifications.received_at is 'Delivery time.';

create table if not exists public.adyen_payouts (
  id uuid primary key default gen_random_uuid(),
  notification_id uuid not null references public.adyen_notifications (id) on delete cascade,
  amount_cents integer not null check (amount_cents >= 0),
  currency text not null,
  created_at timestamptz not null default now()
);
comment on table public.adyen_payouts is 'Historical: Adyen payouts (server only).';
comment on column public.adyen_payouts.id is 'Surrogate key.';
comment on column public.adyen_payouts.notification_id is 'Notification that reported it.';
comment on column public.adyen_payouts.amount_cents is 'Amount in minor units.';
comment on column public.adyen_payouts.currency is 'ISO 4217 currency.';
comment on column public.adyen_payouts.created_at is 'Creation time.';
create index if not exists adyen_payouts_notification_id_idx on public.adyen_payouts (notification_id);

alter table public.adyen_notifications enable row level security;
alter table public.adyen_payouts enable row level security;
revoke all on public.adyen_notifications, public.adyen_payouts from anon, authenticated;
grant all on public.adyen_notifications, public.adyen_payouts to service_role;
