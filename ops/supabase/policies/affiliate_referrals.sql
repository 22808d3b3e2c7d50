-- RLS policies on public.affiliate_referrals
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists affiliate_referrals_select on public.affiliate_referrals;

create policy affiliate_referrals_select on public.affiliate_referrals for select to authenticated
  using ((select private.is_admin()) or exists (
    select 1 from public.affiliate_codes c where c.id = affiliate_referrals.code_id and c.user_id = (select auth.uid()))
    );
