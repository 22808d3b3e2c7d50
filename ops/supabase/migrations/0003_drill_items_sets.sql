-- migration: 0003_drill_items_sets
-- purpose: drills, their items, drill sets and set membership
-- rollback: drop table public.drill_set_members, public.drill_sets, public.drill_items, public.drills

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

create table if not exists public.drills (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title text not null,
  skill text not null check (skill in ('speaking', 'listening', 'vocabulary', 'grammar', 'pronunciation')),
  level smallint not null default 1 check (level between 1 and 6),
  is_published boolean not null default false,
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.drills is 'A practice drill; published drills are public, drafts only for editors and admins.';
comment on column public.drills.id is 'Surrogate key.';
comment on column public.drills.slug is 'Stable URL name.';
comment on column public.drills.title is 'Title shown to learners.';
comment on column public.drills.skill is 'Skill trained.';
comment on column public.drills.level is 'Difficulty 1 (A1) to 6 (C2).';
comment on column public.drills.is_published is 'Kept in sync with status by 0012 (published = true).';
comment on column public.drills.created_by is 'Author (editor).';
comment on column public.drills.created_at is 'Creation time.';
comment on column public.drills.updated_at is 'Last change, maintained by trigger.';
create index if not exists drills_created_by_idx on public.drills (created_by);
create index if not exists drills_published_skill_idx on public.drills (skill, level) where is_published;

create table if not exists public.drill_items (
  id uuid primary key default gen_random_uuid(),
  drill_id uuid not null references public.drills (id) on delete cascade,
  position smallint not null check (position >= 0),
  prompt text not null,
  expected_answer text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (drill_id, position)
);
comment on table public.drill_items is 'Ordered prompts inside a drill.';
comment on column public.drill_items.id is 'Surrogate key.';
comment on column public.drill_items.drill_id is 'Parent drill.';
comment on column public.drill_items.position is 'Order within the drill, from 0.';
comment on column public.drill_items.prompt is 'What the coach asks.';
comment on column public.drill_items.expected_answer is 'Model answer used for scoring.';
comment on column public.drill_items.created_at is 'Creation time.';
comment on column public.drill_items.updated_at is 'Last change, maintained by trigger.';

create table if not exists public.drill_sets (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title text not null,
  is_published boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.drill_sets is 'Curated sequence of drills.';
comment on column public.drill_sets.id is 'Surrogate key.';
comment on column public.drill_sets.slug is 'Stable URL name.';
comment on column public.drill_sets.title is 'Title shown to learners.';
comment on column public.drill_sets.is_published is 'Public when true.';
comment on column public.drill_sets.created_at is 'Creation time.';
comment on column public.drill_sets.updated_at is 'Last change, maintained by trigger.';

create table if not exists public.drill_set_members (
  set_id uuid not null references public.drill_sets (id) on delete cascade,
  drill_id uuid not null references public.drills (id) on delete cascade,
  position smallint not null check (position >= 0),
  primary key (set_id, drill_id)
);
comment on table public.drill_set_members is 'Membership of drills in sets, ordered.';
comment on column public.drill_set_members.set_id is 'The set.';
comment on column public.drill_set_members.drill_id is 'The drill.';
comment on column public.drill_set_members.position is 'Order within the set.';
create index if not exists drill_set_members_drill_id_idx on public.drill_set_members (drill_id);

do $$
begin
  alter table public.attempts add constraint attempts_drill_id_fkey
    foreign key (drill_id) references public.drills (id) on delete set null;
exception when duplicate_object then null;
end
$$;

create or replace trigger drills_set_updated_at before update on public.drills
  for each row execute function public.set_updated_at();
create or replace trigger drill_items_set_updated_at before update on public.drill_items
  for each row execute function public.set_updated_at();
create or replace trigger drill_sets_set_updated_at before update on public.drill_sets
  for each row execute function public.set_updated_at();

alter table public.drills enable row level security;
alter table public.drill_items enable row level security;
alter table public.drill_sets enable row level security;
alter table public.drill_set_members enable row level security;

revoke all on public.drills, public.drill_items, public.drill_sets, public.drill_set_members from anon, authenticated;
grant select on public.drills, public.drill_items, public.drill_sets, public.drill_set_members to anon, authenticated;
grant insert,
update,
delete on public.drills,
public.drill_items,
public.drill_sets,
public.drill_set_members to authenticated;
grant all on public.drills, public.drill_items, public.drill_sets, public.drill_set_members to service_role;
