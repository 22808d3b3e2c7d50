-- RLS policies on public.saved_filters
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0021_filters.sql
drop policy if exists saved_filters_select on public.saved_filters;

create policy saved_filters_select on public.saved_filters for select to authenticated
  using (user_id = (select auth.uid()));

drop policy if exists saved_filters_insert on public.saved_filters;

create policy saved_filters_insert on public.saved_filters for insert to authenticated
  with check (user_id = (select auth.uid()));

drop policy if exists saved_filters_update on public.saved_filters;

create policy saved_filters_update on public.saved_filters for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));

drop policy if exists saved_filters_delete on public.saved_filters;

create policy saved_filters_delete on public.saved_filters for delete to authenticated
  using (user_id = (select auth.uid()));
