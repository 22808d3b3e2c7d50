-- RLS policies on public.drill_revisions
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0012_editorial_workflow.sql
drop policy if exists drill_revisions_select on public.drill_revisions;

create policy drill_revisions_select on public.drill_revisions for select to authenticated
  using ((select public.is_editor()));
