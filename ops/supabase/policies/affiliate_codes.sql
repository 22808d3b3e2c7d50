-- RLS policies on public.affiliate_codes
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists affiliate_codes_select on public.affiliate_codes;

create policy affiliate_codes_select on public.affiliate_codes for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));
