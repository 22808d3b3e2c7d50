-- migration: 0044_private_policy_helpers
-- purpose: the definer helpers policies call move to the schema private (not exposed by PostgREST), executable only by the roles whose policies call them, answering alike for hidden and absent rows; the owner-range bounds are written into the policies (no function without a pinned search_path: 0 advisor warnings, still inlined)
-- rollback: recreate public.is_admin(), public.is_editor() as definers (0002), public.has_active_pro(), public.can_read_pack(uuid), public.is_drill_open(uuid) (0034), public.get_owner_floor(), public.get_owner_ceiling() (0040), every policy of ops/supabase/policies as before 0044 (git show), transition_drill() (0035), protect_profile_role() (0002); drop schema private cascade

-- Fail fast instead of queueing behind a lock on a busy table (squawk requires both).
set local lock_timeout = '5s';
set local statement_timeout = '120s';

-- Not in supabase/config.toml [api] schemas nor in the hosted project's exposed schemas: no
-- /rest/v1/rpc/ route reaches it. Policies run as the caller, so the API roles need usage on it and
-- execute on the helpers their policies call; nobody may create anything in it.
create schema if not exists private;
comment on schema private is 'Helpers that RLS policies call; not exposed through the Data API (issue 20).';
revoke all on schema private from public;
grant usage on schema private to anon, authenticated, service_role;
alter default privileges in schema private revoke execute on functions from public;

-- Definers: they read profiles, entitlements and the pack tables without those tables' RLS (the
-- profiles policies call is_admin(); the paywall on pack_drills would hide the rows that decide it).
-- Each answers only for the caller and the same for a row the caller cannot see as for no row.
create or replace function private.is_admin() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.profiles p where p.id = auth.uid() and p.role = 'admin')
$$;
comment on function private.is_admin() is 'True when the caller''s profile is admin. Definer: bypasses profiles RLS, so policies can call it.';

create or replace function private.is_editor() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.profiles p where p.id = auth.uid() and p.role in ('editor', 'admin'))
$$;
comment on function private.is_editor() is 'True when the caller is editor or admin.';

create or replace function private.has_active_pro() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.entitlements e
                 where e.user_id = auth.uid() and e.plan = 'pro' and (e.valid_until is null or e.valid_until > now()))
$$;
comment on function private.has_active_pro() is
  'True when the caller holds an active pro entitlement (false for anon). Called by the other helpers.';

create or replace function private.can_read_pack(pack uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.practice_packs p
                 where p.id = pack and p.is_published and (p.is_free or private.has_active_pro()))
$$;
comment on function private.can_read_pack(uuid) is
  'True when the caller may read the contents of a pack: published, and free or the caller has pro; false for an unpublished or absent pack. Staff are checked by the policies.';

-- A drill that does not exist is not open (before 0044 it was: an existence oracle for hidden drills).
create or replace function private.is_drill_open(drill uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.drills d
    where d.id = drill and d.is_published
      and (not exists (select 1 from public.pack_drills pd join public.practice_packs p on p.id = pd.pack_id
                       where pd.drill_id = d.id and not p.is_free)
           or exists (select 1 from public.pack_drills pd join public.practice_packs p on p.id = pd.pack_id
                      where pd.drill_id = d.id and p.is_free and p.is_published)
           or private.has_active_pro()))
$$;
comment on function private.is_drill_open(uuid) is
  'True when the caller may read a published drill under the paywall; false for a draft, a paywalled or an absent drill. Staff are checked by the policies.';

revoke execute on all functions in schema private from public, anon, authenticated, service_role;
grant execute on function private.is_admin(), private.is_editor() to authenticated, service_role;
grant execute on function private.can_read_pack(uuid), private.is_drill_open(uuid) to anon, authenticated;

-- The definers that check the caller's role, and the role guard, call the helpers where they now are.
create or replace function public.protect_profile_role() returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  if new.role is distinct from old.role and auth.uid() is not null and not private.is_admin() then
    raise exception 'only an admin can change a profile role' using errcode = '42501';
  end if;
  return new;
end
$$;
comment on function public.protect_profile_role() is 'Before-update guard: role changes need an admin or the server.';

create or replace function public.transition_drill(
  target_drill uuid, to_status public.drill_status, note text default null
)
returns public.drill_status
language plpgsql security definer
set search_path = ''
as $$
declare
  current_status public.drill_status;
