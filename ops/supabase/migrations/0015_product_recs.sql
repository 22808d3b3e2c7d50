-- migration: 0015_product_recs
-- purpose: per-learner product recommendations written by the server
-- rollback: drop table public.product_recommendations

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

create table if not exists public.product_recommendations (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  product_id uuid not null references public.shop_products (id) on delete cascade,
  reason text not null,
  score numeric(5, 4) not null check (score between 0 and 1),
  created_at timestamptz not null default now(),
  unique (user_id, product_id)
);
comment on table public.product_recommendations is 'Recommended products per learner; the learner reads own rows, the server writes.';
comment on column public.product_recommendations.id is 'Surrogate key.';
comment on column public.product_recommendations.user_id is 'Learner.';
comment on column public.product_recommendations.product_id is 'Recommended product.';
comment on column public.product_recommendations.reason is 'Why (shown to the learner).';
comment on column public.product_recommendations.score is 'Ranking score 0-1.';
comment on column public.product_recommendations.created_at is 'When computed.';
create index if not exists product_recommendations_product_id_idx on public.product_recommendations (product_id);

alter table public.product_recommendations enable row level security;
drop policy if exists product_recommendations_select on public.product_recommendations;
create policy product_recommendations_select on public.product_recommendations for select to authenticated
  using (user_id = (select auth.uid()) or (select public.is_admin()));
revoke all on public.product_recommendations from anon, authenticated;
grant select on public.product_recommendations to authenticated;
grant all on public.product_recommendations to service_role;
