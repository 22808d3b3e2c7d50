-- RLS policies on public.affiliate_commissions
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists affiliate_commissions_select on public.affiliate_commissions;

create policy affiliate_commissions_select on public.affiliate_commissions for select to authenticated
  using ((select private.is_admin()) or exists (
    select 1 from public.affiliate_referrals r inner join public.affiliate_codes c on r.code_id = c.id
    where r.id = affiliate_commissions.referral_id and c.user_id = (select auth.uid())));
