-- RLS policies on public.ticket_internal_notes
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0009_rls_policies.sql
drop policy if exists ticket_internal_notes_admin on public.ticket_internal_notes;

create policy ticket_internal_notes_admin on public.ticket_internal_notes for all to authenticated
  using ((select public.is_admin())) with check ((select public.is_admin()));