begin
  if not private.is_editor() then
    raise exception 'only editors and admins change drill status' using errcode = '42501';
  end if;
  select d.status into current_status from public.drills d where d.id = target_drill for update;
  if not found then
    raise exception 'drill % not found', target_drill using errcode = 'P0002';
  end if;
  if to_status in ('published', 'archived') and not private.is_admin() then
    raise exception 'only an admin reviewer can % a drill', to_status using errcode = '42501';
  end if;
  if not ((current_status, to_status) in (('draft', 'in_review'), ('in_review', 'draft'), ('in_review', 'published'),
                                          ('published', 'archived'), ('archived', 'draft'))) then
    raise exception 'cannot move a drill from % to %', current_status, to_status using errcode = '22023';
  end if;
  update public.drills
     set status = to_status,
         is_published = (to_status = 'published'),
         reviewed_by = case when to_status = 'published' then auth.uid() else reviewed_by end,
         published_at = case when to_status = 'published' then now() else published_at end
   where id = target_drill;
  insert into public.drill_revisions (drill_id, from_status, to_status, actor_id, note)
  values (target_drill, current_status, to_status, auth.uid(), note);
  return to_status;
end
$$;
comment on function public.transition_drill(uuid, public.drill_status, text) is
  'RPC: the only way to change drill status: editors submit, admins publish (stamping reviewed_by and published_at) or archive.';

comment on function public.list_learner_attempts(uuid, integer) is
  'RPC: admins only: a learner''s most recent attempts (at most 500), newest first.';

comment on function public.start_session(uuid) is
  'RPC: start a practice session for the caller: one open at a time, within the daily minutes of their plan on their local day; a coach other than the profile''s is a switch (cooldown).';
comment on function public.finish_session(uuid) is
  'RPC: finish the caller''s running session; its minutes (at most session_max_minutes) count on the local day it started.';
comment on function public.switch_coach(uuid) is
  'RPC: change the caller''s coach, at most once per coach_switch_cooldown_days.';

-- Every policy that called a public helper, recreated to call it in private. The owner-range bounds
-- of 0032/0040 are written out (the expression get_owner_floor() and get_owner_ceiling() inlined):
-- the same plan, and no function with a role-mutable search_path left for the advisors. Without the
-- `user_role = admin` claim (custom access token hook, 0040) the bounds are the caller's id, no lookup.

-- admin_message_reads
drop policy if exists admin_message_reads_select on public.admin_message_reads;
create policy admin_message_reads_select on public.admin_message_reads for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));

-- admin_messages
drop policy if exists admin_messages_select on public.admin_messages;
create policy admin_messages_select on public.admin_messages for select to authenticated
  using (recipient_id is null or recipient_id = (select auth.uid()) or (select private.is_admin()));

drop policy if exists admin_messages_insert on public.admin_messages;
create policy admin_messages_insert on public.admin_messages for insert to authenticated
  with check ((select private.is_admin()));

drop policy if exists admin_messages_update on public.admin_messages;
create policy admin_messages_update on public.admin_messages for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));

drop policy if exists admin_messages_delete on public.admin_messages;
create policy admin_messages_delete on public.admin_messages for delete to authenticated
  using ((select private.is_admin()));

-- affiliate_codes
drop policy if exists affiliate_codes_select on public.affiliate_codes;
create policy affiliate_codes_select on public.affiliate_codes for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));

-- affiliate_commissions
drop policy if exists affiliate_commissions_select on public.affiliate_commissions;
create policy affiliate_commissions_select on public.affiliate_commissions for select to authenticated
  using ((select private.is_admin()) or exists (
    select 1 from public.affiliate_referrals r inner join public.affiliate_codes c on r.code_id = c.id
    where r.id = affiliate_commissions.referral_id and c.user_id = (select auth.uid())));

-- affiliate_referrals
drop policy if exists affiliate_referrals_select on public.affiliate_referrals;
create policy affiliate_referrals_select on public.affiliate_referrals for select to authenticated
  using ((select private.is_admin()) or exists (
    select 1 from public.affiliate_codes c where c.id = affiliate_referrals.code_id and c.user_id = (select auth.uid()))
    );

-- assignments
drop policy if exists assignments_insert on public.assignments;
create policy assignments_insert on public.assignments for insert to authenticated
  with check ((select private.is_admin()));

drop policy if exists assignments_update on public.assignments;
create policy assignments_update on public.assignments for update to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()))
  with check (user_id = (select auth.uid()) or (select private.is_admin()));

