-- RLS policies on public.expression_progress
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0025_expressions_pack.sql
drop policy if exists expression_progress_select on public.expression_progress;

create policy expression_progress_select on public.expression_progress for select to authenticated
  using (user_id = (select auth.uid()));

drop policy if exists expression_progress_delete on public.expression_progress;

create policy expression_progress_delete on public.expression_progress for delete to authenticated
  using (user_id = (select auth.uid()));

-- from migrations/0036_server_owned_columns.sql
drop policy if exists expression_progress_insert on public.expression_progress;

create policy expression_progress_insert on public.expression_progress for insert to authenticated
  with check (user_id = (select auth.uid()) and exists (
    select 1 from public.expressions e where e.id = expression_progress.expression_id));

drop policy if exists expression_progress_update on public.expression_progress;

create policy expression_progress_update on public.expression_progress for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()) and exists (
    select 1 from public.expressions e where e.id = expression_progress.expression_id));
