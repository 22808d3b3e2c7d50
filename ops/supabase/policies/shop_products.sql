-- RLS policies on public.shop_products
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0014_shopify_cache.sql
drop policy if exists shop_products_select on public.shop_products;

create policy shop_products_select on public.shop_products for select to anon, authenticated using (is_active);
