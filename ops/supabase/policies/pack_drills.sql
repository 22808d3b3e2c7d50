-- RLS policies on public.pack_drills
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0047_staff_ids_and_draft_ids.sql
drop policy if exists pack_drills_select_anon on public.pack_drills;

create policy pack_drills_select_anon on public.pack_drills for select to anon
  using (private.can_read_pack(pack_id) and exists (select 1 from public.drills d where d.id = pack_drills.drill_id));

drop policy if exists pack_drills_select on public.pack_drills;

create policy pack_drills_select on public.pack_drills for select to authenticated
  using (
    (select private.is_editor())
    or (private.can_read_pack(pack_id) and exists (select 1 from public.drills d where d.id = pack_drills.drill_id))
  );