drop policy if exists assignments_delete on public.assignments;
create policy assignments_delete on public.assignments for delete to authenticated
  using ((select private.is_admin()));

drop policy if exists assignments_select on public.assignments;
create policy assignments_select on public.assignments for select to authenticated
  using (user_id between
    (select case when (select auth.jwt()) ->> 'user_role' = 'admin' and (select private.is_admin())
     then '00000000-0000-0000-0000-000000000000'::uuid else (select auth.uid()) end)
    and
    (select case when (select auth.jwt()) ->> 'user_role' = 'admin' and (select private.is_admin())
     then 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid else (select auth.uid()) end));

-- coach_switches
drop policy if exists coach_switches_select on public.coach_switches;
create policy coach_switches_select on public.coach_switches for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));

-- coaches
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

-- daily_usage
drop policy if exists daily_usage_select on public.daily_usage;
create policy daily_usage_select on public.daily_usage for select to authenticated
  using (user_id between
    (select case when (select auth.jwt()) ->> 'user_role' = 'admin' and (select private.is_admin())
     then '00000000-0000-0000-0000-000000000000'::uuid else (select auth.uid()) end)
    and
    (select case when (select auth.jwt()) ->> 'user_role' = 'admin' and (select private.is_admin())
     then 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid else (select auth.uid()) end));

-- diagnostic_answers
drop policy if exists diagnostic_answers_select on public.diagnostic_answers;
create policy diagnostic_answers_select on public.diagnostic_answers for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));

-- diagnostic_runs
drop policy if exists diagnostic_runs_select on public.diagnostic_runs;
create policy diagnostic_runs_select on public.diagnostic_runs for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));

-- drill_items
drop policy if exists drill_items_insert on public.drill_items;
create policy drill_items_insert on public.drill_items for insert to authenticated
  with check ((select private.is_editor()) and exists (
    select 1 from public.drills d where d.id = drill_items.drill_id and d.status = 'draft'));

drop policy if exists drill_items_update on public.drill_items;
create policy drill_items_update on public.drill_items for update to authenticated
  using ((select private.is_editor()) and exists (
    select 1 from public.drills d where d.id = drill_items.drill_id and d.status = 'draft'))
  with check ((select private.is_editor()) and exists (
    select 1 from public.drills d where d.id = drill_items.drill_id and d.status = 'draft'));

drop policy if exists drill_items_delete on public.drill_items;
create policy drill_items_delete on public.drill_items for delete to authenticated
  using ((select private.is_editor()) and exists (
    select 1 from public.drills d where d.id = drill_items.drill_id and d.status = 'draft'));

-- drill_revisions
drop policy if exists drill_revisions_select on public.drill_revisions;
create policy drill_revisions_select on public.drill_revisions for select to authenticated
  using ((select private.is_editor()));

-- drill_set_members
drop policy if exists drill_set_members_select on public.drill_set_members;
create policy drill_set_members_select on public.drill_set_members for select to authenticated
  using ((select private.is_editor()) or exists (
    select 1 from public.drill_sets s where s.id = drill_set_members.set_id and s.is_published));

drop policy if exists drill_set_members_insert on public.drill_set_members;
create policy drill_set_members_insert on public.drill_set_members for insert to authenticated
  with check ((select private.is_admin()));

drop policy if exists drill_set_members_update on public.drill_set_members;
create policy drill_set_members_update on public.drill_set_members for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));

drop policy if exists drill_set_members_delete on public.drill_set_members;
create policy drill_set_members_delete on public.drill_set_members for delete to authenticated
  using ((select private.is_admin()));

-- drill_sets
drop policy if exists drill_sets_select on public.drill_sets;
create policy drill_sets_select on public.drill_sets for select to authenticated
  using (is_published or (select private.is_editor()));

drop policy if exists drill_sets_insert on public.drill_sets;
create policy drill_sets_insert on public.drill_sets for insert to authenticated
  with check ((select private.is_admin()));

drop policy if exists drill_sets_update on public.drill_sets;
create policy drill_sets_update on public.drill_sets for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));

drop policy if exists drill_sets_delete on public.drill_sets;
create policy drill_sets_delete on public.drill_sets for delete to authenticated
  using ((select private.is_admin()));

-- drills
drop policy if exists drills_insert on public.drills;
create policy drills_insert on public.drills for insert to authenticated
  with check ((select private.is_editor()));

