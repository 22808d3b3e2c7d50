-- migration: 0028_paypal_core
-- purpose: PayPal provider metadata: enum value, payers and orders (server only)
-- rollback: drop table public.paypal_orders, public.paypal_payers (the enum value stays)

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

alter type public.payment_provider add value if not exists 'paypal' after 'paymongo';

create table if not exists public.paypal_payers (
  user_id uuid primary key references auth.users (id) on delete cascade,
  payer_id text not null unique check (payer_id ~ '^[A-Z0-9]{13}$'),
  created_at timestamptz not null default now()
);
comment on table public.paypal_payers is 'Server only: PayPal payer id per learner.';
comment on column public.paypal_payers.user_id is 'Learner.';
comment on column public.paypal_payers.payer_id is 'PayPal payer id (13 characters).';
comment on column public.paypal_payers.created_at is 'Creation time.';

create table if not exists public.paypal_orders (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  order_id text not null unique,
  capture_id text unique,
  plan text not null check (plan in ('pro')),
  amount_cents integer not null check (amount_cents > 0),
  currency text not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  status text not null default 'CREATED' check (status in ('CREATED', 'APPROVED', 'COMPLETED', 'VOIDED')),
  created_at timestamptz not null default now()
);
comment on table public.paypal_orders is 'Server only: PayPal orders (Orders v2); completed captures are granted through grant_entitlement().';
comment on column public.paypal_orders.id is 'Surrogate key.';
comment on column public.paypal_orders.user_id is 'Learner paying.';
comment on column public.paypal_orders.order_id is 'PayPal order id.';
comment on column public.paypal_orders.capture_id is 'PayPal capture id once captured.';
comment on column public.paypal_orders.plan is 'Plan bought.';
comment on column public.paypal_orders.amount_cents is 'Amount in minor units.';
comment on column public.paypal_orders.currency is 'ISO 4217 currency.';
comment on column public.paypal_orders.status is 'PayPal order status.';
comment on column public.paypal_orders.created_at is 'Creation time.';
create index if not exists paypal_orders_user_id_idx on public.paypal_orders (user_id);

alter table public.paypal_payers enable row level security;
alter table public.paypal_orders enable row level security;
revoke all on public.paypal_payers, public.paypal_orders from anon, authenticated;
grant all on public.paypal_payers, public.paypal_orders to service_role;
