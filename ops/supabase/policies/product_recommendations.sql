-- RLS policies on public.product_recommendations
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists product_recommendations_select on public.product_recommendations;

create policy product_recommendations_select on public.product_recommendations for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));
