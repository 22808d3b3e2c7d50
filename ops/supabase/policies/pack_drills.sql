-- RLS policies on public.pack_drills
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0034_paywall.sql
drop policy if exists pack_drills_select_anon on public.pack_drills;

create policy pack_drills_select_anon on public.pack_drills for select to anon
  using (public.can_read_pack(pack_id));

drop policy if exists pack_drills_select on public.pack_drills;

create policy pack_drills_select on public.pack_drills for select to authenticated
  using ((select public.is_editor()) or public.can_read_pack(pack_id));
