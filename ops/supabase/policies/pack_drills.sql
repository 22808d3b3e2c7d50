-- RLS policies on public.pack_drills
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0018_entitlements.sql
drop policy if exists pack_drills_select_anon on public.pack_drills;

create policy pack_drills_select_anon on public.pack_drills for select to anon
  using (
    exists (select 1 from public.practice_packs p where p.id = pack_drills.pack_id and p.is_published and p.is_free)
  );

drop policy if exists pack_drills_select on public.pack_drills;

create policy pack_drills_select on public.pack_drills for select to authenticated
  using (
    exists (select 1 from public.practice_packs p where p.id = pack_drills.pack_id and p.is_published and p.is_free)
    or (select public.is_admin())
    or exists (select 1 from public.entitlements e
               where e.user_id = (select auth.uid()) and e.plan = 'pro'
                 and (e.valid_until is null or e.valid_until > now()))
  );
