-- migration: 0034_paywall
-- purpose: paid pack contents (expressions, pack drill lists, drills only paid packs hold and their items) need an active pro plan; unpublished packs' contents are staff-only; the pack row is the public preview with server-kept counts
-- rollback: recreate the select policies of drills, drill_items (0009), expressions (0025), pack_drills (0018), practice_packs (0011); drop the pack count triggers and functions; alter table public.practice_packs drop column drill_count, drop column expression_count; drop function public.has_active_pro(), public.can_read_pack(uuid), public.is_drill_open(uuid)

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

-- Definer helpers: policies call them, so they read entitlements, packs and pack_drills without those
-- tables' RLS (the paywall on pack_drills would otherwise hide the very rows that decide it).
create or replace function public.has_active_pro() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.entitlements e
                 where e.user_id = auth.uid() and e.plan = 'pro' and (e.valid_until is null or e.valid_until > now()))
$$;
comment on function public.has_active_pro() is
  'True when the caller holds an active pro entitlement (false for anon). For policies.';

create or replace function public.can_read_pack(pack uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.practice_packs p
                 where p.id = pack and p.is_published and (p.is_free or public.has_active_pro()))
$$;
comment on function public.can_read_pack(uuid) is
  'True when the caller may read the contents of a pack: published, and free or the caller has pro. Staff are checked by the policies.';

create or replace function public.is_drill_open(drill uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select not exists (select 1 from public.pack_drills pd join public.practice_packs p on p.id = pd.pack_id
                     where pd.drill_id = drill and not p.is_free)
      or exists (select 1 from public.pack_drills pd join public.practice_packs p on p.id = pd.pack_id
                 where pd.drill_id = drill and p.is_free and p.is_published)
$$;
comment on function public.is_drill_open(uuid) is
  'True when a drill is free to read: no paid pack holds it, or a published free pack holds it too.';

revoke execute on function public.has_active_pro(), public.can_read_pack(uuid), public.is_drill_open(uuid) from public;
grant execute on function public.has_active_pro(), public.can_read_pack(uuid), public.is_drill_open(uuid)
to anon, authenticated, service_role;

-- Drills: published and not paywalled, or the caller has pro; staff (editors, admins) read everything.
-- drill_items and match_drills() read drills under these policies, so they follow.
drop policy if exists drills_select_anon on public.drills;
create policy drills_select_anon on public.drills for select to anon
  using (is_published and public.is_drill_open(id));
drop policy if exists drills_select on public.drills;
create policy drills_select on public.drills for select to authenticated
  using (
    (select public.is_editor()) or (is_published and ((select public.has_active_pro()) or public.is_drill_open(id)))
  );

-- Items: visible when their drill is visible to the caller (the subquery runs under the drills policies).
drop policy if exists drill_items_select_anon on public.drill_items;
create policy drill_items_select_anon on public.drill_items for select to anon
  using (exists (select 1 from public.drills d where d.id = drill_items.drill_id));
drop policy if exists drill_items_select on public.drill_items;
create policy drill_items_select on public.drill_items for select to authenticated
  using (exists (select 1 from public.drills d where d.id = drill_items.drill_id));

-- Expressions: published ones outside packs are public; inside a pack they follow the pack.
drop policy if exists expressions_select_anon on public.expressions;
create policy expressions_select_anon on public.expressions for select to anon
  using (is_published and (pack_id is null or public.can_read_pack(pack_id)));
drop policy if exists expressions_select on public.expressions;
create policy expressions_select on public.expressions for select to authenticated
  using ((select public.is_editor()) or (is_published and (pack_id is null or public.can_read_pack(pack_id))));

-- Pack drill lists: the pack's contents.
drop policy if exists pack_drills_select_anon on public.pack_drills;
create policy pack_drills_select_anon on public.pack_drills for select to anon
  using (public.can_read_pack(pack_id));
drop policy if exists pack_drills_select on public.pack_drills;
create policy pack_drills_select on public.pack_drills for select to authenticated
  using ((select public.is_editor()) or public.can_read_pack(pack_id));

-- Packs: the published rows are the public preview; staff also see unpublished ones.
drop policy if exists practice_packs_select on public.practice_packs;
create policy practice_packs_select on public.practice_packs for select to authenticated
  using (is_published or (select public.is_editor()));

-- The preview: a pack's row with how much it holds, kept by the server so nobody needs to read the
-- contents to count them.
alter table public.practice_packs add column if not exists drill_count integer not null default 0
check (drill_count >= 0);
alter table public.practice_packs add column if not exists expression_count integer not null default 0
check (expression_count >= 0);
comment on column public.practice_packs.drill_count is 'Drills listed in the pack (pack_drills rows); kept by a trigger, public preview.';
comment on column public.practice_packs.expression_count is 'Published expressions of the pack; kept by a trigger, public preview.';

create or replace function public.refresh_pack_counts() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  pack uuid;
begin
  foreach pack in array array[case when tg_op <> 'INSERT' then old.pack_id end,
                              case when tg_op <> 'DELETE' then new.pack_id end]
  loop
    if pack is not null then
      update public.practice_packs p
         set drill_count = (select count(*) from public.pack_drills pd where pd.pack_id = pack),
             expression_count = (select count(*) from public.expressions e where e.pack_id = pack and e.is_published)
       where p.id = pack;
    end if;
  end loop;
  return null;
end
$$;
comment on function public.refresh_pack_counts() is
  'After-row trigger on pack_drills and expressions: recounts the preview counts of the packs touched.';
revoke execute on function public.refresh_pack_counts() from public, anon, authenticated;

create or replace trigger pack_drills_refresh_pack_counts after insert or update or delete on public.pack_drills
  for each row execute function public.refresh_pack_counts();
create or replace trigger expressions_refresh_pack_counts after insert or update or delete on public.expressions
  for each row execute function public.refresh_pack_counts();

with counted as (
  select
    p.id,
    (select count(*) from public.pack_drills pd where pd.pack_id = p.id) as drills,
    (select count(*) from public.expressions e where e.pack_id = p.id and e.is_published) as expressions
  from public.practice_packs p
)

update public.practice_packs p
set drill_count = c.drills, expression_count = c.expressions
from counted c
where c.id = p.id and (p.drill_count, p.expression_count) is distinct from (c.drills, c.expressions);

-- Admins write packs but not the counts.
revoke insert, update on public.practice_packs from authenticated;
grant insert (id, slug, title, description, is_free, shop_product_handle, is_published) on public.practice_packs
to authenticated;
grant update (slug, title, description, is_free, shop_product_handle, is_published) on public.practice_packs
to authenticated;