drop policy if exists drills_delete on public.drills;
create policy drills_delete on public.drills for delete to authenticated
  using ((select private.is_admin()));

drop policy if exists drills_select_anon on public.drills;
create policy drills_select_anon on public.drills for select to anon
  using (is_published and private.is_drill_open(id));

drop policy if exists drills_select on public.drills;
create policy drills_select on public.drills for select to authenticated
  using ((select private.is_editor()) or (is_published and private.is_drill_open(id)));

drop policy if exists drills_update on public.drills;
create policy drills_update on public.drills for update to authenticated
  using ((select private.is_editor()) and status = 'draft')
  with check ((select private.is_editor()) and status = 'draft');

-- entitlement_ledger
drop policy if exists entitlement_ledger_select on public.entitlement_ledger;
create policy entitlement_ledger_select on public.entitlement_ledger for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));

-- entitlements
drop policy if exists entitlements_select on public.entitlements;
create policy entitlements_select on public.entitlements for select to authenticated
  using (user_id between
    (select case when (select auth.jwt()) ->> 'user_role' = 'admin' and (select private.is_admin())
     then '00000000-0000-0000-0000-000000000000'::uuid else (select auth.uid()) end)
    and
    (select case when (select auth.jwt()) ->> 'user_role' = 'admin' and (select private.is_admin())
     then 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid else (select auth.uid()) end));

-- events
drop policy if exists events_select on public.events;
create policy events_select on public.events for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));

-- expressions
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

-- pack_drills
drop policy if exists pack_drills_select_anon on public.pack_drills;
create policy pack_drills_select_anon on public.pack_drills for select to anon
  using (private.can_read_pack(pack_id));

drop policy if exists pack_drills_select on public.pack_drills;
create policy pack_drills_select on public.pack_drills for select to authenticated
  using ((select private.is_editor()) or private.can_read_pack(pack_id));

-- payment_events
drop policy if exists payment_events_admin_select on public.payment_events;
create policy payment_events_admin_select on public.payment_events for select to authenticated
  using ((select private.is_admin()));

-- practice_packs
drop policy if exists practice_packs_insert on public.practice_packs;
create policy practice_packs_insert on public.practice_packs for insert to authenticated
  with check ((select private.is_admin()));

drop policy if exists practice_packs_update on public.practice_packs;
create policy practice_packs_update on public.practice_packs for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));

drop policy if exists practice_packs_delete on public.practice_packs;
create policy practice_packs_delete on public.practice_packs for delete to authenticated
  using ((select private.is_admin()));

drop policy if exists practice_packs_select on public.practice_packs;
create policy practice_packs_select on public.practice_packs for select to authenticated
  using (is_published or (select private.is_editor()));

-- product_recommendations
drop policy if exists product_recommendations_select on public.product_recommendations;
create policy product_recommendations_select on public.product_recommendations for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));

-- profiles
drop policy if exists profiles_update on public.profiles;
create policy profiles_update on public.profiles for update to authenticated
  using (id = (select auth.uid()) or (select private.is_admin()))
  with check (id = (select auth.uid()) or (select private.is_admin()));

drop policy if exists profiles_select on public.profiles;
create policy profiles_select on public.profiles for select to authenticated
  using (id between
    (select case when (select auth.jwt()) ->> 'user_role' = 'admin' and (select private.is_admin())
     then '00000000-0000-0000-0000-000000000000'::uuid else (select auth.uid()) end)
    and
    (select case when (select auth.jwt()) ->> 'user_role' = 'admin' and (select private.is_admin())
     then 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid else (select auth.uid()) end));

-- reconciliation_jobs
drop policy if exists reconciliation_jobs_admin_select on public.reconciliation_jobs;
create policy reconciliation_jobs_admin_select on public.reconciliation_jobs for select to authenticated
  using ((select private.is_admin()));

-- reconciliation_mismatches
drop policy if exists reconciliation_mismatches_admin_select on public.reconciliation_mismatches;
create policy reconciliation_mismatches_admin_select on public.reconciliation_mismatches for select to authenticated
  using ((select private.is_admin()));

-- sessions
drop policy if exists sessions_select on public.sessions;
create policy sessions_select on public.sessions for select to authenticated
  using (user_id between
    (select case when (select auth.jwt()) ->> 'user_role' = 'admin' and (select private.is_admin())
     then '00000000-0000-0000-0000-000000000000'::uuid else (select auth.uid()) end)
    and
    (select case when (select auth.jwt()) ->> 'user_role' = 'admin' and (select private.is_admin())
     then 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid else (select auth.uid()) end));

