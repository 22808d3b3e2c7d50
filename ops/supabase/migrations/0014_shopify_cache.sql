-- migration: 0014_shopify_cache
-- purpose: cached shop products and variants, synced by the server; public read
-- rollback: drop table public.shop_variants, public.shop_products

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

create table if not exists public.shop_products (
  id uuid primary key default gen_random_uuid(),
  shop_product_id text not null unique,
  handle text not null unique,
  title text not null,
  is_active boolean not null default true,
  synced_at timestamptz not null default now()
);
comment on table public.shop_products is 'Read-only cache of shop products; written by the sync job (service_role).';
comment on column public.shop_products.id is 'Surrogate key.';
comment on column public.shop_products.shop_product_id is 'Product id in the shop.';
comment on column public.shop_products.handle is 'Shop handle, referenced by practice_packs.shop_product_handle.';
comment on column public.shop_products.title is 'Product title.';
comment on column public.shop_products.is_active is 'Still sold.';
comment on column public.shop_products.synced_at is 'Last sync.';

create table if not exists public.shop_variants (
  id uuid primary key default gen_random_uuid(),
  product_id uuid not null references public.shop_products (id) on delete cascade,
  shop_variant_id text not null unique,
  title text not null,
  price_cents integer not null check (price_cents >= 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  synced_at timestamptz not null default now()
);
comment on table public.shop_variants is 'Cached product variants with prices.';
comment on column public.shop_variants.id is 'Surrogate key.';
comment on column public.shop_variants.product_id is 'Parent product.';
comment on column public.shop_variants.shop_variant_id is 'Variant id in the shop.';
comment on column public.shop_variants.title is 'Variant title.';
comment on column public.shop_variants.price_cents is 'Price in minor units.';
comment on column public.shop_variants.currency is 'ISO 4217 currency.';
comment on column public.shop_variants.synced_at is 'Last sync.';
create index if not exists shop_variants_product_id_idx on public.shop_variants (product_id);

alter table public.shop_products enable row level security;
alter table public.shop_variants enable row level security;
drop policy if exists shop_products_select on public.shop_products;
create policy shop_products_select on public.shop_products for select to anon, authenticated using (is_active);
drop policy if exists shop_variants_select on public.shop_variants;
create policy shop_variants_select on public.shop_variants for select to anon, authenticated
  using (exists (select 1 from public.shop_products p where p.id = shop_variants.product_id and p.is_active));

revoke all on public.shop_products, public.shop_variants from anon, authenticated;
grant select on public.shop_products, public.shop_variants to anon, authenticated;
grant all on public.shop_products, public.shop_variants to service_role;
