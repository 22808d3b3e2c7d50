-- RLS policies on public.expressions
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists expressions_insert on public.expressions;

create policy expressions_insert on public.expressions for insert to authenticated
  with check ((select private.is_admin()));

drop policy if exists expressions_update on public.expressions;

create policy expressions_update on public.expressions for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));

drop policy if exists expressions_delete on public.expressions;

create policy expressions_delete on public.expressions for delete to authenticated
  using ((select private.is_admin()));

drop policy if exists expressions_select_anon on public.expressions;

create policy expressions_select_anon on public.expressions for select to anon
  using (is_published and (pack_id is null or private.can_read_pack(pack_id)));

drop policy if exists expressions_select on public.expressions;

create policy expressions_select on public.expressions for select to authenticated
  using ((select private.is_editor()) or (is_published and (pack_id is null or private.can_read_pack(pack_id))));