-- skill_estimates
drop policy if exists skill_estimates_select on public.skill_estimates;
create policy skill_estimates_select on public.skill_estimates for select to authenticated
  using (user_id between
    (select case when (select auth.jwt()) ->> 'user_role' = 'admin' and (select private.is_admin())
     then '00000000-0000-0000-0000-000000000000'::uuid else (select auth.uid()) end)
    and
    (select case when (select auth.jwt()) ->> 'user_role' = 'admin' and (select private.is_admin())
     then 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid else (select auth.uid()) end));

-- storage_objects
drop policy if exists "public assets: admins upload" on storage.objects;
create policy "public assets: admins upload" on storage.objects
  for insert to authenticated
  with check (bucket_id = 'public-assets' and (select private.is_admin()));

drop policy if exists "public assets: admins update" on storage.objects;
create policy "public assets: admins update" on storage.objects
  for update to authenticated
  using (bucket_id = 'public-assets' and (select private.is_admin()))
  with check (bucket_id = 'public-assets' and (select private.is_admin()));

drop policy if exists "public assets: admins delete" on storage.objects;
create policy "public assets: admins delete" on storage.objects
  for delete to authenticated
  using (bucket_id = 'public-assets' and (select private.is_admin()));

drop policy if exists "public assets: admins read" on storage.objects;
create policy "public assets: admins read" on storage.objects
  for select to authenticated
  using (bucket_id = 'public-assets' and (select private.is_admin()));

-- support_tickets
drop policy if exists support_tickets_select on public.support_tickets;
create policy support_tickets_select on public.support_tickets for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));

drop policy if exists support_tickets_update on public.support_tickets;
create policy support_tickets_update on public.support_tickets for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));

drop policy if exists support_tickets_delete on public.support_tickets;
create policy support_tickets_delete on public.support_tickets for delete to authenticated
  using ((select private.is_admin()));

-- ticket_internal_notes
drop policy if exists ticket_internal_notes_admin on public.ticket_internal_notes;
create policy ticket_internal_notes_admin on public.ticket_internal_notes for all to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));

-- ticket_messages
drop policy if exists ticket_messages_select on public.ticket_messages;
create policy ticket_messages_select on public.ticket_messages for select to authenticated
  using ((select private.is_admin()) or exists (
    select 1 from public.support_tickets t where t.id = ticket_messages.ticket_id and t.user_id = (select auth.uid())));

drop policy if exists ticket_messages_insert on public.ticket_messages;
create policy ticket_messages_insert on public.ticket_messages for insert to authenticated
  with check (author_id = (select auth.uid()) and ((select private.is_admin()) or exists (
    select 1 from public.support_tickets t where t.id = ticket_messages.ticket_id and t.user_id = (select auth.uid())))
    );


-- Nothing calls these any more, and policy helpers are no RPCs.
-- noqa: squawk:ban-drop-function policy helper, never an API of the app; the policies call private's
drop function if exists public.get_owner_floor();
-- noqa: squawk:ban-drop-function policy helper, never an API of the app; the policies call private's
drop function if exists public.get_owner_ceiling();
-- noqa: squawk:ban-drop-function policy helper, never an API of the app; the policies call private's
drop function if exists public.is_drill_open(uuid);
-- noqa: squawk:ban-drop-function policy helper, never an API of the app; the policies call private's
drop function if exists public.can_read_pack(uuid);
-- noqa: squawk:ban-drop-function policy helper, never an API of the app; the policies call private's
drop function if exists public.has_active_pro();

-- is_admin() and is_editor() stay in public for the app and for the definer RPCs that call them
-- (list_learner_attempts(), transition_drill()), as invoker wrappers: they tell the caller their own
-- role and are no definer on the API any more.
create or replace function public.is_admin() returns boolean
language sql stable security invoker
set search_path = ''
as $$
  select private.is_admin()
$$;
comment on function public.is_admin() is 'True when the caller''s profile is admin (private.is_admin(); invoker: no RPC with definer rights).';

create or replace function public.is_editor() returns boolean
language sql stable security invoker
set search_path = ''
as $$
  select private.is_editor()
$$;
comment on function public.is_editor() is 'True when the caller is editor or admin (private.is_editor(); invoker).';
