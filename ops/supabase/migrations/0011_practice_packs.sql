-- migration: 0011_practice_packs
-- purpose: practice packs (public catalogue), their drills, and the link to a shop product
-- rollback: drop table public.pack_drills, public.practice_packs

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

create table if not exists public.practice_packs (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title text not null,
  description text,
  is_free boolean not null default false,
  shop_product_handle text,
  is_published boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.practice_packs is 'Bundles of drills; free or sold through the shop.';
comment on column public.practice_packs.id is 'Surrogate key.';
comment on column public.practice_packs.slug is 'Stable URL name.';
comment on column public.practice_packs.title is 'Title shown in the catalogue.';
comment on column public.practice_packs.description is 'Catalogue description.';
comment on column public.practice_packs.is_free is 'Contents readable without an entitlement.';
comment on column public.practice_packs.shop_product_handle is 'Shop product that sells it (shop_products.handle).';
comment on column public.practice_packs.is_published is 'Visible in the catalogue.';
comment on column public.practice_packs.created_at is 'Creation time.';
comment on column public.practice_packs.updated_at is 'Last change, maintained by trigger.';

create table if not exists public.pack_drills (
  pack_id uuid not null references public.practice_packs (id) on delete cascade,
  drill_id uuid not null references public.drills (id) on delete cascade,
  position smallint not null default 0 check (position >= 0),
  primary key (pack_id, drill_id)
);
comment on table public.pack_drills is 'Drills in a pack; readable when the pack is free or the caller holds an entitlement (0018).';
comment on column public.pack_drills.pack_id is 'The pack.';
comment on column public.pack_drills.drill_id is 'The drill.';
comment on column public.pack_drills.position is 'Order within the pack.';
create index if not exists pack_drills_drill_id_idx on public.pack_drills (drill_id);

create or replace trigger practice_packs_set_updated_at before update on public.practice_packs
  for each row execute function public.set_updated_at();
alter table public.practice_packs enable row level security;
alter table public.pack_drills enable row level security;

drop policy if exists practice_packs_select_anon on public.practice_packs;
create policy practice_packs_select_anon on public.practice_packs for select to anon
  using (is_published);
drop policy if exists practice_packs_select on public.practice_packs;
create policy practice_packs_select on public.practice_packs for select to authenticated
  using (is_published or (select public.is_admin()));
drop policy if exists practice_packs_insert on public.practice_packs;
create policy practice_packs_insert on public.practice_packs for insert to authenticated
  with check ((select public.is_admin()));
drop policy if exists practice_packs_update on public.practice_packs;
create policy practice_packs_update on public.practice_packs for update to authenticated
  using ((select public.is_admin())) with check ((select public.is_admin()));
drop policy if exists practice_packs_delete on public.practice_packs;
create policy practice_packs_delete on public.practice_packs for delete to authenticated
  using ((select public.is_admin()));

revoke all on public.practice_packs, public.pack_drills from anon, authenticated;
grant select on public.practice_packs to anon, authenticated;
grant insert, update, delete on public.practice_packs to authenticated;
grant select on public.pack_drills to anon, authenticated;
grant all on public.practice_packs, public.pack_drills to service_role;
