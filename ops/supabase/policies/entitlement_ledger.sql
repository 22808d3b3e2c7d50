-- RLS policies on public.entitlement_ledger
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists entitlement_ledger_select on public.entitlement_ledger;

create policy entitlement_ledger_select on public.entitlement_ledger for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));
