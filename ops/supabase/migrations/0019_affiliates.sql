-- migration: 0019_affiliates
-- purpose: affiliate codes, referrals and commissions
-- rollback: drop table public.affiliate_commissions, public.affiliate_referrals, public.affiliate_codes

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

create table if not exists public.affiliate_codes (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  code text not null unique check (code ~ '^[A-Z0-9]{4,16}$'),
  commission_rate numeric(4, 3) not null default 0.200 check (commission_rate between 0 and 1),
  is_active boolean not null default true,
  created_at timestamptz not null default now()
);
comment on table public.affiliate_codes is 'Referral codes owned by affiliates; created by admins.';
comment on column public.affiliate_codes.id is 'Surrogate key.';
comment on column public.affiliate_codes.user_id is 'Affiliate who owns the code.';
comment on column public.affiliate_codes.code is 'Code typed at checkout.';
comment on column public.affiliate_codes.commission_rate is 'Share of revenue paid out.';
comment on column public.affiliate_codes.is_active is 'Accepts new referrals.';
comment on column public.affiliate_codes.created_at is 'Creation time.';
create index if not exists affiliate_codes_user_id_idx on public.affiliate_codes (user_id);

create table if not exists public.affiliate_referrals (
  id uuid primary key default gen_random_uuid(),
  code_id uuid not null references public.affiliate_codes (id) on delete cascade,
  referred_user_id uuid not null unique references auth.users (id) on delete cascade,
  created_at timestamptz not null default now()
);
comment on table public.affiliate_referrals is 'A learner who signed up with a code (server-written).';
comment on column public.affiliate_referrals.id is 'Surrogate key.';
comment on column public.affiliate_referrals.code_id is 'Code used.';
comment on column public.affiliate_referrals.referred_user_id is 'Learner referred (once).';
comment on column public.affiliate_referrals.created_at is 'Sign-up time.';
create index if not exists affiliate_referrals_code_id_idx on public.affiliate_referrals (code_id);

create table if not exists public.affiliate_commissions (
  id uuid primary key default gen_random_uuid(),
  referral_id uuid not null references public.affiliate_referrals (id) on delete cascade,
  ledger_id uuid not null unique references public.entitlement_ledger (id),
  amount_cents integer not null check (amount_cents >= 0),
  status text not null default 'pending' check (status in ('pending', 'approved', 'paid', 'void')),
  created_at timestamptz not null default now()
);
comment on table public.affiliate_commissions is 'Commission per paid grant of a referred learner.';
comment on column public.affiliate_commissions.id is 'Surrogate key.';
comment on column public.affiliate_commissions.referral_id is 'Referral that earned it.';
comment on column public.affiliate_commissions.ledger_id is 'Ledger grant it is based on (once).';
comment on column public.affiliate_commissions.amount_cents is 'Commission in minor units.';
comment on column public.affiliate_commissions.status is 'pending, approved, paid or void.';
comment on column public.affiliate_commissions.created_at is 'Creation time.';
create index if not exists affiliate_commissions_referral_id_idx on public.affiliate_commissions (referral_id);

alter table public.affiliate_codes enable row level security;
alter table public.affiliate_referrals enable row level security;
alter table public.affiliate_commissions enable row level security;
drop policy if exists affiliate_codes_select on public.affiliate_codes;
create policy affiliate_codes_select on public.affiliate_codes for select to authenticated
  using (user_id = (select auth.uid()) or (select public.is_admin()));
drop policy if exists affiliate_referrals_select on public.affiliate_referrals;
create policy affiliate_referrals_select on public.affiliate_referrals for select to authenticated
  using ((select public.is_admin()) or exists (
    select 1 from public.affiliate_codes c where c.id = affiliate_referrals.code_id and c.user_id = (select auth.uid()))
    );
drop policy if exists affiliate_commissions_select on public.affiliate_commissions;
create policy affiliate_commissions_select on public.affiliate_commissions for select to authenticated
  using ((select public.is_admin()) or exists (
    select 1 from public.affiliate_referrals r inner join public.affiliate_codes c on r.code_id = c.id
    where r.id = affiliate_commissions.referral_id and c.user_id = (select auth.uid())));
revoke all on public.affiliate_codes, public.affiliate_referrals, public.affiliate_commissions from anon, authenticated;
grant select on public.affiliate_codes, public.affiliate_referrals, public.affiliate_commissions to authenticated;
grant all on public.affiliate_codes, public.affiliate_referrals, public.affiliate_commissions to service_role;
