-- RLS policies on public.shop_variants
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0014_shopify_cache.sql
drop policy if exists shop_variants_select on public.shop_variants;

create policy shop_variants_select on public.shop_variants for select to anon, authenticated
  using (exists (select 1 from public.shop_products p where p.id = shop_variants.product_id and p.is_active));
