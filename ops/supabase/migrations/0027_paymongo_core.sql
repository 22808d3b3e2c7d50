-- migration: 0027_paymongo_core
-- purpose: PayMongo provider metadata: enum value, customers and checkout sessions (server only)
-- rollback: drop table public.paymongo_checkouts, public.paymongo_customers (the enum value stays: Postgres cannot drop one)

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

alter type public.payment_provider add value if not exists 'paymongo' after 'shopify';

create table if not exists public.paymongo_customers (
  user_id uuid primary key references auth.users (id) on delete cascade,
  paymongo_customer_id text not null unique check (paymongo_customer_id ~ '^cus_[A-Za-z0-9]+$'),
  created_at timestamptz not null default now()
);
comment on table public.paymongo_customers is 'Server only: PayMongo customer id per learner.';
comment on column public.paymongo_customers.user_id is 'Learner.';
comment on column public.paymongo_customers.paymongo_customer_id is 'PayMongo customer id (cus_...).';
comment on column public.paymongo_customers.created_at is 'Creation time.';

create table if not exists public.paymongo_checkouts (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  checkout_session_id text not null unique check (checkout_session_id ~ '^cs_[A-Za-z0-9]+$'),
  plan text not null check (plan in ('pro')),
  amount_cents integer not null check (amount_cents > 0),
  currency text not null default 'PHP' check (currency ~ '^[A-Z]{3}$'),
  payment_method text check (payment_method in ('card', 'gcash', 'grab_pay', 'paymaya', 'qrph')),
  status text not null default 'active' check (status in ('active', 'paid', 'expired')),
  created_at timestamptz not null default now()
);
comment on table public.paymongo_checkouts is 'Server only: PayMongo checkout sessions; paid ones are granted through grant_entitlement().';
comment on column public.paymongo_checkouts.id is 'Surrogate key.';
comment on column public.paymongo_checkouts.user_id is 'Learner paying.';
comment on column public.paymongo_checkouts.checkout_session_id is 'PayMongo checkout session id (cs_...).';
comment on column public.paymongo_checkouts.plan is 'Plan bought.';
comment on column public.paymongo_checkouts.amount_cents is 'Amount in centavos.';
comment on column public.paymongo_checkouts.currency is 'ISO 4217 currency (PHP).';
comment on column public.paymongo_checkouts.payment_method is 'PayMongo payment method type.';
comment on column public.paymongo_checkouts.status is 'active, paid or expired.';
comment on column public.paymongo_checkouts.created_at is 'Creation time.';
create index if not exists paymongo_checkouts_user_id_idx on public.paymongo_checkouts (user_id);

alter table public.paymongo_customers enable row level security;
alter table public.paymongo_checkouts enable row level security;
revoke all on public.paymongo_customers, public.paymongo_checkouts from anon, authenticated;
grant all on public.paymongo_customers, public.paymongo_checkouts to service_role;
