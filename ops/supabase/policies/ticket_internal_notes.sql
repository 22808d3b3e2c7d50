-- RLS policies on public.ticket_internal_notes
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists ticket_internal_notes_admin on public.ticket_internal_notes;

create policy ticket_internal_notes_admin on public.ticket_internal_notes for all to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
