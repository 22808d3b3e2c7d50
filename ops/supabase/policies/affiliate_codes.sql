-- RLS policies on public.affiliate_codes
-- Mirror of the migrations: `nox -s conventions` checks each statement equals its migration's.

-- from migrations/0019_affiliates.sql
drop policy if exists affiliate_codes_select on public.affiliate_codes;

create policy affiliate_codes_select on public.affiliate_codes for select to authenticated
  using (user_id = (select auth.uid()) or (select public.is_admin()));
