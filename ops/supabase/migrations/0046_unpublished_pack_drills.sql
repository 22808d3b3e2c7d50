-- migration: 0046_unpublished_pack_drills
-- purpose: a published drill that only unpublished packs hold is staff-only, as 0034 promised for unpublished packs' contents: the drill, its items, and it in match_drills(), for anon, learners and pro learners alike
-- rollback: recreate private.is_drill_open(uuid) as in 0044

-- Fail fast instead of queueing behind a lock on a busy table (squawk requires both).
set local lock_timeout = '5s';
set local statement_timeout = '120s';

-- Before: "no paid pack holds it, or a published free pack does, or the caller has pro", so a drill
-- in an unpublished pack only was open to anon (free pack) or to every pro learner. Now a drill in a
-- pack is open through a published pack the caller may read (free, or paid with pro), and a drill in
-- no pack is open to all. The drills policies call it (drill_items, attempts and match_drills() read
-- drills under them); staff read everything through their own branch.
create or replace function private.is_drill_open(drill uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.drills d
    where d.id = drill and d.is_published
      and (not exists (select 1 from public.pack_drills pd where pd.drill_id = d.id)
           or exists (select 1 from public.pack_drills pd join public.practice_packs p on p.id = pd.pack_id
                      where pd.drill_id = d.id and p.is_published and (p.is_free or private.has_active_pro()))))
$$;
comment on function private.is_drill_open(uuid) is
  'True when the caller may read a published drill: in no pack, or in a published pack that is free or the caller has pro; false for a draft, a paywalled, an unpublished pack''s or an absent drill. Staff are checked by the policies.';
