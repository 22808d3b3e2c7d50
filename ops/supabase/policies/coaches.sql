-- RLS policies on public.coaches
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0009_rls_policies.sql
drop policy if exists coaches_select_anon on public.coaches;

create policy coaches_select_anon on public.coaches for select to anon
  using (is_published);

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists coaches_select on public.coaches;

create policy coaches_select on public.coaches for select to authenticated
  using (is_published or (select private.is_admin()));

drop policy if exists coaches_insert on public.coaches;

create policy coaches_insert on public.coaches for insert to authenticated
  with check ((select private.is_admin()));

drop policy if exists coaches_update on public.coaches;

create policy coaches_update on public.coaches for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));

drop policy if exists coaches_delete on public.coaches;

create policy coaches_delete on public.coaches for delete to authenticated
  using ((select private.is_admin()));
