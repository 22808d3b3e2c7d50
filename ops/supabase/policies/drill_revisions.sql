-- RLS policies on public.drill_revisions
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists drill_revisions_select on public.drill_revisions;

create policy drill_revisions_select on public.drill_revisions for select to authenticated
  using ((select private.is_editor()));
