-- migration: 0036_server_owned_columns
-- purpose: learners write only the columns that are theirs to decide (scores, results, timestamps and owner changes are the server's), their rows cannot point at rows they cannot see, and profiles.timezone must be a real time zone
-- rollback: grant insert on public.attempts, public.events, public.diagnostic_runs, public.diagnostic_answers, public.ticket_messages, public.admin_message_reads and insert, update on public.expression_progress, public.saved_filters to authenticated; recreate the insert/update policies of attempts (0009), expression_progress (0025), admin_message_reads (0009); drop trigger profiles_check_timezone on public.profiles; drop function public.check_profile_timezone()

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

-- Who writes which column: ops/docs/server-owned-columns.md. Owner ids may be written on insert only
-- as the caller's own id (the policies check it) and never changed afterwards; ids, timestamps,
-- scores and results come from defaults and from the server (service_role, or a definer RPC).
revoke insert on public.attempts, public.events, public.diagnostic_runs, public.diagnostic_answers,
public.ticket_messages, public.admin_message_reads from authenticated;
revoke insert, update on public.expression_progress, public.saved_filters from authenticated;

-- attempts: score is written by the scoring service as service_role once it has scored the response.
grant insert (id, user_id, session_id, drill_id, response) on public.attempts to authenticated;
grant insert (user_id, name, payload) on public.events to authenticated;
-- diagnostic_runs: started_at, finished_at and result are the server's.
grant insert (id, user_id) on public.diagnostic_runs to authenticated;
grant insert (id, run_id, user_id, question_key, answer) on public.diagnostic_answers to authenticated;
grant insert (id, ticket_id, author_id, body) on public.ticket_messages to authenticated;
grant insert (message_id, user_id) on public.admin_message_reads to authenticated;
-- expression_progress: mastery is the learner's own self-assessment (0-5); updated_at is the trigger's.
grant insert (user_id, expression_id, mastery) on public.expression_progress to authenticated;
grant update (mastery) on public.expression_progress to authenticated;
grant insert (id, user_id, name, criteria) on public.saved_filters to authenticated;
grant update (name, criteria) on public.saved_filters to authenticated;

-- References to rows the caller cannot see are refused: the subqueries run under the referenced
-- tables' own policies (drafts, paywalled drills and expressions, other learners' messages).
drop policy if exists attempts_insert on public.attempts;
create policy attempts_insert on public.attempts for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and (session_id is null or exists (
      select 1 from public.sessions s where s.id = attempts.session_id and s.user_id = (select auth.uid())))
    and (drill_id is null or exists (select 1 from public.drills d where d.id = attempts.drill_id))
  );

drop policy if exists expression_progress_insert on public.expression_progress;
create policy expression_progress_insert on public.expression_progress for insert to authenticated
  with check (user_id = (select auth.uid()) and exists (
    select 1 from public.expressions e where e.id = expression_progress.expression_id));
drop policy if exists expression_progress_update on public.expression_progress;
create policy expression_progress_update on public.expression_progress for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()) and exists (
    select 1 from public.expressions e where e.id = expression_progress.expression_id));

drop policy if exists admin_message_reads_insert on public.admin_message_reads;
create policy admin_message_reads_insert on public.admin_message_reads for insert to authenticated
  with check (user_id = (select auth.uid()) and exists (
    select 1 from public.admin_messages m where m.id = admin_message_reads.message_id));

-- The learner's day (daily limits, recaps) is computed in profiles.timezone: only real zone names.
create or replace function public.check_profile_timezone() returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  perform now() at time zone new.timezone;
  return new;
exception when invalid_parameter_value then
  raise exception 'unknown time zone %', new.timezone using errcode = '23514';
end
$$;
comment on function public.check_profile_timezone() is 'Before insert/update trigger: profiles.timezone must be an IANA zone Postgres knows.';
create or replace trigger profiles_check_timezone before insert or update of timezone on public.profiles
  for each row execute function public.check_profile_timezone();
