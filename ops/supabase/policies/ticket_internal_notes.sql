-- RLS policies on public.ticket_internal_notes
-- Mirror of the migrations (scripts/sync_mirrors.py); `nox -s conventions` checks they agree.

-- from migrations/0009_rls_policies.sql
drop policy if exists ticket_internal_notes_admin on public.ticket_internal_notes;

create policy ticket_internal_notes_admin on public.ticket_internal_notes for all to authenticated
  using ((select public.is_admin())) with check ((select public.is_admin()));
