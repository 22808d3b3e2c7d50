-- RLS policies on public.entitlements
-- Mirror of the migrations (scripts/sync_mirrors.py); `nox -s conventions` checks they agree.

-- from migrations/0018_entitlements.sql
drop policy if exists entitlements_select on public.entitlements;

create policy entitlements_select on public.entitlements for select to authenticated
  using (user_id = (select auth.uid()) or (select public.is_admin()));
