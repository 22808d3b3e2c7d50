-- RLS and security tests for Polaris Coach, runnable anywhere with plain psql:
--
--   psql "$DATABASE_URL" -X -v ON_ERROR_STOP=1 -f ops/supabase/tests/rls_tests.sql
--
-- Everything happens inside ONE transaction that is rolled back at the end: four throwaway users
-- in auth.users (their profiles come from the schema's trigger), then per object: a savepoint, its
-- fixture rows (written once, by its first check), one check per line, each run as PostgREST runs a
-- request (`set local role`, `request.jwt.claims`) inside a savepoint of its own that is undone, so
-- checks never see each other's writes, and a rollback to the object's savepoint. Output is TAP:
--   ok 12 - other learner cannot read the owner's attempts
-- then a summary line. Any failed check raises at the very end, so psql exits 3 (ON_ERROR_STOP).
-- Nothing is left behind, on local or on staging. How to read a failure: ops/docs/rls-tests.md.
--
-- Actors: anon, owner (a learner owning the rows), other (another learner), editor, admin,
-- service_role. Statements name the users' ids as :'owner', :'other', :'editor', :'admin' and a
-- per-run tag as :'run'; the check helper substitutes them (psql leaves $$-quoted text alone).
-- Verdicts (pg_temp.rls_verdict; the matrix's Python API runs these same functions, so there is
-- one executor and a verdict cannot differ between the two):
--   allowed  the statement returns/touches >= 1 row; an insert may also hit a unique violation (RLS
--            let the row in); an execute only has to raise nothing
--   denied   0 rows, or a denial error: 42501 (privilege or RLS check), P0001 (a guard), 23514
-- Any other error (42P17 infinite recursion, a missing column...) is `error` and fails the check
-- either way; a fixture that raises is `setup failed`.

\set ON_ERROR_STOP on
\set QUIET on
\pset tuples_only on
\pset format unaligned
\pset pager off
set client_min_messages = warning;

-- A rolled-back check leaves its rows dead in the tables and in the HNSW index on drills.embedding.
-- Dead entries at the fixture drills' point crowd pgvector's approximate search, and once the table
-- has grown the planner prefers that index: a rerun could miss a readable drill in match_drills()
-- (a false `denied`). Vacuumed first (outside the transaction), every run starts as a first run does.
select to_regclass('public.drills') is not null as rls_has_drills \gset
\if :rls_has_drills
vacuum public.drills;
\endif

begin;

-- >>> definitions: the one executor of the access matrix. `run_matrix` (src/polaris_db/rls/runner.py)
-- runs this block as is in its own transaction and calls pg_temp.rls_case per case, so a verdict
-- is decided here and nowhere else.
create temporary table rls_actor (actor text primary key, id uuid not null);
create temporary table rls_run (tag text not null);
create temporary table rls_setup (object text primary key, statements text not null);
-- The object whose fixture rows are in place: written with them, so undone with them (see rls_case).
create temporary table rls_fixture (
  object text primary key,
  sqlstate text,  -- set when the fixture raised: every check of the object is then `setup failed`
  message text
);
-- What one check found (a row type: rls_case returns it, nothing stores it).
create type pg_temp.rls_tap as (
  n bigint,  -- the TAP number
  ok boolean,
  description text,
  verdict text,  -- allowed | denied | error | setup failed
  rows bigint,  -- rows touched, when the statement raised nothing
  sqlstate text,  -- the error the setup or the statement raised
  message text,
  explanation text  -- expected X, got Y: what happened
);
-- The TAP counters are sequences: nextval survives the rollback that undoes an object's fixture rows.
create temporary sequence rls_checks;
create temporary sequence rls_failures;
insert into rls_run values (substr(md5(random()::text), 1, 10));
insert into rls_actor
select a, gen_random_uuid() from unnest(array['owner', 'other', 'editor', 'admin']) a;
-- Each actor's database role and `request.jwt.claims`, as PostgREST sets them for its requests.
create temporary table rls_claims (actor text primary key, role text not null, claims text not null);
insert into rls_claims
select a.actor, 'authenticated',
       jsonb_build_object('sub', a.id, 'role', 'authenticated', 'aud', 'authenticated',
                          'email', format('rls-%s-%s@example.invalid', (select tag from rls_run), a.actor),
                          -- the claim the custom access token hook (0040) adds from profiles.role
                          'user_role', case when a.actor in ('editor', 'admin') then a.actor else 'learner' end)::text
from rls_actor a
union all
values ('anon', 'anon', '{"role": "anon"}'), ('service_role', 'service_role', '{"role": "service_role"}');

-- :'name' -> quoted literal; an unknown name is a mistake in this file, so it raises.
create function pg_temp.rls_bind(statement text) returns text
language plpgsql as $$
declare
  name text;
  value text;
begin
  for name in select distinct m[1] from regexp_matches(statement, ':''(\w+)''', 'g') m loop
    if name = 'run' then
      value := (select tag from rls_run);
    else
      value := (select id::text from rls_actor where actor = name);
    end if;
    if value is null then
      raise exception 'rls_tests.sql: unknown placeholder :''%''', name;
    end if;
    statement := replace(statement, ':''' || name || '''', quote_literal(value));
  end loop;
  return statement;
end $$;

-- What a statement's outcome means (see the top of this file): `rows` when it raised nothing, else
-- the sqlstate it raised.
create function pg_temp.rls_verdict(command text, rows bigint, state text) returns text
language sql immutable as $$
  select case
    when state is null then case when command = 'execute' or rows > 0 then 'allowed' else 'denied' end
    when state = '23505' and command = 'insert' then 'allowed'
    when state in ('42501', 'P0001', '23514') then 'denied'
    else 'error' end
$$;

-- Run `statement` as `actor` in a savepoint that is always undone, and return the outcome. The first
-- check of an object runs its `setup` (fixture rows, as the connecting role) outside that savepoint:
-- the rows stay for the object's other checks, and the caller undoes them before the next object
-- (the script: `savepoint rls_object` once, `rollback to savepoint rls_object` after each object's last
-- check); a case of another object while they are in place raises.
create function pg_temp.rls_case(description text, actor text, command text, object text, statement text,
                                 expect text, setup text)
returns pg_temp.rls_tap
language plpgsql as $$
declare
  db_role text;
  claims text;
  n bigint;
  state text;
  message text;
  fixture rls_fixture;
  verdict text;
  expected text;
  result pg_temp.rls_tap;
begin
  if expect not in ('allow', 'deny') then
    raise exception 'rls_tests.sql: expect must be allow or deny, got %', expect;
  end if;
  expected := case expect when 'allow' then 'allowed' else 'denied' end;
  select c.role, c.claims into db_role, claims from rls_claims c where c.actor = rls_case.actor;
  if not found then
    raise exception 'rls_tests.sql: unknown actor %', actor;
  end if;
  -- Bound before the role switch: the actors cannot read the temporary tables.
  statement := pg_temp.rls_bind(statement);
  select f.* into fixture from rls_fixture f where f.object = rls_case.object;
  if not found then
    if exists (select 1 from rls_fixture) then
      raise exception 'rls_tests.sql: the fixture rows of % are still in place before the checks of %: '
                      'roll back to savepoint rls_object between objects', (select f.object from rls_fixture f), object;
    end if;
    fixture.object := object;
    if setup is not null then
      begin
        execute pg_temp.rls_bind(setup);
      exception when others then  -- the block's savepoint undoes what the setup did before it raised
        fixture.sqlstate := sqlstate;
        fixture.message := format('setup of %s failed: %s', object, sqlerrm);
      end;
    end if;
    insert into rls_fixture select fixture.*;
  end if;
  if fixture.sqlstate is not null then
    state := fixture.sqlstate;
    message := fixture.message;
    verdict := 'setup failed';
  else
    begin
      perform set_config('role', db_role, true);
      perform set_config('request.jwt.claims', claims, true);
      begin
        execute statement;
        get diagnostics n = row_count;
      exception when others then
        state := sqlstate;
        message := sqlerrm;
      end;
      raise sqlstate 'RLSOK';  -- undo the statement and the role switch
    exception when sqlstate 'RLSOK' then
      null;
    end;
    verdict := pg_temp.rls_verdict(command, n, state);
  end if;
  result := (nextval('rls_checks'), verdict = expected, description, verdict, case when state is null then n end,
             state, message,
             format('expected %s, got %s: %s', expected, verdict, coalesce(state || ' ' || message, n || ' row(s)')));
  if not result.ok then
    perform nextval('rls_failures');
  end if;
  return result;
end $$;

-- One TAP line per check: rls_case with the object's fixture rows from rls_setup. (plpgsql, not sql:
-- a session keeps its plans, where a sql function is planned again by every check.)
create function pg_temp.rls_check(description text, actor text, command text, object text, statement text,
                                  expect text)
returns text
language plpgsql as $$
declare
  t pg_temp.rls_tap;
begin
  t := pg_temp.rls_case(description, actor, command, object, statement, expect,
                        (select s.statements from rls_setup s where s.object = rls_check.object));
  return case when t.ok then 'ok ' else 'not ok ' end || t.n || ' - ' || t.description
         || case when t.ok then '' else ' # ' || t.explanation end;
end $$;

-- The counters: checks run and checks failed so far.
create function pg_temp.rls_count(counter regclass) returns bigint
language plpgsql as $$
declare
  value bigint;
begin
  execute format('select case when is_called then last_value else 0 end from %s', counter) into value;
  return value;
end $$;

-- The TAP summary line.
create function pg_temp.rls_summary() returns text
language sql as $$
  select format('# %s checks: %s passed, %s failed', c, c - f, f)
  from (select pg_temp.rls_count('rls_checks') c, pg_temp.rls_count('rls_failures') f) counts
$$;
-- <<< definitions

-- The same ids as psql variables, for the plain-SQL fixture statements below (psql substitutes
-- :'owner' outside quotes; the check helper does it inside $$ bodies).
select max(id::text) filter (where actor = 'owner') as owner, max(id::text) filter (where actor = 'other') as other,
       max(id::text) filter (where actor = 'editor') as editor, max(id::text) filter (where actor = 'admin') as admin,
       (select tag from rls_run) as run
from rls_actor \gset

-- GENERATED from access_matrix.toml and rls_tests.sql.head by `inv db.rls-script`: edit those,
-- then regenerate. Everything below the helpers is rendered by src/polaris_db/rls/render.py.

-- Throwaway users (the schema's trigger creates their profiles), then the promotions.
insert into auth.users (id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
values (:'owner', 'authenticated', 'authenticated', ('rls-' || :'run' || '-owner@example.invalid'), '{}', '{}', now(), now());
insert into auth.users (id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
values (:'other', 'authenticated', 'authenticated', ('rls-' || :'run' || '-other@example.invalid'), '{}', '{}', now(), now());
insert into auth.users (id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
values (:'editor', 'authenticated', 'authenticated', ('rls-' || :'run' || '-editor@example.invalid'), '{}', '{}', now(), now());
insert into auth.users (id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
values (:'admin', 'authenticated', 'authenticated', ('rls-' || :'run' || '-admin@example.invalid'), '{}', '{}', now(), now());
update public.profiles set role = 'editor' where id = :'editor';
update public.profiles set role = 'admin' where id = :'admin';

-- Fixture rows per object: its first check writes them, its other checks see them, the rollback to
-- savepoint rls_object after its last check undoes them.
insert into rls_setup values ('public.profiles', $q$insert into public.daily_usage (user_id, day, minutes_used) values (:'other', (now() at time zone 'UTC')::date, 10);
insert into public.sessions (user_id) values (:'editor')$q$);
insert into rls_setup values ('public.sessions', $q$insert into public.sessions (user_id) values (:'owner')$q$);
insert into rls_setup values ('public.attempts', $q$insert into public.sessions (id, user_id) values (md5(:'run' || '-session')::uuid, :'owner');
insert into public.attempts (user_id, session_id, score) values (:'owner', md5(:'run' || '-session')::uuid, 80);
insert into public.drills (id, slug, title, skill, status, is_published)
values (md5(:'run' || '-draft')::uuid, 'rls-draft-' || :'run', 'RLS draft', 'speaking', 'draft', false);
insert into public.drills (id, slug, title, skill, status, is_published)
values (md5(:'run' || '-paid-drill')::uuid, 'rls-paid-' || :'run', 'RLS paid drill', 'speaking', 'published', true);
insert into public.practice_packs (id, slug, title, is_free, is_published)
values (md5(:'run' || '-paid')::uuid, 'rls-paid-' || :'run', 'Paid', false, true);
insert into public.pack_drills (pack_id, drill_id) values (md5(:'run' || '-paid')::uuid, md5(:'run' || '-paid-drill')::uuid);
insert into public.entitlement_ledger (id, user_id, plan, provider, provider_event_id)
values (md5(:'run' || '-ledger')::uuid, :'other', 'pro', 'manual', 'rls-' || :'run');
insert into public.entitlements (user_id, plan, valid_until, ledger_id)
values (:'other', 'pro', now() + interval '1 day', md5(:'run' || '-ledger')::uuid)$q$);
insert into rls_setup values ('public.daily_usage', $q$insert into public.daily_usage (user_id, day, minutes_used) values (:'owner', current_date - 1, 5)$q$);
insert into rls_setup values ('public.coach_switches', $q$insert into public.coaches (id, slug, display_name, persona, is_published)
values (md5(:'run' || '-coach')::uuid, 'rls-' || :'run', 'RLS coach', 'test', true);
insert into public.coach_switches (user_id, to_coach_id) values (:'owner', md5(:'run' || '-coach')::uuid)$q$);
insert into rls_setup values ('public.events', $q$insert into public.events (user_id, name) values (:'owner', 'rls_fixture')$q$);
insert into rls_setup values ('public.skill_estimates', $q$insert into public.skill_estimates (user_id, skill, estimate) values (:'owner', 'speaking', 50)$q$);
insert into rls_setup values ('public.diagnostic_runs', $q$insert into public.diagnostic_runs (id, user_id) values (md5(:'run' || '-diag')::uuid, :'owner')$q$);
insert into rls_setup values ('public.diagnostic_answers', $q$insert into public.diagnostic_runs (id, user_id) values (md5(:'run' || '-diag')::uuid, :'owner');
insert into public.diagnostic_runs (id, user_id, finished_at)
values (md5(:'run' || '-diag-done')::uuid, :'owner', now());
insert into public.diagnostic_answers (run_id, user_id, question_key, answer)
values (md5(:'run' || '-diag')::uuid, :'owner', 'q1', 'a')$q$);
insert into rls_setup values ('public.expression_progress', $q$insert into public.expressions (id, phrase, meaning, is_published)
values (md5(:'run' || '-expr')::uuid, 'rls ' || :'run', 'test', true);
insert into public.expressions (id, phrase, meaning, is_published)
values (md5(:'run' || '-hidden-expr')::uuid, 'rls hidden ' || :'run', 'test', false);
insert into public.practice_packs (id, slug, title, is_free, is_published)
values (md5(:'run' || '-paid')::uuid, 'rls-paid-' || :'run', 'Paid', false, true);
insert into public.expressions (id, pack_id, phrase, meaning, is_published)
values (md5(:'run' || '-paid-expr')::uuid, md5(:'run' || '-paid')::uuid, 'rls paid ' || :'run', 'test', true);
insert into public.entitlement_ledger (id, user_id, plan, provider, provider_event_id)
values (md5(:'run' || '-ledger')::uuid, :'other', 'pro', 'manual', 'rls-' || :'run');
insert into public.entitlements (user_id, plan, valid_until, ledger_id)
values (:'other', 'pro', now() + interval '1 day', md5(:'run' || '-ledger')::uuid);
insert into public.expression_progress (user_id, expression_id, mastery) values (:'owner', md5(:'run' || '-expr')::uuid, 1)$q$);
insert into rls_setup values ('public.saved_filters', $q$insert into public.saved_filters (user_id, name) values (:'owner', 'rls ' || :'run')$q$);
insert into rls_setup values ('public.assignments', $q$insert into public.drills (id, slug, title, skill, status, is_published)
values (md5(:'run' || '-drill')::uuid, 'rls-' || :'run', 'RLS drill', 'speaking', 'published', true);
insert into public.assignments (user_id, drill_id) values (:'owner', md5(:'run' || '-drill')::uuid)$q$);
insert into rls_setup values ('public.support_tickets', $q$insert into public.support_tickets (id, user_id, subject) values (md5(:'run' || '-ticket')::uuid, :'owner', 'rls')$q$);
insert into rls_setup values ('public.ticket_messages', $q$insert into public.support_tickets (id, user_id, subject) values (md5(:'run' || '-ticket')::uuid, :'owner', 'rls');
insert into public.ticket_messages (ticket_id, author_id, body) values (md5(:'run' || '-ticket')::uuid, :'owner', 'help')$q$);
insert into rls_setup values ('public.ticket_internal_notes', $q$insert into public.support_tickets (id, user_id, subject) values (md5(:'run' || '-ticket')::uuid, :'owner', 'rls');
insert into public.ticket_internal_notes (ticket_id, author_id, body) values (md5(:'run' || '-ticket')::uuid, :'admin', 'note')$q$);
insert into rls_setup values ('public.admin_messages', $q$insert into public.admin_messages (id, recipient_id, sender_id, title, body)
values (md5(:'run' || '-msg')::uuid, :'owner', :'admin', 'rls', 'to owner');
insert into public.admin_messages (id, recipient_id, sender_id, title, body)
values (md5(:'run' || '-broadcast')::uuid, null, :'admin', 'rls', 'to everyone')$q$);
insert into rls_setup values ('public.admin_message_reads', $q$insert into public.admin_messages (id, recipient_id, title, body) values (md5(:'run' || '-msg')::uuid, null, 'rls', 'b');
insert into public.admin_messages (id, recipient_id, title, body) values (md5(:'run' || '-private')::uuid, :'owner', 'rls', 'p');
insert into public.admin_message_reads (message_id, user_id) values (md5(:'run' || '-msg')::uuid, :'owner')$q$);
insert into rls_setup values ('public.coaches', $q$insert into public.coaches (id, slug, display_name, persona, is_published)
values (md5(:'run' || '-coach')::uuid, 'rls-' || :'run', 'RLS coach', 'test', true);
insert into public.coaches (id, slug, display_name, persona, is_published)
values (md5(:'run' || '-hidden')::uuid, 'rls-hidden-' || :'run', 'Hidden coach', 'test', false)$q$);
insert into rls_setup values ('public.drills', $q$insert into public.drills (id, slug, title, skill, status, is_published, created_by, reviewed_by)
values (md5(:'run' || '-drill')::uuid, 'rls-' || :'run', 'RLS drill', 'speaking', 'published', true, :'editor', :'admin');
insert into public.drills (id, slug, title, skill, status, is_published, created_by)
values (md5(:'run' || '-draft')::uuid, 'rls-draft-' || :'run', 'RLS draft', 'speaking', 'draft', false, :'editor');
insert into public.drills (id, slug, title, skill, status, is_published, created_by)
values (md5(:'run' || '-review')::uuid, 'rls-review-' || :'run', 'RLS review', 'speaking', 'in_review', false, :'editor');
insert into public.drills (id, slug, title, skill, status, is_published, embedding)
values (md5(:'run' || '-paid-drill')::uuid, 'rls-paid-' || :'run', 'RLS paid drill', 'speaking', 'published', true,
        array_fill(0.01, array[768])::real[]::extensions.vector);
insert into public.drills (id, slug, title, skill, status, is_published)
values (md5(:'run' || '-both-drill')::uuid, 'rls-both-' || :'run', 'RLS drill in both packs', 'speaking', 'published', true);
insert into public.practice_packs (id, slug, title, is_free, is_published)
values (md5(:'run' || '-paid')::uuid, 'rls-paid-' || :'run', 'Paid', false, true);
insert into public.practice_packs (id, slug, title, is_free, is_published)
values (md5(:'run' || '-free')::uuid, 'rls-free-' || :'run', 'Free', true, true);
insert into public.entitlement_ledger (id, user_id, plan, provider, provider_event_id)
values (md5(:'run' || '-ledger')::uuid, :'other', 'pro', 'manual', 'rls-' || :'run');
insert into public.entitlements (user_id, plan, valid_until, ledger_id)
values (:'other', 'pro', now() + interval '1 day', md5(:'run' || '-ledger')::uuid);
insert into public.entitlement_ledger (id, user_id, plan, provider, provider_event_id)
values (md5(:'run' || '-ledger-old')::uuid, :'owner', 'pro', 'manual', 'rls-old-' || :'run');
insert into public.entitlements (user_id, plan, valid_until, ledger_id)
values (:'owner', 'pro', now() - interval '1 day', md5(:'run' || '-ledger-old')::uuid);
insert into public.pack_drills (pack_id, drill_id) values (md5(:'run' || '-paid')::uuid, md5(:'run' || '-paid-drill')::uuid);
insert into public.pack_drills (pack_id, drill_id) values (md5(:'run' || '-paid')::uuid, md5(:'run' || '-both-drill')::uuid);
insert into public.pack_drills (pack_id, drill_id) values (md5(:'run' || '-free')::uuid, md5(:'run' || '-both-drill')::uuid);
insert into public.drills (id, slug, title, skill, status, is_published, embedding)
values (md5(:'run' || '-unlisted-drill')::uuid, 'rls-unlisted-' || :'run', 'RLS drill of unpublished packs', 'speaking',
        'published', true, array_fill(0.01, array[768])::real[]::extensions.vector);
insert into public.practice_packs (id, slug, title, is_free, is_published)
values (md5(:'run' || '-draft-free')::uuid, 'rls-draft-free-' || :'run', 'Unpublished free', true, false),
       (md5(:'run' || '-draft-paid')::uuid, 'rls-draft-paid-' || :'run', 'Unpublished paid', false, false);
insert into public.drills (id, slug, title, skill, status, is_published)
values (md5(:'run' || '-unlisted-paid-drill')::uuid, 'rls-unlisted-paid-' || :'run', 'RLS drill of an unpublished paid pack',
        'speaking', 'published', true);
insert into public.pack_drills (pack_id, drill_id)
values (md5(:'run' || '-draft-free')::uuid, md5(:'run' || '-unlisted-drill')::uuid),
       (md5(:'run' || '-draft-paid')::uuid, md5(:'run' || '-unlisted-paid-drill')::uuid);
insert into public.drill_items (drill_id, position, prompt, expected_answer)
values (md5(:'run' || '-both-drill')::uuid, 0, 'say hi', 'model');
insert into public.drills (id, slug, title, skill, status, is_published, created_by, reviewed_by, published_at)
values (md5(:'run' || '-archived')::uuid, 'rls-archived-' || :'run', 'RLS archived', 'speaking', 'archived', false,
        :'editor', :'admin', now() - interval '1 day')$q$);
insert into rls_setup values ('public.drill_items', $q$insert into public.drills (id, slug, title, skill, status, is_published)
values (md5(:'run' || '-drill')::uuid, 'rls-' || :'run', 'RLS drill', 'speaking', 'published', true);
insert into public.drills (id, slug, title, skill, status, is_published, created_by)
values (md5(:'run' || '-draft')::uuid, 'rls-draft-' || :'run', 'RLS draft', 'speaking', 'draft', false, :'editor');
insert into public.drills (id, slug, title, skill, status, is_published)
values (md5(:'run' || '-review')::uuid, 'rls-review-' || :'run', 'RLS review', 'speaking', 'in_review', false);
insert into public.drills (id, slug, title, skill, status, is_published)
values (md5(:'run' || '-paid-drill')::uuid, 'rls-paid-' || :'run', 'RLS paid drill', 'speaking', 'published', true);
insert into public.practice_packs (id, slug, title, is_free, is_published)
values (md5(:'run' || '-paid')::uuid, 'rls-paid-' || :'run', 'Paid', false, true);
insert into public.practice_packs (id, slug, title, is_free, is_published)
values (md5(:'run' || '-free')::uuid, 'rls-free-' || :'run', 'Free', true, true);
insert into public.entitlement_ledger (id, user_id, plan, provider, provider_event_id)
values (md5(:'run' || '-ledger')::uuid, :'other', 'pro', 'manual', 'rls-' || :'run');
insert into public.entitlements (user_id, plan, valid_until, ledger_id)
values (:'other', 'pro', now() + interval '1 day', md5(:'run' || '-ledger')::uuid);
insert into public.entitlement_ledger (id, user_id, plan, provider, provider_event_id)
values (md5(:'run' || '-ledger-old')::uuid, :'owner', 'pro', 'manual', 'rls-old-' || :'run');
insert into public.entitlements (user_id, plan, valid_until, ledger_id)
values (:'owner', 'pro', now() - interval '1 day', md5(:'run' || '-ledger-old')::uuid);
insert into public.pack_drills (pack_id, drill_id) values (md5(:'run' || '-paid')::uuid, md5(:'run' || '-paid-drill')::uuid);
insert into public.drill_items (drill_id, position, prompt) values (md5(:'run' || '-drill')::uuid, 0, 'say hi');
insert into public.drill_items (drill_id, position, prompt) values (md5(:'run' || '-draft')::uuid, 0, 'secret');
insert into public.drill_items (drill_id, position, prompt) values (md5(:'run' || '-review')::uuid, 0, 'in review');
insert into public.drill_items (drill_id, position, prompt) values (md5(:'run' || '-paid-drill')::uuid, 0, 'paid');
insert into public.drills (id, slug, title, skill, status, is_published)
values (md5(:'run' || '-unlisted-drill')::uuid, 'rls-unlisted-' || :'run', 'RLS drill of an unpublished pack', 'speaking', 'published', true);
insert into public.practice_packs (id, slug, title, is_free, is_published)
values (md5(:'run' || '-draft-free')::uuid, 'rls-draft-free-' || :'run', 'Unpublished free', true, false);
insert into public.pack_drills (pack_id, drill_id) values (md5(:'run' || '-draft-free')::uuid, md5(:'run' || '-unlisted-drill')::uuid);
insert into public.drill_items (drill_id, position, prompt) values (md5(:'run' || '-unlisted-drill')::uuid, 0, 'unlisted')$q$);
insert into rls_setup values ('public.drill_revisions', $q$insert into public.drills (id, slug, title, skill) values (md5(:'run' || '-drill')::uuid, 'rls-' || :'run', 'RLS drill', 'speaking');
insert into public.drill_revisions (drill_id, to_status, actor_id) values (md5(:'run' || '-drill')::uuid, 'in_review', :'editor')$q$);
insert into rls_setup values ('public.drill_sets', $q$insert into public.drill_sets (id, slug, title, is_published) values (md5(:'run' || '-set')::uuid, 'rls-' || :'run', 'RLS set', true);
insert into public.drill_sets (id, slug, title, is_published) values (md5(:'run' || '-hidden')::uuid, 'rls-hidden-' || :'run', 'Hidden', false)$q$);
insert into rls_setup values ('public.drill_set_members', $q$insert into public.drill_sets (id, slug, title, is_published) values (md5(:'run' || '-set')::uuid, 'rls-' || :'run', 'RLS set', true);
insert into public.drills (id, slug, title, skill, status, is_published)
values (md5(:'run' || '-drill')::uuid, 'rls-' || :'run', 'RLS drill', 'speaking', 'published', true);
insert into public.drill_set_members (set_id, drill_id, position) values (md5(:'run' || '-set')::uuid, md5(:'run' || '-drill')::uuid, 0);
insert into public.drills (id, slug, title, skill) values (md5(:'run' || '-draft')::uuid, 'rls-draft-' || :'run', 'RLS draft', 'speaking');
insert into public.drill_set_members (set_id, drill_id, position) values (md5(:'run' || '-set')::uuid, md5(:'run' || '-draft')::uuid, 5)$q$);
insert into rls_setup values ('public.expressions', $q$insert into public.expressions (id, phrase, meaning, is_published) values (md5(:'run' || '-expr')::uuid, 'rls ' || :'run', 'test', true);
insert into public.expressions (id, phrase, meaning, is_published) values (md5(:'run' || '-hidden')::uuid, 'rls hidden', 'test', false);
insert into public.practice_packs (id, slug, title, is_free, is_published)
values (md5(:'run' || '-paid')::uuid, 'rls-paid-' || :'run', 'Paid', false, true);
insert into public.practice_packs (id, slug, title, is_free, is_published)
values (md5(:'run' || '-free')::uuid, 'rls-free-' || :'run', 'Free', true, true);
insert into public.entitlement_ledger (id, user_id, plan, provider, provider_event_id)
values (md5(:'run' || '-ledger')::uuid, :'other', 'pro', 'manual', 'rls-' || :'run');
insert into public.entitlements (user_id, plan, valid_until, ledger_id)
values (:'other', 'pro', now() + interval '1 day', md5(:'run' || '-ledger')::uuid);
insert into public.entitlement_ledger (id, user_id, plan, provider, provider_event_id)
values (md5(:'run' || '-ledger-old')::uuid, :'owner', 'pro', 'manual', 'rls-old-' || :'run');
insert into public.entitlements (user_id, plan, valid_until, ledger_id)
values (:'owner', 'pro', now() - interval '1 day', md5(:'run' || '-ledger-old')::uuid);
insert into public.practice_packs (id, slug, title, is_free, is_published)
values (md5(:'run' || '-draft-pack')::uuid, 'rls-draft-pack-' || :'run', 'Unpublished', false, false);
insert into public.expressions (id, pack_id, phrase, meaning, is_published)
values (md5(:'run' || '-paid-expr')::uuid, md5(:'run' || '-paid')::uuid, 'rls paid', 'test', true);
insert into public.expressions (id, pack_id, phrase, meaning, is_published)
values (md5(:'run' || '-free-expr')::uuid, md5(:'run' || '-free')::uuid, 'rls free', 'test', true);
insert into public.expressions (id, pack_id, phrase, meaning, is_published)
values (md5(:'run' || '-draft-pack-expr')::uuid, md5(:'run' || '-draft-pack')::uuid, 'rls draft pack', 'test', true)$q$);
insert into rls_setup values ('public.practice_packs', $q$insert into public.practice_packs (id, slug, title, is_free, is_published) values (md5(:'run' || '-pack')::uuid, 'rls-' || :'run', 'RLS pack', true, true);
insert into public.practice_packs (id, slug, title, is_published) values (md5(:'run' || '-hidden')::uuid, 'rls-hidden-' || :'run', 'Hidden', false);
insert into public.practice_packs (id, slug, title, description, is_free, is_published)
values (md5(:'run' || '-paid')::uuid, 'rls-paid-' || :'run', 'Paid', 'Paid pack', false, true);
insert into public.drills (id, slug, title, skill, status, is_published)
values (md5(:'run' || '-drill')::uuid, 'rls-' || :'run', 'RLS drill', 'speaking', 'published', true);
insert into public.pack_drills (pack_id, drill_id) values (md5(:'run' || '-paid')::uuid, md5(:'run' || '-drill')::uuid);
insert into public.expressions (pack_id, phrase, meaning, is_published) values (md5(:'run' || '-paid')::uuid, 'rls', 'test', true);
insert into public.expressions (pack_id, phrase, meaning, is_published) values (md5(:'run' || '-paid')::uuid, 'rls draft', 'test', false)$q$);
insert into rls_setup values ('public.pack_drills', $q$insert into public.drills (id, slug, title, skill, status, is_published)
values (md5(:'run' || '-drill')::uuid, 'rls-' || :'run', 'RLS drill', 'speaking', 'published', true);
insert into public.practice_packs (id, slug, title, is_free, is_published) values (md5(:'run' || '-free')::uuid, 'rls-free-' || :'run', 'Free', true, true);
insert into public.practice_packs (id, slug, title, is_free, is_published) values (md5(:'run' || '-paid')::uuid, 'rls-paid-' || :'run', 'Paid', false, true);
insert into public.pack_drills (pack_id, drill_id) values (md5(:'run' || '-free')::uuid, md5(:'run' || '-drill')::uuid);
insert into public.pack_drills (pack_id, drill_id) values (md5(:'run' || '-paid')::uuid, md5(:'run' || '-drill')::uuid);
insert into public.practice_packs (id, slug, title, is_free, is_published)
values (md5(:'run' || '-draft-pack')::uuid, 'rls-draft-pack-' || :'run', 'Unpublished', false, false);
insert into public.pack_drills (pack_id, drill_id) values (md5(:'run' || '-draft-pack')::uuid, md5(:'run' || '-drill')::uuid);
insert into public.drills (id, slug, title, skill) values (md5(:'run' || '-draft')::uuid, 'rls-draft-' || :'run', 'RLS draft', 'speaking');
insert into public.pack_drills (pack_id, drill_id) values (md5(:'run' || '-free')::uuid, md5(:'run' || '-draft')::uuid);
insert into public.entitlement_ledger (id, user_id, plan, provider, provider_event_id)
values (md5(:'run' || '-ledger')::uuid, :'other', 'pro', 'manual', 'rls-' || :'run');
insert into public.entitlements (user_id, plan, valid_until, ledger_id)
values (:'other', 'pro', now() + interval '1 day', md5(:'run' || '-ledger')::uuid)$q$);
insert into rls_setup values ('public.limits', $q$insert into public.limits (key, value, description) values ('rls_' || translate(:'run', '0123456789', 'abcdefghij'), 1, 'rls')$q$);
insert into rls_setup values ('public.tiers', $q$insert into public.limits (key, value, description) values ('pro_minutes_daily', 30, 'rls')
on conflict (key) do nothing;
insert into public.tiers (key, title, minutes_limit_key) values ('pro', 'Pro', 'pro_minutes_daily')
on conflict (key) do nothing$q$);
insert into rls_setup values ('public.shop_products', $q$insert into public.shop_products (id, shop_product_id, handle, title, is_active) values (md5(:'run' || '-product')::uuid, 'rls-' || :'run', 'rls-' || :'run', 'RLS', true);
insert into public.shop_products (id, shop_product_id, handle, title, is_active) values (md5(:'run' || '-retired')::uuid, 'rls-old-' || :'run', 'rls-old-' || :'run', 'Old', false)$q$);
insert into rls_setup values ('public.shop_variants', $q$insert into public.shop_products (id, shop_product_id, handle, title, is_active) values (md5(:'run' || '-product')::uuid, 'rls-' || :'run', 'rls-' || :'run', 'RLS', true);
insert into public.shop_variants (product_id, shop_variant_id, title, price_cents, currency) values (md5(:'run' || '-product')::uuid, 'rls-' || :'run', 'Default', 999, 'USD')$q$);
insert into rls_setup values ('public.product_recommendations', $q$insert into public.shop_products (id, shop_product_id, handle, title) values (md5(:'run' || '-product')::uuid, 'rls-' || :'run', 'rls-' || :'run', 'RLS');
insert into public.product_recommendations (user_id, product_id, reason, score) values (:'owner', md5(:'run' || '-product')::uuid, 'rls', 0.5)$q$);
insert into rls_setup values ('public.entitlement_ledger', $q$insert into public.entitlement_ledger (user_id, plan, provider, provider_event_id)
values (:'owner', 'pro', 'manual', 'rls-' || :'run')$q$);
insert into rls_setup values ('public.entitlements', $q$insert into public.entitlement_ledger (id, user_id, plan, provider, provider_event_id)
values (md5(:'run' || '-ledger')::uuid, :'owner', 'pro', 'manual', 'rls-' || :'run');
insert into public.entitlements (user_id, plan, ledger_id) values (:'owner', 'pro', md5(:'run' || '-ledger')::uuid)$q$);
insert into rls_setup values ('public.payment_events', $q$insert into public.payment_events (provider, provider_event_id, event_type, user_id, payload)
values ('manual', 'rls-' || :'run', 'test', :'owner', '{}')$q$);
insert into rls_setup values ('public.reconciliation_jobs', $q$insert into public.reconciliation_jobs (id, provider, period_start, period_end)
values (md5(:'run' || '-job')::uuid, 'manual', now() - interval '1 day', now())$q$);
insert into rls_setup values ('public.reconciliation_mismatches', $q$insert into public.reconciliation_jobs (id, provider, period_start, period_end)
values (md5(:'run' || '-job')::uuid, 'manual', now() - interval '1 day', now());
insert into public.reconciliation_mismatches (job_id, kind) values (md5(:'run' || '-job')::uuid, 'missing_ledger')$q$);
insert into rls_setup values ('public.paymongo_customers', $q$insert into public.paymongo_customers (user_id, paymongo_customer_id) values (:'owner', 'cus_rls' || :'run')$q$);
insert into rls_setup values ('public.paymongo_checkouts', $q$insert into public.paymongo_checkouts (user_id, checkout_session_id, plan, amount_cents)
values (:'owner', 'cs_rls' || :'run', 'pro', 500)$q$);
insert into rls_setup values ('public.paypal_payers', $q$insert into public.paypal_payers (user_id, payer_id) values (:'owner', upper(substr(:'run', 1, 10)) || 'RLS')$q$);
insert into rls_setup values ('public.paypal_orders', $q$insert into public.paypal_orders (user_id, order_id, plan, amount_cents)
values (:'owner', 'rls-' || :'run', 'pro', 500)$q$);
insert into rls_setup values ('public.affiliate_codes', $q$insert into public.affiliate_codes (id, user_id, code) values (md5(:'run' || '-code')::uuid, :'owner', upper(substr(:'run', 1, 8)))$q$);
insert into rls_setup values ('public.affiliate_referrals', $q$insert into public.affiliate_codes (id, user_id, code) values (md5(:'run' || '-code')::uuid, :'owner', upper(substr(:'run', 1, 8)));
insert into public.affiliate_referrals (id, code_id, referred_user_id) values (md5(:'run' || '-ref')::uuid, md5(:'run' || '-code')::uuid, :'other')$q$);
insert into rls_setup values ('public.affiliate_commissions', $q$insert into public.affiliate_codes (id, user_id, code) values (md5(:'run' || '-code')::uuid, :'owner', upper(substr(:'run', 1, 8)));
insert into public.affiliate_referrals (id, code_id, referred_user_id) values (md5(:'run' || '-ref')::uuid, md5(:'run' || '-code')::uuid, :'other');
insert into public.entitlement_ledger (id, user_id, plan, provider, provider_event_id)
values (md5(:'run' || '-ledger')::uuid, :'other', 'pro', 'manual', 'rls-' || :'run');
insert into public.entitlement_ledger (id, user_id, plan, provider, provider_event_id)
values (md5(:'run' || '-ledger2')::uuid, :'other', 'pro', 'manual', 'rls-2-' || :'run');
insert into public.affiliate_commissions (referral_id, ledger_id, amount_cents)
values (md5(:'run' || '-ref')::uuid, md5(:'run' || '-ledger')::uuid, 100)$q$);
insert into rls_setup values ('public.realtime_tokens', $q$insert into public.realtime_tokens (user_id, token_sha256, expires_at)
values (:'owner', encode(sha256(convert_to(:'run', 'UTF8')), 'hex'), now() + interval '1 hour')$q$);
insert into rls_setup values ('storage.buckets', $q$select set_config('storage.allow_delete_query', 'true', true);
insert into storage.buckets (id, name) values ('rls-' || :'run', 'rls-' || :'run')$q$);
insert into rls_setup values ('storage.objects', $q$select set_config('storage.allow_delete_query', 'true', true);
insert into storage.buckets (id, name) values ('rls-' || :'run', 'rls-' || :'run');
insert into storage.objects (bucket_id, name, owner, owner_id) values ('rls-' || :'run', :'owner' || '/x.txt', :'owner', :'owner')$q$);
insert into rls_setup values ('public.v_user_progress', $q$insert into public.attempts (user_id, score) values (:'owner', 70)$q$);
insert into rls_setup values ('public.v_weekly_recap', $q$insert into public.sessions (user_id, minutes_used) values (:'owner', 3);
insert into public.attempts (user_id, score) values (:'owner', 70)$q$);
insert into rls_setup values ('public.v_drill_stats', $q$insert into public.drills (id, slug, title, skill, status, is_published)
values (md5(:'run' || '-drill')::uuid, 'rls-' || :'run', 'RLS drill', 'speaking', 'published', true);
insert into public.attempts (user_id, drill_id, score) values (:'owner', md5(:'run' || '-drill')::uuid, 70);
refresh materialized view public.v_drill_stats$q$);
insert into rls_setup values ('public.v_drill_stats_daily', $q$insert into public.drills (id, slug, title, skill, status, is_published)
values (md5(:'run' || '-drill')::uuid, 'rls-' || :'run', 'RLS drill', 'speaking', 'published', true);
insert into public.attempts (user_id, drill_id, score) values (:'owner', md5(:'run' || '-drill')::uuid, 70);
refresh materialized view public.v_drill_stats_daily$q$);
insert into rls_setup values ('public.list_learner_attempts(uuid, integer)', $q$insert into public.attempts (user_id, score) values (:'owner', 70)$q$);
insert into rls_setup values ('public.start_session(uuid)', $q$insert into public.daily_usage (user_id, day, minutes_used)
values (:'other', (now() at time zone 'UTC')::date, 10000)
on conflict (user_id, day) do update set minutes_used = excluded.minutes_used;
insert into public.daily_usage (user_id, day, minutes_used)
values (:'other', (now() at time zone 'UTC')::date - 1, 10000), (:'other', (now() at time zone 'UTC')::date + 1, 10000)
on conflict (user_id, day) do update set minutes_used = excluded.minutes_used;
insert into public.entitlement_ledger (id, user_id, plan, provider, provider_event_id)
values (md5(:'run' || '-ledger')::uuid, :'editor', 'pro', 'manual', 'rls-' || :'run');
insert into public.entitlements (user_id, plan, valid_until, ledger_id)
values (:'editor', 'pro', now() + interval '1 day', md5(:'run' || '-ledger')::uuid);
delete from public.tiers where key = 'pro';
insert into public.coaches (id, slug, display_name, persona, is_published)
values (md5(:'run' || '-coach')::uuid, 'rls-' || :'run', 'RLS coach', 'test', true),
       (md5(:'run' || '-coach2')::uuid, 'rls-2-' || :'run', 'RLS coach 2', 'test', true),
       (md5(:'run' || '-hidden')::uuid, 'rls-hidden-' || :'run', 'Hidden coach', 'test', false);
update public.profiles set coach_id = md5(:'run' || '-coach')::uuid where id = :'owner';
insert into public.coach_switches (user_id, to_coach_id, switched_at)
values (:'owner', md5(:'run' || '-coach')::uuid, now() - interval '1 day')$q$);
insert into rls_setup values ('public.finish_session(uuid)', $q$insert into public.sessions (id, user_id) values (md5(:'run' || '-session')::uuid, :'owner')$q$);
insert into rls_setup values ('public.switch_coach(uuid)', $q$insert into public.coaches (id, slug, display_name, persona, is_published)
values (md5(:'run' || '-coach')::uuid, 'rls-' || :'run', 'RLS coach', 'test', true);
insert into public.coach_switches (user_id, to_coach_id, switched_at)
values (:'other', md5(:'run' || '-coach')::uuid, now() - interval '1 day')$q$);
insert into rls_setup values ('public.transition_drill(uuid, public.drill_status, text)', $q$insert into public.drills (id, slug, title, skill, status)
values (md5(:'run' || '-draft')::uuid, 'rls-draft-' || :'run', 'RLS draft', 'speaking', 'draft');
insert into public.drills (id, slug, title, skill, status)
values (md5(:'run' || '-review')::uuid, 'rls-review-' || :'run', 'RLS review', 'speaking', 'in_review');
insert into public.drills (id, slug, title, skill, status, created_by)
values (md5(:'run' || '-own')::uuid, 'rls-own-' || :'run', 'RLS own drill', 'speaking', 'in_review', :'admin');
insert into public.drills (id, slug, title, skill, status, created_by)
values (md5(:'run' || '-submitted')::uuid, 'rls-submitted-' || :'run', 'RLS submitted', 'speaking', 'in_review', :'editor');
insert into public.drill_revisions (drill_id, from_status, to_status, actor_id)
values (md5(:'run' || '-submitted')::uuid, 'draft', 'in_review', :'admin')$q$);
insert into rls_setup values ('public.close_stale_sessions()', $q$insert into public.sessions (user_id, started_at) values (:'owner', now() - interval '5 hours')$q$);
insert into rls_setup values ('public.unlock(text)', $q$select pg_catalog.pg_advisory_lock(pg_catalog.hashtextextended('rls-' || :'run', 0))$q$);
insert into rls_setup values ('user-media', $q$select set_config('storage.allow_delete_query', 'true', true);
insert into storage.objects (bucket_id, name, owner, owner_id) values ('user-media', :'owner' || '/rls-fixture-' || :'run' || '.txt', :'owner', :'owner')$q$);
insert into rls_setup values ('public-assets', $q$select set_config('storage.allow_delete_query', 'true', true);
insert into storage.objects (bucket_id, name, owner, owner_id) values ('public-assets', :'owner' || '/rls-fixture-' || :'run' || '.txt', :'owner', :'owner')$q$);

\echo 1..1631
savepoint rls_object;  -- holds one object's fixture rows at a time

-- table public.profiles: created by handle_new_user(); learners edit display_name/locale/timezone; role changes are admin-only; `other` practised today and `editor` has a session open (zone changes wait)
select pg_temp.rls_check('anon may not select public.profiles', 'anon', 'select', 'public.profiles', $q$select 1 from public.profiles where id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may select public.profiles', 'owner', 'select', 'public.profiles', $q$select 1 from public.profiles where id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not select public.profiles', 'other', 'select', 'public.profiles', $q$select 1 from public.profiles where id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not select public.profiles', 'editor', 'select', 'public.profiles', $q$select 1 from public.profiles where id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may select public.profiles', 'admin', 'select', 'public.profiles', $q$select 1 from public.profiles where id = :'owner'$q$, 'allow');
select pg_temp.rls_check('service_role may select public.profiles', 'service_role', 'select', 'public.profiles', $q$select 1 from public.profiles where id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.profiles', 'anon', 'insert', 'public.profiles', $q$insert into public.profiles (id) values (:'owner')$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.profiles', 'owner', 'insert', 'public.profiles', $q$insert into public.profiles (id) values (:'owner')$q$, 'deny');
select pg_temp.rls_check('other may not insert public.profiles', 'other', 'insert', 'public.profiles', $q$insert into public.profiles (id) values (:'owner')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.profiles', 'editor', 'insert', 'public.profiles', $q$insert into public.profiles (id) values (:'owner')$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.profiles', 'admin', 'insert', 'public.profiles', $q$insert into public.profiles (id) values (:'owner')$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.profiles', 'service_role', 'insert', 'public.profiles', $q$insert into public.profiles (id) values (:'owner')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.profiles', 'anon', 'update', 'public.profiles', $q$update public.profiles set display_name = display_name where id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may update public.profiles', 'owner', 'update', 'public.profiles', $q$update public.profiles set display_name = display_name where id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not update public.profiles', 'other', 'update', 'public.profiles', $q$update public.profiles set display_name = display_name where id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not update public.profiles', 'editor', 'update', 'public.profiles', $q$update public.profiles set display_name = display_name where id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may update public.profiles', 'admin', 'update', 'public.profiles', $q$update public.profiles set display_name = display_name where id = :'owner'$q$, 'allow');
select pg_temp.rls_check('service_role may update public.profiles', 'service_role', 'update', 'public.profiles', $q$update public.profiles set display_name = display_name where id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.profiles', 'anon', 'delete', 'public.profiles', $q$delete from public.profiles where id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.profiles', 'owner', 'delete', 'public.profiles', $q$delete from public.profiles where id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not delete public.profiles', 'other', 'delete', 'public.profiles', $q$delete from public.profiles where id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.profiles', 'editor', 'delete', 'public.profiles', $q$delete from public.profiles where id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.profiles', 'admin', 'delete', 'public.profiles', $q$delete from public.profiles where id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.profiles', 'service_role', 'delete', 'public.profiles', $q$delete from public.profiles where id = :'owner'$q$, 'allow');
select pg_temp.rls_check('owner may not raise their own profiles.role to admin (public.profiles)', 'owner', 'update', 'public.profiles', $q$update public.profiles set role = 'admin' where id = auth.uid()$q$, 'deny');
select pg_temp.rls_check('other may not raise their own profiles.role to admin (public.profiles)', 'other', 'update', 'public.profiles', $q$update public.profiles set role = 'admin' where id = auth.uid()$q$, 'deny');
select pg_temp.rls_check('editor may not raise their own profiles.role to admin (public.profiles)', 'editor', 'update', 'public.profiles', $q$update public.profiles set role = 'admin' where id = auth.uid()$q$, 'deny');
select pg_temp.rls_check('owner may not raise another user''s profiles.role to admin (public.profiles)', 'owner', 'update', 'public.profiles', $q$update public.profiles set role = 'admin' where id = :'other'$q$, 'deny');
select pg_temp.rls_check('editor may not raise another user''s profiles.role to admin (public.profiles)', 'editor', 'update', 'public.profiles', $q$update public.profiles set role = 'admin' where id = :'other'$q$, 'deny');
select pg_temp.rls_check('admin may raise another user''s profiles.role to admin (public.profiles)', 'admin', 'update', 'public.profiles', $q$update public.profiles set role = 'admin' where id = :'other'$q$, 'allow');
select pg_temp.rls_check('service_role may raise another user''s profiles.role to admin (public.profiles)', 'service_role', 'update', 'public.profiles', $q$update public.profiles set role = 'admin' where id = :'other'$q$, 'allow');
select pg_temp.rls_check('owner may not rename another learner (public.profiles)', 'owner', 'update', 'public.profiles', $q$update public.profiles set display_name = 'pwned' where id = :'other'$q$, 'deny');
select pg_temp.rls_check('editor may not rename another learner (public.profiles)', 'editor', 'update', 'public.profiles', $q$update public.profiles set display_name = 'pwned' where id = :'other'$q$, 'deny');
select pg_temp.rls_check('admin may rename another learner (public.profiles)', 'admin', 'update', 'public.profiles', $q$update public.profiles set display_name = 'pwned' where id = :'other'$q$, 'allow');
select pg_temp.rls_check('owner may not backdate their own profiles.created_at (server-owned) (public.profiles)', 'owner', 'update', 'public.profiles', $q$update public.profiles set created_at = now() - interval '3 years' where id = auth.uid()$q$, 'deny');
select pg_temp.rls_check('editor may not backdate their own profiles.created_at (server-owned) (public.profiles)', 'editor', 'update', 'public.profiles', $q$update public.profiles set created_at = now() - interval '3 years' where id = auth.uid()$q$, 'deny');
select pg_temp.rls_check('admin may not backdate their own profiles.created_at (server-owned) (public.profiles)', 'admin', 'update', 'public.profiles', $q$update public.profiles set created_at = now() - interval '3 years' where id = auth.uid()$q$, 'deny');
select pg_temp.rls_check('owner may not move their own day boundary to a time zone that does not exist (public.profiles)', 'owner', 'update', 'public.profiles', $q$update public.profiles set timezone = 'Mars/Olympus_Mons' where id = auth.uid()$q$, 'deny');
select pg_temp.rls_check('owner may not move their own day boundary by a POSIX offset of 167 hours (public.profiles)', 'owner', 'update', 'public.profiles', $q$update public.profiles set timezone = '<+167>-167' where id = auth.uid()$q$, 'deny');
select pg_temp.rls_check('admin may not move their own day boundary by a POSIX offset of 167 hours (public.profiles)', 'admin', 'update', 'public.profiles', $q$update public.profiles set timezone = '<+167>-167' where id = auth.uid()$q$, 'deny');
select pg_temp.rls_check('owner may move to a zone where it is already tomorrow after practising today, or with a session open (public.profiles)', 'owner', 'update', 'public.profiles', $q$update public.profiles set timezone = 'Pacific/Kiritimati' where id = auth.uid()$q$, 'allow');
select pg_temp.rls_check('other may not move to a zone where it is already tomorrow after practising today, or with a session open (public.profiles)', 'other', 'update', 'public.profiles', $q$update public.profiles set timezone = 'Pacific/Kiritimati' where id = auth.uid()$q$, 'deny');
select pg_temp.rls_check('editor may not move to a zone where it is already tomorrow after practising today, or with a session open (public.profiles)', 'editor', 'update', 'public.profiles', $q$update public.profiles set timezone = 'Pacific/Kiritimati' where id = auth.uid()$q$, 'deny');
select pg_temp.rls_check('anon may not read every profile (is_admin() inside the profiles policy must not recurse) (public.profiles)', 'anon', 'select', 'public.profiles', $q$select 1 from public.profiles where id in (:'owner', :'other', :'editor', :'admin') having count(*) = 4$q$, 'deny');
select pg_temp.rls_check('owner may not read every profile (is_admin() inside the profiles policy must not recurse) (public.profiles)', 'owner', 'select', 'public.profiles', $q$select 1 from public.profiles where id in (:'owner', :'other', :'editor', :'admin') having count(*) = 4$q$, 'deny');
select pg_temp.rls_check('other may not read every profile (is_admin() inside the profiles policy must not recurse) (public.profiles)', 'other', 'select', 'public.profiles', $q$select 1 from public.profiles where id in (:'owner', :'other', :'editor', :'admin') having count(*) = 4$q$, 'deny');
select pg_temp.rls_check('editor may not read every profile (is_admin() inside the profiles policy must not recurse) (public.profiles)', 'editor', 'select', 'public.profiles', $q$select 1 from public.profiles where id in (:'owner', :'other', :'editor', :'admin') having count(*) = 4$q$, 'deny');
select pg_temp.rls_check('admin may read every profile (is_admin() inside the profiles policy must not recurse) (public.profiles)', 'admin', 'select', 'public.profiles', $q$select 1 from public.profiles where id in (:'owner', :'other', :'editor', :'admin') having count(*) = 4$q$, 'allow');
select pg_temp.rls_check('service_role may read every profile (is_admin() inside the profiles policy must not recurse) (public.profiles)', 'service_role', 'select', 'public.profiles', $q$select 1 from public.profiles where id in (:'owner', :'other', :'editor', :'admin') having count(*) = 4$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.profiles

-- table public.sessions: written only by start_session()/finish_session()
select pg_temp.rls_check('anon may not select public.sessions', 'anon', 'select', 'public.sessions', $q$select 1 from public.sessions where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may select public.sessions', 'owner', 'select', 'public.sessions', $q$select 1 from public.sessions where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not select public.sessions', 'other', 'select', 'public.sessions', $q$select 1 from public.sessions where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not select public.sessions', 'editor', 'select', 'public.sessions', $q$select 1 from public.sessions where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may select public.sessions', 'admin', 'select', 'public.sessions', $q$select 1 from public.sessions where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('service_role may select public.sessions', 'service_role', 'select', 'public.sessions', $q$select 1 from public.sessions where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.sessions', 'anon', 'insert', 'public.sessions', $q$insert into public.sessions (user_id) values (:'owner')$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.sessions', 'owner', 'insert', 'public.sessions', $q$insert into public.sessions (user_id) values (:'owner')$q$, 'deny');
select pg_temp.rls_check('other may not insert public.sessions', 'other', 'insert', 'public.sessions', $q$insert into public.sessions (user_id) values (:'owner')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.sessions', 'editor', 'insert', 'public.sessions', $q$insert into public.sessions (user_id) values (:'owner')$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.sessions', 'admin', 'insert', 'public.sessions', $q$insert into public.sessions (user_id) values (:'owner')$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.sessions', 'service_role', 'insert', 'public.sessions', $q$insert into public.sessions (user_id) values (:'owner')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.sessions', 'anon', 'update', 'public.sessions', $q$update public.sessions set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not update public.sessions', 'owner', 'update', 'public.sessions', $q$update public.sessions set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not update public.sessions', 'other', 'update', 'public.sessions', $q$update public.sessions set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not update public.sessions', 'editor', 'update', 'public.sessions', $q$update public.sessions set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not update public.sessions', 'admin', 'update', 'public.sessions', $q$update public.sessions set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may update public.sessions', 'service_role', 'update', 'public.sessions', $q$update public.sessions set "id" = "id" where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.sessions', 'anon', 'delete', 'public.sessions', $q$delete from public.sessions where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.sessions', 'owner', 'delete', 'public.sessions', $q$delete from public.sessions where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not delete public.sessions', 'other', 'delete', 'public.sessions', $q$delete from public.sessions where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.sessions', 'editor', 'delete', 'public.sessions', $q$delete from public.sessions where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.sessions', 'admin', 'delete', 'public.sessions', $q$delete from public.sessions where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.sessions', 'service_role', 'delete', 'public.sessions', $q$delete from public.sessions where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('owner may not mark their own running session as finished without the RPC (public.sessions)', 'owner', 'update', 'public.sessions', $q$update public.sessions set finished_at = now() where user_id = auth.uid()$q$, 'deny');
rollback to savepoint rls_object;  -- undo the fixture rows of public.sessions

-- table public.attempts: learners read their own by equality (0041); admins read a learner's attempts through list_learner_attempts()
select pg_temp.rls_check('anon may not select public.attempts', 'anon', 'select', 'public.attempts', $q$select 1 from public.attempts where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may select public.attempts', 'owner', 'select', 'public.attempts', $q$select 1 from public.attempts where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not select public.attempts', 'other', 'select', 'public.attempts', $q$select 1 from public.attempts where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not select public.attempts', 'editor', 'select', 'public.attempts', $q$select 1 from public.attempts where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not select public.attempts', 'admin', 'select', 'public.attempts', $q$select 1 from public.attempts where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may select public.attempts', 'service_role', 'select', 'public.attempts', $q$select 1 from public.attempts where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.attempts', 'anon', 'insert', 'public.attempts', $q$insert into public.attempts (user_id, session_id, response) values (:'owner', md5(:'run' || '-session')::uuid, 'hello')$q$, 'deny');
select pg_temp.rls_check('owner may insert public.attempts', 'owner', 'insert', 'public.attempts', $q$insert into public.attempts (user_id, session_id, response) values (:'owner', md5(:'run' || '-session')::uuid, 'hello')$q$, 'allow');
select pg_temp.rls_check('other may not insert public.attempts', 'other', 'insert', 'public.attempts', $q$insert into public.attempts (user_id, session_id, response) values (:'owner', md5(:'run' || '-session')::uuid, 'hello')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.attempts', 'editor', 'insert', 'public.attempts', $q$insert into public.attempts (user_id, session_id, response) values (:'owner', md5(:'run' || '-session')::uuid, 'hello')$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.attempts', 'admin', 'insert', 'public.attempts', $q$insert into public.attempts (user_id, session_id, response) values (:'owner', md5(:'run' || '-session')::uuid, 'hello')$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.attempts', 'service_role', 'insert', 'public.attempts', $q$insert into public.attempts (user_id, session_id, response) values (:'owner', md5(:'run' || '-session')::uuid, 'hello')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.attempts', 'anon', 'update', 'public.attempts', $q$update public.attempts set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not update public.attempts', 'owner', 'update', 'public.attempts', $q$update public.attempts set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not update public.attempts', 'other', 'update', 'public.attempts', $q$update public.attempts set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not update public.attempts', 'editor', 'update', 'public.attempts', $q$update public.attempts set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not update public.attempts', 'admin', 'update', 'public.attempts', $q$update public.attempts set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may update public.attempts', 'service_role', 'update', 'public.attempts', $q$update public.attempts set "id" = "id" where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.attempts', 'anon', 'delete', 'public.attempts', $q$delete from public.attempts where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.attempts', 'owner', 'delete', 'public.attempts', $q$delete from public.attempts where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not delete public.attempts', 'other', 'delete', 'public.attempts', $q$delete from public.attempts where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.attempts', 'editor', 'delete', 'public.attempts', $q$delete from public.attempts where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.attempts', 'admin', 'delete', 'public.attempts', $q$delete from public.attempts where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.attempts', 'service_role', 'delete', 'public.attempts', $q$delete from public.attempts where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('owner may file an attempt of their own under another learner''s session (public.attempts)', 'owner', 'insert', 'public.attempts', $q$insert into public.attempts (user_id, session_id, response) values (auth.uid(), md5(:'run' || '-session')::uuid, 'hi')$q$, 'allow');
select pg_temp.rls_check('other may not file an attempt of their own under another learner''s session (public.attempts)', 'other', 'insert', 'public.attempts', $q$insert into public.attempts (user_id, session_id, response) values (auth.uid(), md5(:'run' || '-session')::uuid, 'hi')$q$, 'deny');
select pg_temp.rls_check('editor may not file an attempt of their own under another learner''s session (public.attempts)', 'editor', 'insert', 'public.attempts', $q$insert into public.attempts (user_id, session_id, response) values (auth.uid(), md5(:'run' || '-session')::uuid, 'hi')$q$, 'deny');
select pg_temp.rls_check('admin may not file an attempt of their own under another learner''s session (public.attempts)', 'admin', 'insert', 'public.attempts', $q$insert into public.attempts (user_id, session_id, response) values (auth.uid(), md5(:'run' || '-session')::uuid, 'hi')$q$, 'deny');
select pg_temp.rls_check('owner may not submit their own attempt with a score of 100 (scores are written by the server) (public.attempts)', 'owner', 'insert', 'public.attempts', $q$insert into public.attempts (user_id, session_id, score) values (auth.uid(), md5(:'run' || '-session')::uuid, 100)$q$, 'deny');
select pg_temp.rls_check('owner may not submit an attempt dated three years ago (created_at is server-owned) (public.attempts)', 'owner', 'insert', 'public.attempts', $q$insert into public.attempts (user_id, session_id, response, created_at)
values (auth.uid(), md5(:'run' || '-session')::uuid, 'old', now() - interval '3 years')$q$, 'deny');
select pg_temp.rls_check('owner may not file an attempt on a draft drill they cannot see (public.attempts)', 'owner', 'insert', 'public.attempts', $q$insert into public.attempts (user_id, drill_id, response) values (auth.uid(), md5(:'run' || '-draft')::uuid, 'x')$q$, 'deny');
select pg_temp.rls_check('other may not file an attempt on a draft drill they cannot see (public.attempts)', 'other', 'insert', 'public.attempts', $q$insert into public.attempts (user_id, drill_id, response) values (auth.uid(), md5(:'run' || '-draft')::uuid, 'x')$q$, 'deny');
select pg_temp.rls_check('owner may not file an attempt on a drill only a paid pack holds (other has pro) (public.attempts)', 'owner', 'insert', 'public.attempts', $q$insert into public.attempts (user_id, drill_id, response) values (auth.uid(), md5(:'run' || '-paid-drill')::uuid, 'x')$q$, 'deny');
select pg_temp.rls_check('other may file an attempt on a drill only a paid pack holds (other has pro) (public.attempts)', 'other', 'insert', 'public.attempts', $q$insert into public.attempts (user_id, drill_id, response) values (auth.uid(), md5(:'run' || '-paid-drill')::uuid, 'x')$q$, 'allow');
select pg_temp.rls_check('owner may not rewrite their own score (public.attempts)', 'owner', 'update', 'public.attempts', $q$update public.attempts set score = 100 where user_id = auth.uid()$q$, 'deny');
rollback to savepoint rls_object;  -- undo the fixture rows of public.attempts

-- table public.daily_usage: written by finish_session(); the minutes a learner used per day gate start_session()
select pg_temp.rls_check('anon may not select public.daily_usage', 'anon', 'select', 'public.daily_usage', $q$select 1 from public.daily_usage where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may select public.daily_usage', 'owner', 'select', 'public.daily_usage', $q$select 1 from public.daily_usage where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not select public.daily_usage', 'other', 'select', 'public.daily_usage', $q$select 1 from public.daily_usage where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not select public.daily_usage', 'editor', 'select', 'public.daily_usage', $q$select 1 from public.daily_usage where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may select public.daily_usage', 'admin', 'select', 'public.daily_usage', $q$select 1 from public.daily_usage where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('service_role may select public.daily_usage', 'service_role', 'select', 'public.daily_usage', $q$select 1 from public.daily_usage where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.daily_usage', 'anon', 'insert', 'public.daily_usage', $q$insert into public.daily_usage (user_id, day, minutes_used) values (:'owner', current_date - 2, 0)$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.daily_usage', 'owner', 'insert', 'public.daily_usage', $q$insert into public.daily_usage (user_id, day, minutes_used) values (:'owner', current_date - 2, 0)$q$, 'deny');
select pg_temp.rls_check('other may not insert public.daily_usage', 'other', 'insert', 'public.daily_usage', $q$insert into public.daily_usage (user_id, day, minutes_used) values (:'owner', current_date - 2, 0)$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.daily_usage', 'editor', 'insert', 'public.daily_usage', $q$insert into public.daily_usage (user_id, day, minutes_used) values (:'owner', current_date - 2, 0)$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.daily_usage', 'admin', 'insert', 'public.daily_usage', $q$insert into public.daily_usage (user_id, day, minutes_used) values (:'owner', current_date - 2, 0)$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.daily_usage', 'service_role', 'insert', 'public.daily_usage', $q$insert into public.daily_usage (user_id, day, minutes_used) values (:'owner', current_date - 2, 0)$q$, 'allow');
select pg_temp.rls_check('anon may not update public.daily_usage', 'anon', 'update', 'public.daily_usage', $q$update public.daily_usage set "user_id" = "user_id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not update public.daily_usage', 'owner', 'update', 'public.daily_usage', $q$update public.daily_usage set "user_id" = "user_id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not update public.daily_usage', 'other', 'update', 'public.daily_usage', $q$update public.daily_usage set "user_id" = "user_id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not update public.daily_usage', 'editor', 'update', 'public.daily_usage', $q$update public.daily_usage set "user_id" = "user_id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not update public.daily_usage', 'admin', 'update', 'public.daily_usage', $q$update public.daily_usage set "user_id" = "user_id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may update public.daily_usage', 'service_role', 'update', 'public.daily_usage', $q$update public.daily_usage set "user_id" = "user_id" where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.daily_usage', 'anon', 'delete', 'public.daily_usage', $q$delete from public.daily_usage where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.daily_usage', 'owner', 'delete', 'public.daily_usage', $q$delete from public.daily_usage where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not delete public.daily_usage', 'other', 'delete', 'public.daily_usage', $q$delete from public.daily_usage where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.daily_usage', 'editor', 'delete', 'public.daily_usage', $q$delete from public.daily_usage where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.daily_usage', 'admin', 'delete', 'public.daily_usage', $q$delete from public.daily_usage where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.daily_usage', 'service_role', 'delete', 'public.daily_usage', $q$delete from public.daily_usage where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('owner may not reset their own daily minutes to get more practice (public.daily_usage)', 'owner', 'update', 'public.daily_usage', $q$update public.daily_usage set minutes_used = 0 where user_id = auth.uid()$q$, 'deny');
rollback to savepoint rls_object;  -- undo the fixture rows of public.daily_usage

-- table public.coach_switches: written by switch_coach(), which enforces the cooldown
select pg_temp.rls_check('anon may not select public.coach_switches', 'anon', 'select', 'public.coach_switches', $q$select 1 from public.coach_switches where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may select public.coach_switches', 'owner', 'select', 'public.coach_switches', $q$select 1 from public.coach_switches where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not select public.coach_switches', 'other', 'select', 'public.coach_switches', $q$select 1 from public.coach_switches where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not select public.coach_switches', 'editor', 'select', 'public.coach_switches', $q$select 1 from public.coach_switches where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may select public.coach_switches', 'admin', 'select', 'public.coach_switches', $q$select 1 from public.coach_switches where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('service_role may select public.coach_switches', 'service_role', 'select', 'public.coach_switches', $q$select 1 from public.coach_switches where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.coach_switches', 'anon', 'insert', 'public.coach_switches', $q$insert into public.coach_switches (user_id, to_coach_id) values (:'owner', md5(:'run' || '-coach')::uuid)$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.coach_switches', 'owner', 'insert', 'public.coach_switches', $q$insert into public.coach_switches (user_id, to_coach_id) values (:'owner', md5(:'run' || '-coach')::uuid)$q$, 'deny');
select pg_temp.rls_check('other may not insert public.coach_switches', 'other', 'insert', 'public.coach_switches', $q$insert into public.coach_switches (user_id, to_coach_id) values (:'owner', md5(:'run' || '-coach')::uuid)$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.coach_switches', 'editor', 'insert', 'public.coach_switches', $q$insert into public.coach_switches (user_id, to_coach_id) values (:'owner', md5(:'run' || '-coach')::uuid)$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.coach_switches', 'admin', 'insert', 'public.coach_switches', $q$insert into public.coach_switches (user_id, to_coach_id) values (:'owner', md5(:'run' || '-coach')::uuid)$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.coach_switches', 'service_role', 'insert', 'public.coach_switches', $q$insert into public.coach_switches (user_id, to_coach_id) values (:'owner', md5(:'run' || '-coach')::uuid)$q$, 'allow');
select pg_temp.rls_check('anon may not update public.coach_switches', 'anon', 'update', 'public.coach_switches', $q$update public.coach_switches set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not update public.coach_switches', 'owner', 'update', 'public.coach_switches', $q$update public.coach_switches set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not update public.coach_switches', 'other', 'update', 'public.coach_switches', $q$update public.coach_switches set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not update public.coach_switches', 'editor', 'update', 'public.coach_switches', $q$update public.coach_switches set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not update public.coach_switches', 'admin', 'update', 'public.coach_switches', $q$update public.coach_switches set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may update public.coach_switches', 'service_role', 'update', 'public.coach_switches', $q$update public.coach_switches set "id" = "id" where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.coach_switches', 'anon', 'delete', 'public.coach_switches', $q$delete from public.coach_switches where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.coach_switches', 'owner', 'delete', 'public.coach_switches', $q$delete from public.coach_switches where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not delete public.coach_switches', 'other', 'delete', 'public.coach_switches', $q$delete from public.coach_switches where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.coach_switches', 'editor', 'delete', 'public.coach_switches', $q$delete from public.coach_switches where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.coach_switches', 'admin', 'delete', 'public.coach_switches', $q$delete from public.coach_switches where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.coach_switches', 'service_role', 'delete', 'public.coach_switches', $q$delete from public.coach_switches where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('owner may not erase their own switch history to skip the cooldown (public.coach_switches)', 'owner', 'delete', 'public.coach_switches', $q$delete from public.coach_switches where user_id = auth.uid()$q$, 'deny');
rollback to savepoint rls_object;  -- undo the fixture rows of public.coach_switches

-- table public.events
select pg_temp.rls_check('anon may not select public.events', 'anon', 'select', 'public.events', $q$select 1 from public.events where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may select public.events', 'owner', 'select', 'public.events', $q$select 1 from public.events where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not select public.events', 'other', 'select', 'public.events', $q$select 1 from public.events where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not select public.events', 'editor', 'select', 'public.events', $q$select 1 from public.events where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may select public.events', 'admin', 'select', 'public.events', $q$select 1 from public.events where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('service_role may select public.events', 'service_role', 'select', 'public.events', $q$select 1 from public.events where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.events', 'anon', 'insert', 'public.events', $q$insert into public.events (user_id, name) values (:'owner', 'rls_check')$q$, 'deny');
select pg_temp.rls_check('owner may insert public.events', 'owner', 'insert', 'public.events', $q$insert into public.events (user_id, name) values (:'owner', 'rls_check')$q$, 'allow');
select pg_temp.rls_check('other may not insert public.events', 'other', 'insert', 'public.events', $q$insert into public.events (user_id, name) values (:'owner', 'rls_check')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.events', 'editor', 'insert', 'public.events', $q$insert into public.events (user_id, name) values (:'owner', 'rls_check')$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.events', 'admin', 'insert', 'public.events', $q$insert into public.events (user_id, name) values (:'owner', 'rls_check')$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.events', 'service_role', 'insert', 'public.events', $q$insert into public.events (user_id, name) values (:'owner', 'rls_check')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.events', 'anon', 'update', 'public.events', $q$update public.events set name = name where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not update public.events', 'owner', 'update', 'public.events', $q$update public.events set name = name where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not update public.events', 'other', 'update', 'public.events', $q$update public.events set name = name where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not update public.events', 'editor', 'update', 'public.events', $q$update public.events set name = name where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not update public.events', 'admin', 'update', 'public.events', $q$update public.events set name = name where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may update public.events', 'service_role', 'update', 'public.events', $q$update public.events set name = name where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.events', 'anon', 'delete', 'public.events', $q$delete from public.events where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.events', 'owner', 'delete', 'public.events', $q$delete from public.events where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not delete public.events', 'other', 'delete', 'public.events', $q$delete from public.events where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.events', 'editor', 'delete', 'public.events', $q$delete from public.events where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.events', 'admin', 'delete', 'public.events', $q$delete from public.events where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.events', 'service_role', 'delete', 'public.events', $q$delete from public.events where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not log an event without a user (public.events)', 'anon', 'insert', 'public.events', $q$insert into public.events (user_id, name) values (null, 'rls_anonymous')$q$, 'deny');
select pg_temp.rls_check('owner may not log an event without a user (public.events)', 'owner', 'insert', 'public.events', $q$insert into public.events (user_id, name) values (null, 'rls_anonymous')$q$, 'deny');
select pg_temp.rls_check('owner may not log an event dated three years ago (created_at is server-owned) (public.events)', 'owner', 'insert', 'public.events', $q$insert into public.events (user_id, name, created_at) values (auth.uid(), 'rls_backdated', now() - interval '3 years')$q$, 'deny');
select pg_temp.rls_check('anon may not move the events id sequence (setval) (public.events)', 'anon', 'execute', 'public.events', $q$select setval('public.events_id_seq', 1000000000)$q$, 'deny');
select pg_temp.rls_check('owner may not move the events id sequence (setval) (public.events)', 'owner', 'execute', 'public.events', $q$select setval('public.events_id_seq', 1000000000)$q$, 'deny');
select pg_temp.rls_check('admin may not move the events id sequence (setval) (public.events)', 'admin', 'execute', 'public.events', $q$select setval('public.events_id_seq', 1000000000)$q$, 'deny');
select pg_temp.rls_check('anon may not truncate the events log (public.events)', 'anon', 'execute', 'public.events', $q$truncate public.events$q$, 'deny');
select pg_temp.rls_check('owner may not truncate the events log (public.events)', 'owner', 'execute', 'public.events', $q$truncate public.events$q$, 'deny');
select pg_temp.rls_check('admin may not truncate the events log (public.events)', 'admin', 'execute', 'public.events', $q$truncate public.events$q$, 'deny');
select pg_temp.rls_check('service_role may not truncate the events log (public.events)', 'service_role', 'execute', 'public.events', $q$truncate public.events$q$, 'deny');
rollback to savepoint rls_object;  -- undo the fixture rows of public.events

-- table public.skill_estimates
select pg_temp.rls_check('anon may not select public.skill_estimates', 'anon', 'select', 'public.skill_estimates', $q$select 1 from public.skill_estimates where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may select public.skill_estimates', 'owner', 'select', 'public.skill_estimates', $q$select 1 from public.skill_estimates where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not select public.skill_estimates', 'other', 'select', 'public.skill_estimates', $q$select 1 from public.skill_estimates where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not select public.skill_estimates', 'editor', 'select', 'public.skill_estimates', $q$select 1 from public.skill_estimates where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may select public.skill_estimates', 'admin', 'select', 'public.skill_estimates', $q$select 1 from public.skill_estimates where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('service_role may select public.skill_estimates', 'service_role', 'select', 'public.skill_estimates', $q$select 1 from public.skill_estimates where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.skill_estimates', 'anon', 'insert', 'public.skill_estimates', $q$insert into public.skill_estimates (user_id, skill, estimate) values (:'owner', 'grammar', 99)$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.skill_estimates', 'owner', 'insert', 'public.skill_estimates', $q$insert into public.skill_estimates (user_id, skill, estimate) values (:'owner', 'grammar', 99)$q$, 'deny');
select pg_temp.rls_check('other may not insert public.skill_estimates', 'other', 'insert', 'public.skill_estimates', $q$insert into public.skill_estimates (user_id, skill, estimate) values (:'owner', 'grammar', 99)$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.skill_estimates', 'editor', 'insert', 'public.skill_estimates', $q$insert into public.skill_estimates (user_id, skill, estimate) values (:'owner', 'grammar', 99)$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.skill_estimates', 'admin', 'insert', 'public.skill_estimates', $q$insert into public.skill_estimates (user_id, skill, estimate) values (:'owner', 'grammar', 99)$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.skill_estimates', 'service_role', 'insert', 'public.skill_estimates', $q$insert into public.skill_estimates (user_id, skill, estimate) values (:'owner', 'grammar', 99)$q$, 'allow');
select pg_temp.rls_check('anon may not update public.skill_estimates', 'anon', 'update', 'public.skill_estimates', $q$update public.skill_estimates set "user_id" = "user_id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not update public.skill_estimates', 'owner', 'update', 'public.skill_estimates', $q$update public.skill_estimates set "user_id" = "user_id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not update public.skill_estimates', 'other', 'update', 'public.skill_estimates', $q$update public.skill_estimates set "user_id" = "user_id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not update public.skill_estimates', 'editor', 'update', 'public.skill_estimates', $q$update public.skill_estimates set "user_id" = "user_id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not update public.skill_estimates', 'admin', 'update', 'public.skill_estimates', $q$update public.skill_estimates set "user_id" = "user_id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may update public.skill_estimates', 'service_role', 'update', 'public.skill_estimates', $q$update public.skill_estimates set "user_id" = "user_id" where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.skill_estimates', 'anon', 'delete', 'public.skill_estimates', $q$delete from public.skill_estimates where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.skill_estimates', 'owner', 'delete', 'public.skill_estimates', $q$delete from public.skill_estimates where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not delete public.skill_estimates', 'other', 'delete', 'public.skill_estimates', $q$delete from public.skill_estimates where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.skill_estimates', 'editor', 'delete', 'public.skill_estimates', $q$delete from public.skill_estimates where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.skill_estimates', 'admin', 'delete', 'public.skill_estimates', $q$delete from public.skill_estimates where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.skill_estimates', 'service_role', 'delete', 'public.skill_estimates', $q$delete from public.skill_estimates where user_id = :'owner'$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.skill_estimates

-- table public.diagnostic_runs
select pg_temp.rls_check('anon may not select public.diagnostic_runs', 'anon', 'select', 'public.diagnostic_runs', $q$select 1 from public.diagnostic_runs where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may select public.diagnostic_runs', 'owner', 'select', 'public.diagnostic_runs', $q$select 1 from public.diagnostic_runs where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not select public.diagnostic_runs', 'other', 'select', 'public.diagnostic_runs', $q$select 1 from public.diagnostic_runs where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not select public.diagnostic_runs', 'editor', 'select', 'public.diagnostic_runs', $q$select 1 from public.diagnostic_runs where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may select public.diagnostic_runs', 'admin', 'select', 'public.diagnostic_runs', $q$select 1 from public.diagnostic_runs where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('service_role may select public.diagnostic_runs', 'service_role', 'select', 'public.diagnostic_runs', $q$select 1 from public.diagnostic_runs where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.diagnostic_runs', 'anon', 'insert', 'public.diagnostic_runs', $q$insert into public.diagnostic_runs (user_id) values (:'owner')$q$, 'deny');
select pg_temp.rls_check('owner may insert public.diagnostic_runs', 'owner', 'insert', 'public.diagnostic_runs', $q$insert into public.diagnostic_runs (user_id) values (:'owner')$q$, 'allow');
select pg_temp.rls_check('other may not insert public.diagnostic_runs', 'other', 'insert', 'public.diagnostic_runs', $q$insert into public.diagnostic_runs (user_id) values (:'owner')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.diagnostic_runs', 'editor', 'insert', 'public.diagnostic_runs', $q$insert into public.diagnostic_runs (user_id) values (:'owner')$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.diagnostic_runs', 'admin', 'insert', 'public.diagnostic_runs', $q$insert into public.diagnostic_runs (user_id) values (:'owner')$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.diagnostic_runs', 'service_role', 'insert', 'public.diagnostic_runs', $q$insert into public.diagnostic_runs (user_id) values (:'owner')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.diagnostic_runs', 'anon', 'update', 'public.diagnostic_runs', $q$update public.diagnostic_runs set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not update public.diagnostic_runs', 'owner', 'update', 'public.diagnostic_runs', $q$update public.diagnostic_runs set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not update public.diagnostic_runs', 'other', 'update', 'public.diagnostic_runs', $q$update public.diagnostic_runs set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not update public.diagnostic_runs', 'editor', 'update', 'public.diagnostic_runs', $q$update public.diagnostic_runs set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not update public.diagnostic_runs', 'admin', 'update', 'public.diagnostic_runs', $q$update public.diagnostic_runs set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may update public.diagnostic_runs', 'service_role', 'update', 'public.diagnostic_runs', $q$update public.diagnostic_runs set "id" = "id" where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.diagnostic_runs', 'anon', 'delete', 'public.diagnostic_runs', $q$delete from public.diagnostic_runs where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.diagnostic_runs', 'owner', 'delete', 'public.diagnostic_runs', $q$delete from public.diagnostic_runs where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not delete public.diagnostic_runs', 'other', 'delete', 'public.diagnostic_runs', $q$delete from public.diagnostic_runs where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.diagnostic_runs', 'editor', 'delete', 'public.diagnostic_runs', $q$delete from public.diagnostic_runs where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.diagnostic_runs', 'admin', 'delete', 'public.diagnostic_runs', $q$delete from public.diagnostic_runs where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.diagnostic_runs', 'service_role', 'delete', 'public.diagnostic_runs', $q$delete from public.diagnostic_runs where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('owner may not insert their own diagnostic run already finished with a C2 result (public.diagnostic_runs)', 'owner', 'insert', 'public.diagnostic_runs', $q$insert into public.diagnostic_runs (user_id, finished_at, result)
values (auth.uid(), now(), '{"cefr": "C2"}')$q$, 'deny');
select pg_temp.rls_check('owner may not write the result of their own diagnostic run (public.diagnostic_runs)', 'owner', 'update', 'public.diagnostic_runs', $q$update public.diagnostic_runs set result = '{"cefr": "C2"}' where user_id = auth.uid()$q$, 'deny');
rollback to savepoint rls_object;  -- undo the fixture rows of public.diagnostic_runs

-- table public.diagnostic_answers
select pg_temp.rls_check('anon may not select public.diagnostic_answers', 'anon', 'select', 'public.diagnostic_answers', $q$select 1 from public.diagnostic_answers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may select public.diagnostic_answers', 'owner', 'select', 'public.diagnostic_answers', $q$select 1 from public.diagnostic_answers where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not select public.diagnostic_answers', 'other', 'select', 'public.diagnostic_answers', $q$select 1 from public.diagnostic_answers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not select public.diagnostic_answers', 'editor', 'select', 'public.diagnostic_answers', $q$select 1 from public.diagnostic_answers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may select public.diagnostic_answers', 'admin', 'select', 'public.diagnostic_answers', $q$select 1 from public.diagnostic_answers where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('service_role may select public.diagnostic_answers', 'service_role', 'select', 'public.diagnostic_answers', $q$select 1 from public.diagnostic_answers where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.diagnostic_answers', 'anon', 'insert', 'public.diagnostic_answers', $q$insert into public.diagnostic_answers (run_id, user_id, question_key, answer)
values (md5(:'run' || '-diag')::uuid, :'owner', 'q2', 'b')$q$, 'deny');
select pg_temp.rls_check('owner may insert public.diagnostic_answers', 'owner', 'insert', 'public.diagnostic_answers', $q$insert into public.diagnostic_answers (run_id, user_id, question_key, answer)
values (md5(:'run' || '-diag')::uuid, :'owner', 'q2', 'b')$q$, 'allow');
select pg_temp.rls_check('other may not insert public.diagnostic_answers', 'other', 'insert', 'public.diagnostic_answers', $q$insert into public.diagnostic_answers (run_id, user_id, question_key, answer)
values (md5(:'run' || '-diag')::uuid, :'owner', 'q2', 'b')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.diagnostic_answers', 'editor', 'insert', 'public.diagnostic_answers', $q$insert into public.diagnostic_answers (run_id, user_id, question_key, answer)
values (md5(:'run' || '-diag')::uuid, :'owner', 'q2', 'b')$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.diagnostic_answers', 'admin', 'insert', 'public.diagnostic_answers', $q$insert into public.diagnostic_answers (run_id, user_id, question_key, answer)
values (md5(:'run' || '-diag')::uuid, :'owner', 'q2', 'b')$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.diagnostic_answers', 'service_role', 'insert', 'public.diagnostic_answers', $q$insert into public.diagnostic_answers (run_id, user_id, question_key, answer)
values (md5(:'run' || '-diag')::uuid, :'owner', 'q2', 'b')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.diagnostic_answers', 'anon', 'update', 'public.diagnostic_answers', $q$update public.diagnostic_answers set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not update public.diagnostic_answers', 'owner', 'update', 'public.diagnostic_answers', $q$update public.diagnostic_answers set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not update public.diagnostic_answers', 'other', 'update', 'public.diagnostic_answers', $q$update public.diagnostic_answers set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not update public.diagnostic_answers', 'editor', 'update', 'public.diagnostic_answers', $q$update public.diagnostic_answers set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not update public.diagnostic_answers', 'admin', 'update', 'public.diagnostic_answers', $q$update public.diagnostic_answers set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may update public.diagnostic_answers', 'service_role', 'update', 'public.diagnostic_answers', $q$update public.diagnostic_answers set "id" = "id" where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.diagnostic_answers', 'anon', 'delete', 'public.diagnostic_answers', $q$delete from public.diagnostic_answers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.diagnostic_answers', 'owner', 'delete', 'public.diagnostic_answers', $q$delete from public.diagnostic_answers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not delete public.diagnostic_answers', 'other', 'delete', 'public.diagnostic_answers', $q$delete from public.diagnostic_answers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.diagnostic_answers', 'editor', 'delete', 'public.diagnostic_answers', $q$delete from public.diagnostic_answers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.diagnostic_answers', 'admin', 'delete', 'public.diagnostic_answers', $q$delete from public.diagnostic_answers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.diagnostic_answers', 'service_role', 'delete', 'public.diagnostic_answers', $q$delete from public.diagnostic_answers where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('owner may answer under their own id in another learner''s diagnostic run (public.diagnostic_answers)', 'owner', 'insert', 'public.diagnostic_answers', $q$insert into public.diagnostic_answers (run_id, user_id, question_key, answer)
values (md5(:'run' || '-diag')::uuid, auth.uid(), 'q3', 'c')$q$, 'allow');
select pg_temp.rls_check('other may not answer under their own id in another learner''s diagnostic run (public.diagnostic_answers)', 'other', 'insert', 'public.diagnostic_answers', $q$insert into public.diagnostic_answers (run_id, user_id, question_key, answer)
values (md5(:'run' || '-diag')::uuid, auth.uid(), 'q3', 'c')$q$, 'deny');
select pg_temp.rls_check('admin may not answer under their own id in another learner''s diagnostic run (public.diagnostic_answers)', 'admin', 'insert', 'public.diagnostic_answers', $q$insert into public.diagnostic_answers (run_id, user_id, question_key, answer)
values (md5(:'run' || '-diag')::uuid, auth.uid(), 'q3', 'c')$q$, 'deny');
select pg_temp.rls_check('owner may not add an answer to their own finished diagnostic run (public.diagnostic_answers)', 'owner', 'insert', 'public.diagnostic_answers', $q$insert into public.diagnostic_answers (run_id, user_id, question_key, answer)
values (md5(:'run' || '-diag-done')::uuid, auth.uid(), 'q4', 'd')$q$, 'deny');
select pg_temp.rls_check('owner may not backdate an answer (created_at is server-owned) (public.diagnostic_answers)', 'owner', 'insert', 'public.diagnostic_answers', $q$insert into public.diagnostic_answers (run_id, user_id, question_key, answer, created_at)
values (md5(:'run' || '-diag')::uuid, auth.uid(), 'q5', 'e', now() - interval '1 year')$q$, 'deny');
rollback to savepoint rls_object;  -- undo the fixture rows of public.diagnostic_answers

-- table public.expression_progress: private to the learner: admins do not read it either
select pg_temp.rls_check('anon may not select public.expression_progress', 'anon', 'select', 'public.expression_progress', $q$select 1 from public.expression_progress where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may select public.expression_progress', 'owner', 'select', 'public.expression_progress', $q$select 1 from public.expression_progress where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not select public.expression_progress', 'other', 'select', 'public.expression_progress', $q$select 1 from public.expression_progress where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not select public.expression_progress', 'editor', 'select', 'public.expression_progress', $q$select 1 from public.expression_progress where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not select public.expression_progress', 'admin', 'select', 'public.expression_progress', $q$select 1 from public.expression_progress where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may select public.expression_progress', 'service_role', 'select', 'public.expression_progress', $q$select 1 from public.expression_progress where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.expression_progress', 'anon', 'insert', 'public.expression_progress', $q$insert into public.expression_progress (user_id, expression_id, mastery)
values (:'owner', md5(:'run' || '-expr')::uuid, 2)$q$, 'deny');
select pg_temp.rls_check('owner may insert public.expression_progress', 'owner', 'insert', 'public.expression_progress', $q$insert into public.expression_progress (user_id, expression_id, mastery)
values (:'owner', md5(:'run' || '-expr')::uuid, 2)$q$, 'allow');
select pg_temp.rls_check('other may not insert public.expression_progress', 'other', 'insert', 'public.expression_progress', $q$insert into public.expression_progress (user_id, expression_id, mastery)
values (:'owner', md5(:'run' || '-expr')::uuid, 2)$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.expression_progress', 'editor', 'insert', 'public.expression_progress', $q$insert into public.expression_progress (user_id, expression_id, mastery)
values (:'owner', md5(:'run' || '-expr')::uuid, 2)$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.expression_progress', 'admin', 'insert', 'public.expression_progress', $q$insert into public.expression_progress (user_id, expression_id, mastery)
values (:'owner', md5(:'run' || '-expr')::uuid, 2)$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.expression_progress', 'service_role', 'insert', 'public.expression_progress', $q$insert into public.expression_progress (user_id, expression_id, mastery)
values (:'owner', md5(:'run' || '-expr')::uuid, 2)$q$, 'allow');
select pg_temp.rls_check('anon may not update public.expression_progress', 'anon', 'update', 'public.expression_progress', $q$update public.expression_progress set mastery = mastery where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may update public.expression_progress', 'owner', 'update', 'public.expression_progress', $q$update public.expression_progress set mastery = mastery where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not update public.expression_progress', 'other', 'update', 'public.expression_progress', $q$update public.expression_progress set mastery = mastery where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not update public.expression_progress', 'editor', 'update', 'public.expression_progress', $q$update public.expression_progress set mastery = mastery where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not update public.expression_progress', 'admin', 'update', 'public.expression_progress', $q$update public.expression_progress set mastery = mastery where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may update public.expression_progress', 'service_role', 'update', 'public.expression_progress', $q$update public.expression_progress set mastery = mastery where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.expression_progress', 'anon', 'delete', 'public.expression_progress', $q$delete from public.expression_progress where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may delete public.expression_progress', 'owner', 'delete', 'public.expression_progress', $q$delete from public.expression_progress where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not delete public.expression_progress', 'other', 'delete', 'public.expression_progress', $q$delete from public.expression_progress where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.expression_progress', 'editor', 'delete', 'public.expression_progress', $q$delete from public.expression_progress where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.expression_progress', 'admin', 'delete', 'public.expression_progress', $q$delete from public.expression_progress where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.expression_progress', 'service_role', 'delete', 'public.expression_progress', $q$delete from public.expression_progress where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('owner may not hand their own progress row over to another learner (public.expression_progress)', 'owner', 'update', 'public.expression_progress', $q$update public.expression_progress set user_id = :'other' where user_id = auth.uid()$q$, 'deny');
select pg_temp.rls_check('other may not backdate their own progress (updated_at is server-owned) (public.expression_progress)', 'other', 'insert', 'public.expression_progress', $q$insert into public.expression_progress (user_id, expression_id, mastery, updated_at)
values (auth.uid(), md5(:'run' || '-expr')::uuid, 5, now() - interval '1 year')$q$, 'deny');
select pg_temp.rls_check('owner may not record progress on an unpublished expression (public.expression_progress)', 'owner', 'insert', 'public.expression_progress', $q$insert into public.expression_progress (user_id, expression_id, mastery)
values (auth.uid(), md5(:'run' || '-hidden-expr')::uuid, 1)$q$, 'deny');
select pg_temp.rls_check('other may not record progress on an unpublished expression (public.expression_progress)', 'other', 'insert', 'public.expression_progress', $q$insert into public.expression_progress (user_id, expression_id, mastery)
values (auth.uid(), md5(:'run' || '-hidden-expr')::uuid, 1)$q$, 'deny');
select pg_temp.rls_check('owner may not record progress on an expression of a paid pack (other has pro) (public.expression_progress)', 'owner', 'insert', 'public.expression_progress', $q$insert into public.expression_progress (user_id, expression_id, mastery)
values (auth.uid(), md5(:'run' || '-paid-expr')::uuid, 1)$q$, 'deny');
select pg_temp.rls_check('other may record progress on an expression of a paid pack (other has pro) (public.expression_progress)', 'other', 'insert', 'public.expression_progress', $q$insert into public.expression_progress (user_id, expression_id, mastery)
values (auth.uid(), md5(:'run' || '-paid-expr')::uuid, 1)$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.expression_progress

-- table public.saved_filters
select pg_temp.rls_check('anon may not select public.saved_filters', 'anon', 'select', 'public.saved_filters', $q$select 1 from public.saved_filters where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may select public.saved_filters', 'owner', 'select', 'public.saved_filters', $q$select 1 from public.saved_filters where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not select public.saved_filters', 'other', 'select', 'public.saved_filters', $q$select 1 from public.saved_filters where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not select public.saved_filters', 'editor', 'select', 'public.saved_filters', $q$select 1 from public.saved_filters where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not select public.saved_filters', 'admin', 'select', 'public.saved_filters', $q$select 1 from public.saved_filters where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may select public.saved_filters', 'service_role', 'select', 'public.saved_filters', $q$select 1 from public.saved_filters where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.saved_filters', 'anon', 'insert', 'public.saved_filters', $q$insert into public.saved_filters (user_id, name) values (:'owner', 'rls new ' || :'run')$q$, 'deny');
select pg_temp.rls_check('owner may insert public.saved_filters', 'owner', 'insert', 'public.saved_filters', $q$insert into public.saved_filters (user_id, name) values (:'owner', 'rls new ' || :'run')$q$, 'allow');
select pg_temp.rls_check('other may not insert public.saved_filters', 'other', 'insert', 'public.saved_filters', $q$insert into public.saved_filters (user_id, name) values (:'owner', 'rls new ' || :'run')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.saved_filters', 'editor', 'insert', 'public.saved_filters', $q$insert into public.saved_filters (user_id, name) values (:'owner', 'rls new ' || :'run')$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.saved_filters', 'admin', 'insert', 'public.saved_filters', $q$insert into public.saved_filters (user_id, name) values (:'owner', 'rls new ' || :'run')$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.saved_filters', 'service_role', 'insert', 'public.saved_filters', $q$insert into public.saved_filters (user_id, name) values (:'owner', 'rls new ' || :'run')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.saved_filters', 'anon', 'update', 'public.saved_filters', $q$update public.saved_filters set name = name where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may update public.saved_filters', 'owner', 'update', 'public.saved_filters', $q$update public.saved_filters set name = name where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not update public.saved_filters', 'other', 'update', 'public.saved_filters', $q$update public.saved_filters set name = name where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not update public.saved_filters', 'editor', 'update', 'public.saved_filters', $q$update public.saved_filters set name = name where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not update public.saved_filters', 'admin', 'update', 'public.saved_filters', $q$update public.saved_filters set name = name where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may update public.saved_filters', 'service_role', 'update', 'public.saved_filters', $q$update public.saved_filters set name = name where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.saved_filters', 'anon', 'delete', 'public.saved_filters', $q$delete from public.saved_filters where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may delete public.saved_filters', 'owner', 'delete', 'public.saved_filters', $q$delete from public.saved_filters where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not delete public.saved_filters', 'other', 'delete', 'public.saved_filters', $q$delete from public.saved_filters where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.saved_filters', 'editor', 'delete', 'public.saved_filters', $q$delete from public.saved_filters where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.saved_filters', 'admin', 'delete', 'public.saved_filters', $q$delete from public.saved_filters where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.saved_filters', 'service_role', 'delete', 'public.saved_filters', $q$delete from public.saved_filters where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('owner may not backdate their own saved filter (created_at is server-owned) (public.saved_filters)', 'owner', 'update', 'public.saved_filters', $q$update public.saved_filters set created_at = now() - interval '3 years' where user_id = auth.uid()$q$, 'deny');
rollback to savepoint rls_object;  -- undo the fixture rows of public.saved_filters

-- table public.assignments: admins assign; the learner may only move the status of their own assignment
select pg_temp.rls_check('anon may not select public.assignments', 'anon', 'select', 'public.assignments', $q$select 1 from public.assignments where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may select public.assignments', 'owner', 'select', 'public.assignments', $q$select 1 from public.assignments where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not select public.assignments', 'other', 'select', 'public.assignments', $q$select 1 from public.assignments where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not select public.assignments', 'editor', 'select', 'public.assignments', $q$select 1 from public.assignments where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may select public.assignments', 'admin', 'select', 'public.assignments', $q$select 1 from public.assignments where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('service_role may select public.assignments', 'service_role', 'select', 'public.assignments', $q$select 1 from public.assignments where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.assignments', 'anon', 'insert', 'public.assignments', $q$insert into public.assignments (user_id, drill_id) values (:'owner', md5(:'run' || '-drill')::uuid)$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.assignments', 'owner', 'insert', 'public.assignments', $q$insert into public.assignments (user_id, drill_id) values (:'owner', md5(:'run' || '-drill')::uuid)$q$, 'deny');
select pg_temp.rls_check('other may not insert public.assignments', 'other', 'insert', 'public.assignments', $q$insert into public.assignments (user_id, drill_id) values (:'owner', md5(:'run' || '-drill')::uuid)$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.assignments', 'editor', 'insert', 'public.assignments', $q$insert into public.assignments (user_id, drill_id) values (:'owner', md5(:'run' || '-drill')::uuid)$q$, 'deny');
select pg_temp.rls_check('admin may insert public.assignments', 'admin', 'insert', 'public.assignments', $q$insert into public.assignments (user_id, drill_id) values (:'owner', md5(:'run' || '-drill')::uuid)$q$, 'allow');
select pg_temp.rls_check('service_role may insert public.assignments', 'service_role', 'insert', 'public.assignments', $q$insert into public.assignments (user_id, drill_id) values (:'owner', md5(:'run' || '-drill')::uuid)$q$, 'allow');
select pg_temp.rls_check('anon may not update public.assignments', 'anon', 'update', 'public.assignments', $q$update public.assignments set status = status where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may update public.assignments', 'owner', 'update', 'public.assignments', $q$update public.assignments set status = status where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not update public.assignments', 'other', 'update', 'public.assignments', $q$update public.assignments set status = status where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not update public.assignments', 'editor', 'update', 'public.assignments', $q$update public.assignments set status = status where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may update public.assignments', 'admin', 'update', 'public.assignments', $q$update public.assignments set status = status where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('service_role may update public.assignments', 'service_role', 'update', 'public.assignments', $q$update public.assignments set status = status where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.assignments', 'anon', 'delete', 'public.assignments', $q$delete from public.assignments where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.assignments', 'owner', 'delete', 'public.assignments', $q$delete from public.assignments where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not delete public.assignments', 'other', 'delete', 'public.assignments', $q$delete from public.assignments where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.assignments', 'editor', 'delete', 'public.assignments', $q$delete from public.assignments where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may delete public.assignments', 'admin', 'delete', 'public.assignments', $q$delete from public.assignments where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('service_role may delete public.assignments', 'service_role', 'delete', 'public.assignments', $q$delete from public.assignments where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('owner may not move their own assignment to another learner (public.assignments)', 'owner', 'update', 'public.assignments', $q$update public.assignments set user_id = :'other' where user_id = auth.uid()$q$, 'deny');
select pg_temp.rls_check('admin may not assign work in another staff member''s name (assigned_by is server-owned) (public.assignments)', 'admin', 'insert', 'public.assignments', $q$insert into public.assignments (user_id, drill_id, assigned_by)
values (:'owner', md5(:'run' || '-drill')::uuid, :'editor')$q$, 'deny');
select pg_temp.rls_check('service_role may assign work in another staff member''s name (assigned_by is server-owned) (public.assignments)', 'service_role', 'insert', 'public.assignments', $q$insert into public.assignments (user_id, drill_id, assigned_by)
values (:'owner', md5(:'run' || '-drill')::uuid, :'editor')$q$, 'allow');
select pg_temp.rls_check('admin may not backdate an assignment (created_at and status are server-owned) (public.assignments)', 'admin', 'insert', 'public.assignments', $q$insert into public.assignments (user_id, drill_id, created_at, status)
values (:'owner', md5(:'run' || '-drill')::uuid, now() - interval '1 year', 'done')$q$, 'deny');
select pg_temp.rls_check('service_role may backdate an assignment (created_at and status are server-owned) (public.assignments)', 'service_role', 'insert', 'public.assignments', $q$insert into public.assignments (user_id, drill_id, created_at, status)
values (:'owner', md5(:'run' || '-drill')::uuid, now() - interval '1 year', 'done')$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.assignments

-- table public.support_tickets
select pg_temp.rls_check('anon may not select public.support_tickets', 'anon', 'select', 'public.support_tickets', $q$select 1 from public.support_tickets where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may select public.support_tickets', 'owner', 'select', 'public.support_tickets', $q$select 1 from public.support_tickets where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not select public.support_tickets', 'other', 'select', 'public.support_tickets', $q$select 1 from public.support_tickets where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not select public.support_tickets', 'editor', 'select', 'public.support_tickets', $q$select 1 from public.support_tickets where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may select public.support_tickets', 'admin', 'select', 'public.support_tickets', $q$select 1 from public.support_tickets where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('service_role may select public.support_tickets', 'service_role', 'select', 'public.support_tickets', $q$select 1 from public.support_tickets where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.support_tickets', 'anon', 'insert', 'public.support_tickets', $q$insert into public.support_tickets (user_id, subject) values (:'owner', 'rls new')$q$, 'deny');
select pg_temp.rls_check('owner may insert public.support_tickets', 'owner', 'insert', 'public.support_tickets', $q$insert into public.support_tickets (user_id, subject) values (:'owner', 'rls new')$q$, 'allow');
select pg_temp.rls_check('other may not insert public.support_tickets', 'other', 'insert', 'public.support_tickets', $q$insert into public.support_tickets (user_id, subject) values (:'owner', 'rls new')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.support_tickets', 'editor', 'insert', 'public.support_tickets', $q$insert into public.support_tickets (user_id, subject) values (:'owner', 'rls new')$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.support_tickets', 'admin', 'insert', 'public.support_tickets', $q$insert into public.support_tickets (user_id, subject) values (:'owner', 'rls new')$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.support_tickets', 'service_role', 'insert', 'public.support_tickets', $q$insert into public.support_tickets (user_id, subject) values (:'owner', 'rls new')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.support_tickets', 'anon', 'update', 'public.support_tickets', $q$update public.support_tickets set status = status where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not update public.support_tickets', 'owner', 'update', 'public.support_tickets', $q$update public.support_tickets set status = status where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not update public.support_tickets', 'other', 'update', 'public.support_tickets', $q$update public.support_tickets set status = status where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not update public.support_tickets', 'editor', 'update', 'public.support_tickets', $q$update public.support_tickets set status = status where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may update public.support_tickets', 'admin', 'update', 'public.support_tickets', $q$update public.support_tickets set status = status where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('service_role may update public.support_tickets', 'service_role', 'update', 'public.support_tickets', $q$update public.support_tickets set status = status where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.support_tickets', 'anon', 'delete', 'public.support_tickets', $q$delete from public.support_tickets where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.support_tickets', 'owner', 'delete', 'public.support_tickets', $q$delete from public.support_tickets where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not delete public.support_tickets', 'other', 'delete', 'public.support_tickets', $q$delete from public.support_tickets where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.support_tickets', 'editor', 'delete', 'public.support_tickets', $q$delete from public.support_tickets where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may delete public.support_tickets', 'admin', 'delete', 'public.support_tickets', $q$delete from public.support_tickets where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('service_role may delete public.support_tickets', 'service_role', 'delete', 'public.support_tickets', $q$delete from public.support_tickets where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('owner may not assign their own ticket to themselves (public.support_tickets)', 'owner', 'update', 'public.support_tickets', $q$update public.support_tickets set assignee_id = auth.uid() where user_id = auth.uid()$q$, 'deny');
rollback to savepoint rls_object;  -- undo the fixture rows of public.support_tickets

-- table public.ticket_messages
select pg_temp.rls_check('anon may not select public.ticket_messages', 'anon', 'select', 'public.ticket_messages', $q$select 1 from public.ticket_messages where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may select public.ticket_messages', 'owner', 'select', 'public.ticket_messages', $q$select 1 from public.ticket_messages where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'allow');
select pg_temp.rls_check('other may not select public.ticket_messages', 'other', 'select', 'public.ticket_messages', $q$select 1 from public.ticket_messages where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not select public.ticket_messages', 'editor', 'select', 'public.ticket_messages', $q$select 1 from public.ticket_messages where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may select public.ticket_messages', 'admin', 'select', 'public.ticket_messages', $q$select 1 from public.ticket_messages where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may select public.ticket_messages', 'service_role', 'select', 'public.ticket_messages', $q$select 1 from public.ticket_messages where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.ticket_messages', 'anon', 'insert', 'public.ticket_messages', $q$insert into public.ticket_messages (ticket_id, author_id, body)
values (md5(:'run' || '-ticket')::uuid, :'owner', 'more')$q$, 'deny');
select pg_temp.rls_check('owner may insert public.ticket_messages', 'owner', 'insert', 'public.ticket_messages', $q$insert into public.ticket_messages (ticket_id, author_id, body)
values (md5(:'run' || '-ticket')::uuid, :'owner', 'more')$q$, 'allow');
select pg_temp.rls_check('other may not insert public.ticket_messages', 'other', 'insert', 'public.ticket_messages', $q$insert into public.ticket_messages (ticket_id, author_id, body)
values (md5(:'run' || '-ticket')::uuid, :'owner', 'more')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.ticket_messages', 'editor', 'insert', 'public.ticket_messages', $q$insert into public.ticket_messages (ticket_id, author_id, body)
values (md5(:'run' || '-ticket')::uuid, :'owner', 'more')$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.ticket_messages', 'admin', 'insert', 'public.ticket_messages', $q$insert into public.ticket_messages (ticket_id, author_id, body)
values (md5(:'run' || '-ticket')::uuid, :'owner', 'more')$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.ticket_messages', 'service_role', 'insert', 'public.ticket_messages', $q$insert into public.ticket_messages (ticket_id, author_id, body)
values (md5(:'run' || '-ticket')::uuid, :'owner', 'more')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.ticket_messages', 'anon', 'update', 'public.ticket_messages', $q$update public.ticket_messages set "id" = "id" where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not update public.ticket_messages', 'owner', 'update', 'public.ticket_messages', $q$update public.ticket_messages set "id" = "id" where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not update public.ticket_messages', 'other', 'update', 'public.ticket_messages', $q$update public.ticket_messages set "id" = "id" where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not update public.ticket_messages', 'editor', 'update', 'public.ticket_messages', $q$update public.ticket_messages set "id" = "id" where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not update public.ticket_messages', 'admin', 'update', 'public.ticket_messages', $q$update public.ticket_messages set "id" = "id" where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may update public.ticket_messages', 'service_role', 'update', 'public.ticket_messages', $q$update public.ticket_messages set "id" = "id" where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.ticket_messages', 'anon', 'delete', 'public.ticket_messages', $q$delete from public.ticket_messages where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.ticket_messages', 'owner', 'delete', 'public.ticket_messages', $q$delete from public.ticket_messages where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not delete public.ticket_messages', 'other', 'delete', 'public.ticket_messages', $q$delete from public.ticket_messages where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.ticket_messages', 'editor', 'delete', 'public.ticket_messages', $q$delete from public.ticket_messages where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.ticket_messages', 'admin', 'delete', 'public.ticket_messages', $q$delete from public.ticket_messages where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.ticket_messages', 'service_role', 'delete', 'public.ticket_messages', $q$delete from public.ticket_messages where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'allow');
select pg_temp.rls_check('owner may not backdate a message on their own ticket (created_at is server-owned) (public.ticket_messages)', 'owner', 'insert', 'public.ticket_messages', $q$insert into public.ticket_messages (ticket_id, author_id, body, created_at)
values (md5(:'run' || '-ticket')::uuid, auth.uid(), 'old', now() - interval '1 year')$q$, 'deny');
select pg_temp.rls_check('owner may post as themselves on another learner''s ticket (public.ticket_messages)', 'owner', 'insert', 'public.ticket_messages', $q$insert into public.ticket_messages (ticket_id, author_id, body)
values (md5(:'run' || '-ticket')::uuid, auth.uid(), 'hi')$q$, 'allow');
select pg_temp.rls_check('other may not post as themselves on another learner''s ticket (public.ticket_messages)', 'other', 'insert', 'public.ticket_messages', $q$insert into public.ticket_messages (ticket_id, author_id, body)
values (md5(:'run' || '-ticket')::uuid, auth.uid(), 'hi')$q$, 'deny');
select pg_temp.rls_check('editor may not post as themselves on another learner''s ticket (public.ticket_messages)', 'editor', 'insert', 'public.ticket_messages', $q$insert into public.ticket_messages (ticket_id, author_id, body)
values (md5(:'run' || '-ticket')::uuid, auth.uid(), 'hi')$q$, 'deny');
select pg_temp.rls_check('admin may post as themselves on another learner''s ticket (public.ticket_messages)', 'admin', 'insert', 'public.ticket_messages', $q$insert into public.ticket_messages (ticket_id, author_id, body)
values (md5(:'run' || '-ticket')::uuid, auth.uid(), 'hi')$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.ticket_messages

-- table public.ticket_internal_notes: staff-only notes: the ticket's own learner must not read them
select pg_temp.rls_check('anon may not select public.ticket_internal_notes', 'anon', 'select', 'public.ticket_internal_notes', $q$select 1 from public.ticket_internal_notes where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not select public.ticket_internal_notes', 'owner', 'select', 'public.ticket_internal_notes', $q$select 1 from public.ticket_internal_notes where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not select public.ticket_internal_notes', 'other', 'select', 'public.ticket_internal_notes', $q$select 1 from public.ticket_internal_notes where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not select public.ticket_internal_notes', 'editor', 'select', 'public.ticket_internal_notes', $q$select 1 from public.ticket_internal_notes where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may select public.ticket_internal_notes', 'admin', 'select', 'public.ticket_internal_notes', $q$select 1 from public.ticket_internal_notes where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may select public.ticket_internal_notes', 'service_role', 'select', 'public.ticket_internal_notes', $q$select 1 from public.ticket_internal_notes where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.ticket_internal_notes', 'anon', 'insert', 'public.ticket_internal_notes', $q$insert into public.ticket_internal_notes (ticket_id, author_id, body)
values (md5(:'run' || '-ticket')::uuid, :'admin', 'another note')$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.ticket_internal_notes', 'owner', 'insert', 'public.ticket_internal_notes', $q$insert into public.ticket_internal_notes (ticket_id, author_id, body)
values (md5(:'run' || '-ticket')::uuid, :'admin', 'another note')$q$, 'deny');
select pg_temp.rls_check('other may not insert public.ticket_internal_notes', 'other', 'insert', 'public.ticket_internal_notes', $q$insert into public.ticket_internal_notes (ticket_id, author_id, body)
values (md5(:'run' || '-ticket')::uuid, :'admin', 'another note')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.ticket_internal_notes', 'editor', 'insert', 'public.ticket_internal_notes', $q$insert into public.ticket_internal_notes (ticket_id, author_id, body)
values (md5(:'run' || '-ticket')::uuid, :'admin', 'another note')$q$, 'deny');
select pg_temp.rls_check('admin may insert public.ticket_internal_notes', 'admin', 'insert', 'public.ticket_internal_notes', $q$insert into public.ticket_internal_notes (ticket_id, author_id, body)
values (md5(:'run' || '-ticket')::uuid, :'admin', 'another note')$q$, 'allow');
select pg_temp.rls_check('service_role may insert public.ticket_internal_notes', 'service_role', 'insert', 'public.ticket_internal_notes', $q$insert into public.ticket_internal_notes (ticket_id, author_id, body)
values (md5(:'run' || '-ticket')::uuid, :'admin', 'another note')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.ticket_internal_notes', 'anon', 'update', 'public.ticket_internal_notes', $q$update public.ticket_internal_notes set "id" = "id" where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not update public.ticket_internal_notes', 'owner', 'update', 'public.ticket_internal_notes', $q$update public.ticket_internal_notes set "id" = "id" where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not update public.ticket_internal_notes', 'other', 'update', 'public.ticket_internal_notes', $q$update public.ticket_internal_notes set "id" = "id" where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not update public.ticket_internal_notes', 'editor', 'update', 'public.ticket_internal_notes', $q$update public.ticket_internal_notes set "id" = "id" where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may update public.ticket_internal_notes', 'admin', 'update', 'public.ticket_internal_notes', $q$update public.ticket_internal_notes set "id" = "id" where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may update public.ticket_internal_notes', 'service_role', 'update', 'public.ticket_internal_notes', $q$update public.ticket_internal_notes set "id" = "id" where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.ticket_internal_notes', 'anon', 'delete', 'public.ticket_internal_notes', $q$delete from public.ticket_internal_notes where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.ticket_internal_notes', 'owner', 'delete', 'public.ticket_internal_notes', $q$delete from public.ticket_internal_notes where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not delete public.ticket_internal_notes', 'other', 'delete', 'public.ticket_internal_notes', $q$delete from public.ticket_internal_notes where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.ticket_internal_notes', 'editor', 'delete', 'public.ticket_internal_notes', $q$delete from public.ticket_internal_notes where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may delete public.ticket_internal_notes', 'admin', 'delete', 'public.ticket_internal_notes', $q$delete from public.ticket_internal_notes where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may delete public.ticket_internal_notes', 'service_role', 'delete', 'public.ticket_internal_notes', $q$delete from public.ticket_internal_notes where ticket_id = md5(:'run' || '-ticket')::uuid$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.ticket_internal_notes

-- table public.admin_messages
select pg_temp.rls_check('anon may not select public.admin_messages', 'anon', 'select', 'public.admin_messages', $q$select 1 from public.admin_messages where id = md5(:'run' || '-msg')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may select public.admin_messages', 'owner', 'select', 'public.admin_messages', $q$select 1 from public.admin_messages where id = md5(:'run' || '-msg')::uuid$q$, 'allow');
select pg_temp.rls_check('other may not select public.admin_messages', 'other', 'select', 'public.admin_messages', $q$select 1 from public.admin_messages where id = md5(:'run' || '-msg')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not select public.admin_messages', 'editor', 'select', 'public.admin_messages', $q$select 1 from public.admin_messages where id = md5(:'run' || '-msg')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may select public.admin_messages', 'admin', 'select', 'public.admin_messages', $q$select 1 from public.admin_messages where id = md5(:'run' || '-msg')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may select public.admin_messages', 'service_role', 'select', 'public.admin_messages', $q$select 1 from public.admin_messages where id = md5(:'run' || '-msg')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.admin_messages', 'anon', 'insert', 'public.admin_messages', $q$insert into public.admin_messages (recipient_id, title, body) values (:'owner', 'rls', 'new')$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.admin_messages', 'owner', 'insert', 'public.admin_messages', $q$insert into public.admin_messages (recipient_id, title, body) values (:'owner', 'rls', 'new')$q$, 'deny');
select pg_temp.rls_check('other may not insert public.admin_messages', 'other', 'insert', 'public.admin_messages', $q$insert into public.admin_messages (recipient_id, title, body) values (:'owner', 'rls', 'new')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.admin_messages', 'editor', 'insert', 'public.admin_messages', $q$insert into public.admin_messages (recipient_id, title, body) values (:'owner', 'rls', 'new')$q$, 'deny');
select pg_temp.rls_check('admin may insert public.admin_messages', 'admin', 'insert', 'public.admin_messages', $q$insert into public.admin_messages (recipient_id, title, body) values (:'owner', 'rls', 'new')$q$, 'allow');
select pg_temp.rls_check('service_role may insert public.admin_messages', 'service_role', 'insert', 'public.admin_messages', $q$insert into public.admin_messages (recipient_id, title, body) values (:'owner', 'rls', 'new')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.admin_messages', 'anon', 'update', 'public.admin_messages', $q$update public.admin_messages set title = title where id = md5(:'run' || '-msg')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not update public.admin_messages', 'owner', 'update', 'public.admin_messages', $q$update public.admin_messages set title = title where id = md5(:'run' || '-msg')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not update public.admin_messages', 'other', 'update', 'public.admin_messages', $q$update public.admin_messages set title = title where id = md5(:'run' || '-msg')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not update public.admin_messages', 'editor', 'update', 'public.admin_messages', $q$update public.admin_messages set title = title where id = md5(:'run' || '-msg')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may update public.admin_messages', 'admin', 'update', 'public.admin_messages', $q$update public.admin_messages set title = title where id = md5(:'run' || '-msg')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may update public.admin_messages', 'service_role', 'update', 'public.admin_messages', $q$update public.admin_messages set title = title where id = md5(:'run' || '-msg')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.admin_messages', 'anon', 'delete', 'public.admin_messages', $q$delete from public.admin_messages where id = md5(:'run' || '-msg')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.admin_messages', 'owner', 'delete', 'public.admin_messages', $q$delete from public.admin_messages where id = md5(:'run' || '-msg')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not delete public.admin_messages', 'other', 'delete', 'public.admin_messages', $q$delete from public.admin_messages where id = md5(:'run' || '-msg')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.admin_messages', 'editor', 'delete', 'public.admin_messages', $q$delete from public.admin_messages where id = md5(:'run' || '-msg')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may delete public.admin_messages', 'admin', 'delete', 'public.admin_messages', $q$delete from public.admin_messages where id = md5(:'run' || '-msg')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may delete public.admin_messages', 'service_role', 'delete', 'public.admin_messages', $q$delete from public.admin_messages where id = md5(:'run' || '-msg')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not read a broadcast message (public.admin_messages)', 'anon', 'select', 'public.admin_messages', $q$select 1 from public.admin_messages where id = md5(:'run' || '-broadcast')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may read a broadcast message (public.admin_messages)', 'owner', 'select', 'public.admin_messages', $q$select 1 from public.admin_messages where id = md5(:'run' || '-broadcast')::uuid$q$, 'allow');
select pg_temp.rls_check('other may read a broadcast message (public.admin_messages)', 'other', 'select', 'public.admin_messages', $q$select 1 from public.admin_messages where id = md5(:'run' || '-broadcast')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may read a broadcast message (public.admin_messages)', 'editor', 'select', 'public.admin_messages', $q$select 1 from public.admin_messages where id = md5(:'run' || '-broadcast')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may read a broadcast message (public.admin_messages)', 'admin', 'select', 'public.admin_messages', $q$select 1 from public.admin_messages where id = md5(:'run' || '-broadcast')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may read a broadcast message (public.admin_messages)', 'service_role', 'select', 'public.admin_messages', $q$select 1 from public.admin_messages where id = md5(:'run' || '-broadcast')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not read the staff id of a broadcast message''s sender (public.admin_messages)', 'anon', 'select', 'public.admin_messages', $q$select sender_id from public.admin_messages where id = md5(:'run' || '-broadcast')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not read the staff id of a broadcast message''s sender (public.admin_messages)', 'owner', 'select', 'public.admin_messages', $q$select sender_id from public.admin_messages where id = md5(:'run' || '-broadcast')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not read the staff id of a broadcast message''s sender (public.admin_messages)', 'other', 'select', 'public.admin_messages', $q$select sender_id from public.admin_messages where id = md5(:'run' || '-broadcast')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not read the staff id of a broadcast message''s sender (public.admin_messages)', 'editor', 'select', 'public.admin_messages', $q$select sender_id from public.admin_messages where id = md5(:'run' || '-broadcast')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not read the staff id of a broadcast message''s sender (public.admin_messages)', 'admin', 'select', 'public.admin_messages', $q$select sender_id from public.admin_messages where id = md5(:'run' || '-broadcast')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may read the staff id of a broadcast message''s sender (public.admin_messages)', 'service_role', 'select', 'public.admin_messages', $q$select sender_id from public.admin_messages where id = md5(:'run' || '-broadcast')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may not send a message in another staff member''s name (sender_id is server-owned) (public.admin_messages)', 'admin', 'insert', 'public.admin_messages', $q$insert into public.admin_messages (recipient_id, sender_id, title, body) values (:'owner', :'editor', 'rls', 'forged')$q$, 'deny');
select pg_temp.rls_check('service_role may send a message in another staff member''s name (sender_id is server-owned) (public.admin_messages)', 'service_role', 'insert', 'public.admin_messages', $q$insert into public.admin_messages (recipient_id, sender_id, title, body) values (:'owner', :'editor', 'rls', 'forged')$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.admin_messages

-- table public.admin_message_reads
select pg_temp.rls_check('anon may not select public.admin_message_reads', 'anon', 'select', 'public.admin_message_reads', $q$select 1 from public.admin_message_reads where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may select public.admin_message_reads', 'owner', 'select', 'public.admin_message_reads', $q$select 1 from public.admin_message_reads where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not select public.admin_message_reads', 'other', 'select', 'public.admin_message_reads', $q$select 1 from public.admin_message_reads where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not select public.admin_message_reads', 'editor', 'select', 'public.admin_message_reads', $q$select 1 from public.admin_message_reads where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may select public.admin_message_reads', 'admin', 'select', 'public.admin_message_reads', $q$select 1 from public.admin_message_reads where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('service_role may select public.admin_message_reads', 'service_role', 'select', 'public.admin_message_reads', $q$select 1 from public.admin_message_reads where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.admin_message_reads', 'anon', 'insert', 'public.admin_message_reads', $q$insert into public.admin_message_reads (message_id, user_id) values (md5(:'run' || '-msg')::uuid, :'owner')$q$, 'deny');
select pg_temp.rls_check('owner may insert public.admin_message_reads', 'owner', 'insert', 'public.admin_message_reads', $q$insert into public.admin_message_reads (message_id, user_id) values (md5(:'run' || '-msg')::uuid, :'owner')$q$, 'allow');
select pg_temp.rls_check('other may not insert public.admin_message_reads', 'other', 'insert', 'public.admin_message_reads', $q$insert into public.admin_message_reads (message_id, user_id) values (md5(:'run' || '-msg')::uuid, :'owner')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.admin_message_reads', 'editor', 'insert', 'public.admin_message_reads', $q$insert into public.admin_message_reads (message_id, user_id) values (md5(:'run' || '-msg')::uuid, :'owner')$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.admin_message_reads', 'admin', 'insert', 'public.admin_message_reads', $q$insert into public.admin_message_reads (message_id, user_id) values (md5(:'run' || '-msg')::uuid, :'owner')$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.admin_message_reads', 'service_role', 'insert', 'public.admin_message_reads', $q$insert into public.admin_message_reads (message_id, user_id) values (md5(:'run' || '-msg')::uuid, :'owner')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.admin_message_reads', 'anon', 'update', 'public.admin_message_reads', $q$update public.admin_message_reads set read_at = read_at where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not update public.admin_message_reads', 'owner', 'update', 'public.admin_message_reads', $q$update public.admin_message_reads set read_at = read_at where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not update public.admin_message_reads', 'other', 'update', 'public.admin_message_reads', $q$update public.admin_message_reads set read_at = read_at where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not update public.admin_message_reads', 'editor', 'update', 'public.admin_message_reads', $q$update public.admin_message_reads set read_at = read_at where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not update public.admin_message_reads', 'admin', 'update', 'public.admin_message_reads', $q$update public.admin_message_reads set read_at = read_at where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may update public.admin_message_reads', 'service_role', 'update', 'public.admin_message_reads', $q$update public.admin_message_reads set read_at = read_at where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.admin_message_reads', 'anon', 'delete', 'public.admin_message_reads', $q$delete from public.admin_message_reads where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may delete public.admin_message_reads', 'owner', 'delete', 'public.admin_message_reads', $q$delete from public.admin_message_reads where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not delete public.admin_message_reads', 'other', 'delete', 'public.admin_message_reads', $q$delete from public.admin_message_reads where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.admin_message_reads', 'editor', 'delete', 'public.admin_message_reads', $q$delete from public.admin_message_reads where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.admin_message_reads', 'admin', 'delete', 'public.admin_message_reads', $q$delete from public.admin_message_reads where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.admin_message_reads', 'service_role', 'delete', 'public.admin_message_reads', $q$delete from public.admin_message_reads where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('owner may mark another learner''s private message as read (public.admin_message_reads)', 'owner', 'insert', 'public.admin_message_reads', $q$insert into public.admin_message_reads (message_id, user_id) values (md5(:'run' || '-private')::uuid, auth.uid())$q$, 'allow');
select pg_temp.rls_check('other may not mark another learner''s private message as read (public.admin_message_reads)', 'other', 'insert', 'public.admin_message_reads', $q$insert into public.admin_message_reads (message_id, user_id) values (md5(:'run' || '-private')::uuid, auth.uid())$q$, 'deny');
select pg_temp.rls_check('owner may not backdate a read receipt (read_at is server-owned) (public.admin_message_reads)', 'owner', 'insert', 'public.admin_message_reads', $q$insert into public.admin_message_reads (message_id, user_id, read_at)
values (md5(:'run' || '-private')::uuid, auth.uid(), now() - interval '1 year')$q$, 'deny');
rollback to savepoint rls_object;  -- undo the fixture rows of public.admin_message_reads

-- table public.coaches
select pg_temp.rls_check('anon may select public.coaches', 'anon', 'select', 'public.coaches', $q$select 1 from public.coaches where id = md5(:'run' || '-coach')::uuid$q$, 'allow');
select pg_temp.rls_check('owner may select public.coaches', 'owner', 'select', 'public.coaches', $q$select 1 from public.coaches where id = md5(:'run' || '-coach')::uuid$q$, 'allow');
select pg_temp.rls_check('other may select public.coaches', 'other', 'select', 'public.coaches', $q$select 1 from public.coaches where id = md5(:'run' || '-coach')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may select public.coaches', 'editor', 'select', 'public.coaches', $q$select 1 from public.coaches where id = md5(:'run' || '-coach')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may select public.coaches', 'admin', 'select', 'public.coaches', $q$select 1 from public.coaches where id = md5(:'run' || '-coach')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may select public.coaches', 'service_role', 'select', 'public.coaches', $q$select 1 from public.coaches where id = md5(:'run' || '-coach')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.coaches', 'anon', 'insert', 'public.coaches', $q$insert into public.coaches (slug, display_name, persona) values ('rls-new-' || :'run', 'New', 'test')$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.coaches', 'owner', 'insert', 'public.coaches', $q$insert into public.coaches (slug, display_name, persona) values ('rls-new-' || :'run', 'New', 'test')$q$, 'deny');
select pg_temp.rls_check('other may not insert public.coaches', 'other', 'insert', 'public.coaches', $q$insert into public.coaches (slug, display_name, persona) values ('rls-new-' || :'run', 'New', 'test')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.coaches', 'editor', 'insert', 'public.coaches', $q$insert into public.coaches (slug, display_name, persona) values ('rls-new-' || :'run', 'New', 'test')$q$, 'deny');
select pg_temp.rls_check('admin may insert public.coaches', 'admin', 'insert', 'public.coaches', $q$insert into public.coaches (slug, display_name, persona) values ('rls-new-' || :'run', 'New', 'test')$q$, 'allow');
select pg_temp.rls_check('service_role may insert public.coaches', 'service_role', 'insert', 'public.coaches', $q$insert into public.coaches (slug, display_name, persona) values ('rls-new-' || :'run', 'New', 'test')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.coaches', 'anon', 'update', 'public.coaches', $q$update public.coaches set "id" = "id" where id = md5(:'run' || '-coach')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not update public.coaches', 'owner', 'update', 'public.coaches', $q$update public.coaches set "id" = "id" where id = md5(:'run' || '-coach')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not update public.coaches', 'other', 'update', 'public.coaches', $q$update public.coaches set "id" = "id" where id = md5(:'run' || '-coach')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not update public.coaches', 'editor', 'update', 'public.coaches', $q$update public.coaches set "id" = "id" where id = md5(:'run' || '-coach')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may update public.coaches', 'admin', 'update', 'public.coaches', $q$update public.coaches set "id" = "id" where id = md5(:'run' || '-coach')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may update public.coaches', 'service_role', 'update', 'public.coaches', $q$update public.coaches set "id" = "id" where id = md5(:'run' || '-coach')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.coaches', 'anon', 'delete', 'public.coaches', $q$delete from public.coaches where id = md5(:'run' || '-coach')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.coaches', 'owner', 'delete', 'public.coaches', $q$delete from public.coaches where id = md5(:'run' || '-coach')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not delete public.coaches', 'other', 'delete', 'public.coaches', $q$delete from public.coaches where id = md5(:'run' || '-coach')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.coaches', 'editor', 'delete', 'public.coaches', $q$delete from public.coaches where id = md5(:'run' || '-coach')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may delete public.coaches', 'admin', 'delete', 'public.coaches', $q$delete from public.coaches where id = md5(:'run' || '-coach')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may delete public.coaches', 'service_role', 'delete', 'public.coaches', $q$delete from public.coaches where id = md5(:'run' || '-coach')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not read an unpublished coach (public.coaches)', 'anon', 'select', 'public.coaches', $q$select 1 from public.coaches where id = md5(:'run' || '-hidden')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not read an unpublished coach (public.coaches)', 'owner', 'select', 'public.coaches', $q$select 1 from public.coaches where id = md5(:'run' || '-hidden')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not read an unpublished coach (public.coaches)', 'other', 'select', 'public.coaches', $q$select 1 from public.coaches where id = md5(:'run' || '-hidden')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not read an unpublished coach (public.coaches)', 'editor', 'select', 'public.coaches', $q$select 1 from public.coaches where id = md5(:'run' || '-hidden')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may read an unpublished coach (public.coaches)', 'admin', 'select', 'public.coaches', $q$select 1 from public.coaches where id = md5(:'run' || '-hidden')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may read an unpublished coach (public.coaches)', 'service_role', 'select', 'public.coaches', $q$select 1 from public.coaches where id = md5(:'run' || '-hidden')::uuid$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.coaches

-- table public.drills: editors edit drafts only; in review and published drills change through transition_drill() (archive, edit the draft, review)
select pg_temp.rls_check('anon may select public.drills', 'anon', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('owner may select public.drills', 'owner', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('other may select public.drills', 'other', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may select public.drills', 'editor', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may select public.drills', 'admin', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may select public.drills', 'service_role', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.drills', 'anon', 'insert', 'public.drills', $q$insert into public.drills (slug, title, skill) values ('rls-new-' || :'run', 'New drill', 'grammar')$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.drills', 'owner', 'insert', 'public.drills', $q$insert into public.drills (slug, title, skill) values ('rls-new-' || :'run', 'New drill', 'grammar')$q$, 'deny');
select pg_temp.rls_check('other may not insert public.drills', 'other', 'insert', 'public.drills', $q$insert into public.drills (slug, title, skill) values ('rls-new-' || :'run', 'New drill', 'grammar')$q$, 'deny');
select pg_temp.rls_check('editor may insert public.drills', 'editor', 'insert', 'public.drills', $q$insert into public.drills (slug, title, skill) values ('rls-new-' || :'run', 'New drill', 'grammar')$q$, 'allow');
select pg_temp.rls_check('admin may insert public.drills', 'admin', 'insert', 'public.drills', $q$insert into public.drills (slug, title, skill) values ('rls-new-' || :'run', 'New drill', 'grammar')$q$, 'allow');
select pg_temp.rls_check('service_role may insert public.drills', 'service_role', 'insert', 'public.drills', $q$insert into public.drills (slug, title, skill) values ('rls-new-' || :'run', 'New drill', 'grammar')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.drills', 'anon', 'update', 'public.drills', $q$update public.drills set title = title where id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not update public.drills', 'owner', 'update', 'public.drills', $q$update public.drills set title = title where id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not update public.drills', 'other', 'update', 'public.drills', $q$update public.drills set title = title where id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not update public.drills', 'editor', 'update', 'public.drills', $q$update public.drills set title = title where id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not update public.drills', 'admin', 'update', 'public.drills', $q$update public.drills set title = title where id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may update public.drills', 'service_role', 'update', 'public.drills', $q$update public.drills set title = title where id = md5(:'run' || '-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.drills', 'anon', 'delete', 'public.drills', $q$delete from public.drills where id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.drills', 'owner', 'delete', 'public.drills', $q$delete from public.drills where id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not delete public.drills', 'other', 'delete', 'public.drills', $q$delete from public.drills where id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.drills', 'editor', 'delete', 'public.drills', $q$delete from public.drills where id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.drills', 'admin', 'delete', 'public.drills', $q$delete from public.drills where id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.drills', 'service_role', 'delete', 'public.drills', $q$delete from public.drills where id = md5(:'run' || '-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not edit the title of a draft (the editor created it; an admin did not) (public.drills)', 'anon', 'update', 'public.drills', $q$update public.drills set title = 'Better title' where id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not edit the title of a draft (the editor created it; an admin did not) (public.drills)', 'owner', 'update', 'public.drills', $q$update public.drills set title = 'Better title' where id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not edit the title of a draft (the editor created it; an admin did not) (public.drills)', 'other', 'update', 'public.drills', $q$update public.drills set title = 'Better title' where id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may edit the title of a draft (the editor created it; an admin did not) (public.drills)', 'editor', 'update', 'public.drills', $q$update public.drills set title = 'Better title' where id = md5(:'run' || '-draft')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may not edit the title of a draft (the editor created it; an admin did not) (public.drills)', 'admin', 'update', 'public.drills', $q$update public.drills set title = 'Better title' where id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may edit the title of a draft (the editor created it; an admin did not) (public.drills)', 'service_role', 'update', 'public.drills', $q$update public.drills set title = 'Better title' where id = md5(:'run' || '-draft')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may read the expected answers of an open drill before attempting it (decided: allowed) (public.drills)', 'anon', 'select', 'public.drills', $q$select i.expected_answer from public.drill_items i
where i.drill_id = md5(:'run' || '-both-drill')::uuid and i.expected_answer = 'model'$q$, 'allow');
select pg_temp.rls_check('owner may read the expected answers of an open drill before attempting it (decided: allowed) (public.drills)', 'owner', 'select', 'public.drills', $q$select i.expected_answer from public.drill_items i
where i.drill_id = md5(:'run' || '-both-drill')::uuid and i.expected_answer = 'model'$q$, 'allow');
select pg_temp.rls_check('other may read the expected answers of an open drill before attempting it (decided: allowed) (public.drills)', 'other', 'select', 'public.drills', $q$select i.expected_answer from public.drill_items i
where i.drill_id = md5(:'run' || '-both-drill')::uuid and i.expected_answer = 'model'$q$, 'allow');
select pg_temp.rls_check('editor may read the expected answers of an open drill before attempting it (decided: allowed) (public.drills)', 'editor', 'select', 'public.drills', $q$select i.expected_answer from public.drill_items i
where i.drill_id = md5(:'run' || '-both-drill')::uuid and i.expected_answer = 'model'$q$, 'allow');
select pg_temp.rls_check('admin may read the expected answers of an open drill before attempting it (decided: allowed) (public.drills)', 'admin', 'select', 'public.drills', $q$select i.expected_answer from public.drill_items i
where i.drill_id = md5(:'run' || '-both-drill')::uuid and i.expected_answer = 'model'$q$, 'allow');
select pg_temp.rls_check('service_role may read the expected answers of an open drill before attempting it (decided: allowed) (public.drills)', 'service_role', 'select', 'public.drills', $q$select i.expected_answer from public.drill_items i
where i.drill_id = md5(:'run' || '-both-drill')::uuid and i.expected_answer = 'model'$q$, 'allow');
select pg_temp.rls_check('editor may not delete a published drill instead of archiving it through transition_drill() (public.drills)', 'editor', 'delete', 'public.drills', $q$delete from public.drills where id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not delete a published drill instead of archiving it through transition_drill() (public.drills)', 'admin', 'delete', 'public.drills', $q$delete from public.drills where id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may delete a published drill instead of archiving it through transition_drill() (public.drills)', 'service_role', 'delete', 'public.drills', $q$delete from public.drills where id = md5(:'run' || '-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may not delete an archived drill that was published (public.drills)', 'editor', 'delete', 'public.drills', $q$delete from public.drills where id = md5(:'run' || '-archived')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not delete an archived drill that was published (public.drills)', 'admin', 'delete', 'public.drills', $q$delete from public.drills where id = md5(:'run' || '-archived')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may delete an archived drill that was published (public.drills)', 'service_role', 'delete', 'public.drills', $q$delete from public.drills where id = md5(:'run' || '-archived')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may not delete a draft that was never published (public.drills)', 'editor', 'delete', 'public.drills', $q$delete from public.drills where id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may delete a draft that was never published (public.drills)', 'admin', 'delete', 'public.drills', $q$delete from public.drills where id = md5(:'run' || '-draft')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may delete a draft that was never published (public.drills)', 'service_role', 'delete', 'public.drills', $q$delete from public.drills where id = md5(:'run' || '-draft')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may not edit the title of a drill in review (public.drills)', 'editor', 'update', 'public.drills', $q$update public.drills set title = 'Changed in review' where id = md5(:'run' || '-review')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not edit the title of a drill in review (public.drills)', 'admin', 'update', 'public.drills', $q$update public.drills set title = 'Changed in review' where id = md5(:'run' || '-review')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may edit the title of a drill in review (public.drills)', 'service_role', 'update', 'public.drills', $q$update public.drills set title = 'Changed in review' where id = md5(:'run' || '-review')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may not name an admin as the reviewer of a draft (review trail is server-owned) (public.drills)', 'editor', 'update', 'public.drills', $q$update public.drills set reviewed_by = :'admin' where id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not name an admin as the reviewer of a draft (review trail is server-owned) (public.drills)', 'admin', 'update', 'public.drills', $q$update public.drills set reviewed_by = :'admin' where id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may name an admin as the reviewer of a draft (review trail is server-owned) (public.drills)', 'service_role', 'update', 'public.drills', $q$update public.drills set reviewed_by = :'admin' where id = md5(:'run' || '-draft')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may not hand the authorship of a draft to an admin (public.drills)', 'editor', 'update', 'public.drills', $q$update public.drills set created_by = :'admin' where id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not hand the authorship of a draft to an admin (public.drills)', 'admin', 'update', 'public.drills', $q$update public.drills set created_by = :'admin' where id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may hand the authorship of a draft to an admin (public.drills)', 'service_role', 'update', 'public.drills', $q$update public.drills set created_by = :'admin' where id = md5(:'run' || '-draft')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may not insert a drill credited to an admin author (public.drills)', 'editor', 'insert', 'public.drills', $q$insert into public.drills (slug, title, skill, created_by)
values ('rls-forged-' || :'run', 'Forged', 'grammar', :'admin')$q$, 'deny');
select pg_temp.rls_check('admin may not insert a drill credited to an admin author (public.drills)', 'admin', 'insert', 'public.drills', $q$insert into public.drills (slug, title, skill, created_by)
values ('rls-forged-' || :'run', 'Forged', 'grammar', :'admin')$q$, 'deny');
select pg_temp.rls_check('service_role may insert a drill credited to an admin author (public.drills)', 'service_role', 'insert', 'public.drills', $q$insert into public.drills (slug, title, skill, created_by)
values ('rls-forged-' || :'run', 'Forged', 'grammar', :'admin')$q$, 'allow');
select pg_temp.rls_check('editor may not backdate the publication of a published drill (public.drills)', 'editor', 'update', 'public.drills', $q$update public.drills set published_at = now() - interval '3 years' where id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not backdate the publication of a published drill (public.drills)', 'admin', 'update', 'public.drills', $q$update public.drills set published_at = now() - interval '3 years' where id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may backdate the publication of a published drill (public.drills)', 'service_role', 'update', 'public.drills', $q$update public.drills set published_at = now() - interval '3 years' where id = md5(:'run' || '-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not read the staff ids (created_by, reviewed_by) of a published drill (public.drills)', 'anon', 'select', 'public.drills', $q$select created_by, reviewed_by from public.drills where id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not read the staff ids (created_by, reviewed_by) of a published drill (public.drills)', 'owner', 'select', 'public.drills', $q$select created_by, reviewed_by from public.drills where id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not read the staff ids (created_by, reviewed_by) of a published drill (public.drills)', 'other', 'select', 'public.drills', $q$select created_by, reviewed_by from public.drills where id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not read the staff ids (created_by, reviewed_by) of a published drill (public.drills)', 'editor', 'select', 'public.drills', $q$select created_by, reviewed_by from public.drills where id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not read the staff ids (created_by, reviewed_by) of a published drill (public.drills)', 'admin', 'select', 'public.drills', $q$select created_by, reviewed_by from public.drills where id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may read the staff ids (created_by, reviewed_by) of a published drill (public.drills)', 'service_role', 'select', 'public.drills', $q$select created_by, reviewed_by from public.drills where id = md5(:'run' || '-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not find a published drill by its author''s id (public.drills)', 'anon', 'select', 'public.drills', $q$select 1 from public.drills where created_by = :'editor' and id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not find a published drill by its author''s id (public.drills)', 'owner', 'select', 'public.drills', $q$select 1 from public.drills where created_by = :'editor' and id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not find a published drill by its author''s id (public.drills)', 'other', 'select', 'public.drills', $q$select 1 from public.drills where created_by = :'editor' and id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not find a published drill by its author''s id (public.drills)', 'editor', 'select', 'public.drills', $q$select 1 from public.drills where created_by = :'editor' and id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not find a published drill by its author''s id (public.drills)', 'admin', 'select', 'public.drills', $q$select 1 from public.drills where created_by = :'editor' and id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may find a published drill by its author''s id (public.drills)', 'service_role', 'select', 'public.drills', $q$select 1 from public.drills where created_by = :'editor' and id = md5(:'run' || '-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not read a published drill that only a paid pack holds (other has pro, owner''s pro expired) (public.drills)', 'anon', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-paid-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not read a published drill that only a paid pack holds (other has pro, owner''s pro expired) (public.drills)', 'owner', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-paid-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('other may read a published drill that only a paid pack holds (other has pro, owner''s pro expired) (public.drills)', 'other', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-paid-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may read a published drill that only a paid pack holds (other has pro, owner''s pro expired) (public.drills)', 'editor', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-paid-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may read a published drill that only a paid pack holds (other has pro, owner''s pro expired) (public.drills)', 'admin', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-paid-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may read a published drill that only a paid pack holds (other has pro, owner''s pro expired) (public.drills)', 'service_role', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-paid-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may read a published drill that a free pack holds too (public.drills)', 'anon', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-both-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('owner may read a published drill that a free pack holds too (public.drills)', 'owner', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-both-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('other may read a published drill that a free pack holds too (public.drills)', 'other', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-both-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may read a published drill that a free pack holds too (public.drills)', 'editor', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-both-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may read a published drill that a free pack holds too (public.drills)', 'admin', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-both-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may read a published drill that a free pack holds too (public.drills)', 'service_role', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-both-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not find a paid-pack drill through match_drills() (public.drills)', 'anon', 'select', 'public.drills', $q$select 1 from public.match_drills(array_fill(0.01, array[768])::real[]::extensions.vector, 50)
where drill_id = md5(:'run' || '-paid-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not find a paid-pack drill through match_drills() (public.drills)', 'owner', 'select', 'public.drills', $q$select 1 from public.match_drills(array_fill(0.01, array[768])::real[]::extensions.vector, 50)
where drill_id = md5(:'run' || '-paid-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('other may find a paid-pack drill through match_drills() (public.drills)', 'other', 'select', 'public.drills', $q$select 1 from public.match_drills(array_fill(0.01, array[768])::real[]::extensions.vector, 50)
where drill_id = md5(:'run' || '-paid-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not read a published drill that only an unpublished free pack holds (public.drills)', 'anon', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-unlisted-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not read a published drill that only an unpublished free pack holds (public.drills)', 'owner', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-unlisted-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not read a published drill that only an unpublished free pack holds (public.drills)', 'other', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-unlisted-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may read a published drill that only an unpublished free pack holds (public.drills)', 'editor', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-unlisted-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may read a published drill that only an unpublished free pack holds (public.drills)', 'admin', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-unlisted-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may read a published drill that only an unpublished free pack holds (public.drills)', 'service_role', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-unlisted-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not read a published drill that only an unpublished paid pack holds (other has pro) (public.drills)', 'anon', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-unlisted-paid-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not read a published drill that only an unpublished paid pack holds (other has pro) (public.drills)', 'owner', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-unlisted-paid-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not read a published drill that only an unpublished paid pack holds (other has pro) (public.drills)', 'other', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-unlisted-paid-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may read a published drill that only an unpublished paid pack holds (other has pro) (public.drills)', 'editor', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-unlisted-paid-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may read a published drill that only an unpublished paid pack holds (other has pro) (public.drills)', 'admin', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-unlisted-paid-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may read a published drill that only an unpublished paid pack holds (other has pro) (public.drills)', 'service_role', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-unlisted-paid-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not find a drill that only an unpublished free pack holds through match_drills() (public.drills)', 'anon', 'select', 'public.drills', $q$select 1 from public.match_drills(array_fill(0.01, array[768])::real[]::extensions.vector, 50)
where drill_id = md5(:'run' || '-unlisted-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not find a drill that only an unpublished free pack holds through match_drills() (public.drills)', 'owner', 'select', 'public.drills', $q$select 1 from public.match_drills(array_fill(0.01, array[768])::real[]::extensions.vector, 50)
where drill_id = md5(:'run' || '-unlisted-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not find a drill that only an unpublished free pack holds through match_drills() (public.drills)', 'other', 'select', 'public.drills', $q$select 1 from public.match_drills(array_fill(0.01, array[768])::real[]::extensions.vector, 50)
where drill_id = md5(:'run' || '-unlisted-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may find a drill that only an unpublished free pack holds through match_drills() (public.drills)', 'editor', 'select', 'public.drills', $q$select 1 from public.match_drills(array_fill(0.01, array[768])::real[]::extensions.vector, 50)
where drill_id = md5(:'run' || '-unlisted-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not read a draft drill (public.drills)', 'anon', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not read a draft drill (public.drills)', 'owner', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not read a draft drill (public.drills)', 'other', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may read a draft drill (public.drills)', 'editor', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-draft')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may read a draft drill (public.drills)', 'admin', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-draft')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may read a draft drill (public.drills)', 'service_role', 'select', 'public.drills', $q$select 1 from public.drills where id = md5(:'run' || '-draft')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not publish a draft by updating drills directly, skipping review (public.drills)', 'anon', 'update', 'public.drills', $q$update public.drills set status = 'published', is_published = true
where id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not publish a draft by updating drills directly, skipping review (public.drills)', 'owner', 'update', 'public.drills', $q$update public.drills set status = 'published', is_published = true
where id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not publish a draft by updating drills directly, skipping review (public.drills)', 'other', 'update', 'public.drills', $q$update public.drills set status = 'published', is_published = true
where id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not publish a draft by updating drills directly, skipping review (public.drills)', 'editor', 'update', 'public.drills', $q$update public.drills set status = 'published', is_published = true
where id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not publish a draft by updating drills directly, skipping review (public.drills)', 'admin', 'update', 'public.drills', $q$update public.drills set status = 'published', is_published = true
where id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may publish a draft by updating drills directly, skipping review (public.drills)', 'service_role', 'update', 'public.drills', $q$update public.drills set status = 'published', is_published = true
where id = md5(:'run' || '-draft')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may not insert a drill that is already published (public.drills)', 'editor', 'insert', 'public.drills', $q$insert into public.drills (slug, title, skill, status, is_published)
values ('rls-sneaky-' || :'run', 'Sneaky', 'grammar', 'published', true)$q$, 'deny');
select pg_temp.rls_check('admin may not insert a drill that is already published (public.drills)', 'admin', 'insert', 'public.drills', $q$insert into public.drills (slug, title, skill, status, is_published)
values ('rls-sneaky-' || :'run', 'Sneaky', 'grammar', 'published', true)$q$, 'deny');
rollback to savepoint rls_object;  -- undo the fixture rows of public.drills

-- table public.drill_items: items follow their drill: public when it is (paywall included), editable only while it is a draft
select pg_temp.rls_check('anon may select public.drill_items', 'anon', 'select', 'public.drill_items', $q$select 1 from public.drill_items where drill_id = md5(:'run' || '-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('owner may select public.drill_items', 'owner', 'select', 'public.drill_items', $q$select 1 from public.drill_items where drill_id = md5(:'run' || '-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('other may select public.drill_items', 'other', 'select', 'public.drill_items', $q$select 1 from public.drill_items where drill_id = md5(:'run' || '-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may select public.drill_items', 'editor', 'select', 'public.drill_items', $q$select 1 from public.drill_items where drill_id = md5(:'run' || '-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may select public.drill_items', 'admin', 'select', 'public.drill_items', $q$select 1 from public.drill_items where drill_id = md5(:'run' || '-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may select public.drill_items', 'service_role', 'select', 'public.drill_items', $q$select 1 from public.drill_items where drill_id = md5(:'run' || '-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.drill_items', 'anon', 'insert', 'public.drill_items', $q$insert into public.drill_items (drill_id, position, prompt) values (md5(:'run' || '-drill')::uuid, 1, 'new')$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.drill_items', 'owner', 'insert', 'public.drill_items', $q$insert into public.drill_items (drill_id, position, prompt) values (md5(:'run' || '-drill')::uuid, 1, 'new')$q$, 'deny');
select pg_temp.rls_check('other may not insert public.drill_items', 'other', 'insert', 'public.drill_items', $q$insert into public.drill_items (drill_id, position, prompt) values (md5(:'run' || '-drill')::uuid, 1, 'new')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.drill_items', 'editor', 'insert', 'public.drill_items', $q$insert into public.drill_items (drill_id, position, prompt) values (md5(:'run' || '-drill')::uuid, 1, 'new')$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.drill_items', 'admin', 'insert', 'public.drill_items', $q$insert into public.drill_items (drill_id, position, prompt) values (md5(:'run' || '-drill')::uuid, 1, 'new')$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.drill_items', 'service_role', 'insert', 'public.drill_items', $q$insert into public.drill_items (drill_id, position, prompt) values (md5(:'run' || '-drill')::uuid, 1, 'new')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.drill_items', 'anon', 'update', 'public.drill_items', $q$update public.drill_items set prompt = prompt where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not update public.drill_items', 'owner', 'update', 'public.drill_items', $q$update public.drill_items set prompt = prompt where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not update public.drill_items', 'other', 'update', 'public.drill_items', $q$update public.drill_items set prompt = prompt where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not update public.drill_items', 'editor', 'update', 'public.drill_items', $q$update public.drill_items set prompt = prompt where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not update public.drill_items', 'admin', 'update', 'public.drill_items', $q$update public.drill_items set prompt = prompt where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may update public.drill_items', 'service_role', 'update', 'public.drill_items', $q$update public.drill_items set prompt = prompt where drill_id = md5(:'run' || '-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.drill_items', 'anon', 'delete', 'public.drill_items', $q$delete from public.drill_items where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.drill_items', 'owner', 'delete', 'public.drill_items', $q$delete from public.drill_items where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not delete public.drill_items', 'other', 'delete', 'public.drill_items', $q$delete from public.drill_items where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.drill_items', 'editor', 'delete', 'public.drill_items', $q$delete from public.drill_items where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.drill_items', 'admin', 'delete', 'public.drill_items', $q$delete from public.drill_items where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.drill_items', 'service_role', 'delete', 'public.drill_items', $q$delete from public.drill_items where drill_id = md5(:'run' || '-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not add an item to a draft (the editor created it; an admin did not) (public.drill_items)', 'anon', 'insert', 'public.drill_items', $q$insert into public.drill_items (drill_id, position, prompt) values (md5(:'run' || '-draft')::uuid, 1, 'new')$q$, 'deny');
select pg_temp.rls_check('owner may not add an item to a draft (the editor created it; an admin did not) (public.drill_items)', 'owner', 'insert', 'public.drill_items', $q$insert into public.drill_items (drill_id, position, prompt) values (md5(:'run' || '-draft')::uuid, 1, 'new')$q$, 'deny');
select pg_temp.rls_check('other may not add an item to a draft (the editor created it; an admin did not) (public.drill_items)', 'other', 'insert', 'public.drill_items', $q$insert into public.drill_items (drill_id, position, prompt) values (md5(:'run' || '-draft')::uuid, 1, 'new')$q$, 'deny');
select pg_temp.rls_check('editor may add an item to a draft (the editor created it; an admin did not) (public.drill_items)', 'editor', 'insert', 'public.drill_items', $q$insert into public.drill_items (drill_id, position, prompt) values (md5(:'run' || '-draft')::uuid, 1, 'new')$q$, 'allow');
select pg_temp.rls_check('admin may not add an item to a draft (the editor created it; an admin did not) (public.drill_items)', 'admin', 'insert', 'public.drill_items', $q$insert into public.drill_items (drill_id, position, prompt) values (md5(:'run' || '-draft')::uuid, 1, 'new')$q$, 'deny');
select pg_temp.rls_check('service_role may add an item to a draft (the editor created it; an admin did not) (public.drill_items)', 'service_role', 'insert', 'public.drill_items', $q$insert into public.drill_items (drill_id, position, prompt) values (md5(:'run' || '-draft')::uuid, 1, 'new')$q$, 'allow');
select pg_temp.rls_check('anon may not edit the items of a draft (the editor created it; an admin did not) (public.drill_items)', 'anon', 'update', 'public.drill_items', $q$update public.drill_items set prompt = 'better' where drill_id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not edit the items of a draft (the editor created it; an admin did not) (public.drill_items)', 'owner', 'update', 'public.drill_items', $q$update public.drill_items set prompt = 'better' where drill_id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not edit the items of a draft (the editor created it; an admin did not) (public.drill_items)', 'other', 'update', 'public.drill_items', $q$update public.drill_items set prompt = 'better' where drill_id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may edit the items of a draft (the editor created it; an admin did not) (public.drill_items)', 'editor', 'update', 'public.drill_items', $q$update public.drill_items set prompt = 'better' where drill_id = md5(:'run' || '-draft')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may not edit the items of a draft (the editor created it; an admin did not) (public.drill_items)', 'admin', 'update', 'public.drill_items', $q$update public.drill_items set prompt = 'better' where drill_id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may edit the items of a draft (the editor created it; an admin did not) (public.drill_items)', 'service_role', 'update', 'public.drill_items', $q$update public.drill_items set prompt = 'better' where drill_id = md5(:'run' || '-draft')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may delete the items of a draft (the editor created it; an admin did not) (public.drill_items)', 'editor', 'delete', 'public.drill_items', $q$delete from public.drill_items where drill_id = md5(:'run' || '-draft')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may not delete the items of a draft (the editor created it; an admin did not) (public.drill_items)', 'admin', 'delete', 'public.drill_items', $q$delete from public.drill_items where drill_id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may delete the items of a draft (the editor created it; an admin did not) (public.drill_items)', 'service_role', 'delete', 'public.drill_items', $q$delete from public.drill_items where drill_id = md5(:'run' || '-draft')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may not edit the items of a drill in review (public.drill_items)', 'editor', 'update', 'public.drill_items', $q$update public.drill_items set prompt = 'changed' where drill_id = md5(:'run' || '-review')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not edit the items of a drill in review (public.drill_items)', 'admin', 'update', 'public.drill_items', $q$update public.drill_items set prompt = 'changed' where drill_id = md5(:'run' || '-review')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may edit the items of a drill in review (public.drill_items)', 'service_role', 'update', 'public.drill_items', $q$update public.drill_items set prompt = 'changed' where drill_id = md5(:'run' || '-review')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may not delete the items of a drill in review (public.drill_items)', 'editor', 'delete', 'public.drill_items', $q$delete from public.drill_items where drill_id = md5(:'run' || '-review')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not delete the items of a drill in review (public.drill_items)', 'admin', 'delete', 'public.drill_items', $q$delete from public.drill_items where drill_id = md5(:'run' || '-review')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may delete the items of a drill in review (public.drill_items)', 'service_role', 'delete', 'public.drill_items', $q$delete from public.drill_items where drill_id = md5(:'run' || '-review')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may not backdate an item of a draft (created_at is server-owned) (public.drill_items)', 'editor', 'update', 'public.drill_items', $q$update public.drill_items set created_at = now() - interval '3 years' where drill_id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not backdate an item of a draft (created_at is server-owned) (public.drill_items)', 'admin', 'update', 'public.drill_items', $q$update public.drill_items set created_at = now() - interval '3 years' where drill_id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('anon may not read the items of a drill only a paid pack holds (other has pro, owner''s pro expired) (public.drill_items)', 'anon', 'select', 'public.drill_items', $q$select 1 from public.drill_items where drill_id = md5(:'run' || '-paid-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not read the items of a drill only a paid pack holds (other has pro, owner''s pro expired) (public.drill_items)', 'owner', 'select', 'public.drill_items', $q$select 1 from public.drill_items where drill_id = md5(:'run' || '-paid-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('other may read the items of a drill only a paid pack holds (other has pro, owner''s pro expired) (public.drill_items)', 'other', 'select', 'public.drill_items', $q$select 1 from public.drill_items where drill_id = md5(:'run' || '-paid-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may read the items of a drill only a paid pack holds (other has pro, owner''s pro expired) (public.drill_items)', 'editor', 'select', 'public.drill_items', $q$select 1 from public.drill_items where drill_id = md5(:'run' || '-paid-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may read the items of a drill only a paid pack holds (other has pro, owner''s pro expired) (public.drill_items)', 'admin', 'select', 'public.drill_items', $q$select 1 from public.drill_items where drill_id = md5(:'run' || '-paid-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may read the items of a drill only a paid pack holds (other has pro, owner''s pro expired) (public.drill_items)', 'service_role', 'select', 'public.drill_items', $q$select 1 from public.drill_items where drill_id = md5(:'run' || '-paid-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not read the items of a published drill that only an unpublished free pack holds (public.drill_items)', 'anon', 'select', 'public.drill_items', $q$select 1 from public.drill_items where drill_id = md5(:'run' || '-unlisted-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not read the items of a published drill that only an unpublished free pack holds (public.drill_items)', 'owner', 'select', 'public.drill_items', $q$select 1 from public.drill_items where drill_id = md5(:'run' || '-unlisted-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not read the items of a published drill that only an unpublished free pack holds (public.drill_items)', 'other', 'select', 'public.drill_items', $q$select 1 from public.drill_items where drill_id = md5(:'run' || '-unlisted-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may read the items of a published drill that only an unpublished free pack holds (public.drill_items)', 'editor', 'select', 'public.drill_items', $q$select 1 from public.drill_items where drill_id = md5(:'run' || '-unlisted-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may read the items of a published drill that only an unpublished free pack holds (public.drill_items)', 'admin', 'select', 'public.drill_items', $q$select 1 from public.drill_items where drill_id = md5(:'run' || '-unlisted-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may read the items of a published drill that only an unpublished free pack holds (public.drill_items)', 'service_role', 'select', 'public.drill_items', $q$select 1 from public.drill_items where drill_id = md5(:'run' || '-unlisted-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not read the items of a draft drill (public.drill_items)', 'anon', 'select', 'public.drill_items', $q$select 1 from public.drill_items where drill_id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not read the items of a draft drill (public.drill_items)', 'owner', 'select', 'public.drill_items', $q$select 1 from public.drill_items where drill_id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not read the items of a draft drill (public.drill_items)', 'other', 'select', 'public.drill_items', $q$select 1 from public.drill_items where drill_id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may read the items of a draft drill (public.drill_items)', 'editor', 'select', 'public.drill_items', $q$select 1 from public.drill_items where drill_id = md5(:'run' || '-draft')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may read the items of a draft drill (public.drill_items)', 'admin', 'select', 'public.drill_items', $q$select 1 from public.drill_items where drill_id = md5(:'run' || '-draft')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may read the items of a draft drill (public.drill_items)', 'service_role', 'select', 'public.drill_items', $q$select 1 from public.drill_items where drill_id = md5(:'run' || '-draft')::uuid$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.drill_items

-- table public.drill_revisions: written by transition_drill(); the review trail
select pg_temp.rls_check('anon may not select public.drill_revisions', 'anon', 'select', 'public.drill_revisions', $q$select 1 from public.drill_revisions where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not select public.drill_revisions', 'owner', 'select', 'public.drill_revisions', $q$select 1 from public.drill_revisions where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not select public.drill_revisions', 'other', 'select', 'public.drill_revisions', $q$select 1 from public.drill_revisions where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may select public.drill_revisions', 'editor', 'select', 'public.drill_revisions', $q$select 1 from public.drill_revisions where drill_id = md5(:'run' || '-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may select public.drill_revisions', 'admin', 'select', 'public.drill_revisions', $q$select 1 from public.drill_revisions where drill_id = md5(:'run' || '-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may select public.drill_revisions', 'service_role', 'select', 'public.drill_revisions', $q$select 1 from public.drill_revisions where drill_id = md5(:'run' || '-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.drill_revisions', 'anon', 'insert', 'public.drill_revisions', $q$insert into public.drill_revisions (drill_id, to_status) values (md5(:'run' || '-drill')::uuid, 'published')$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.drill_revisions', 'owner', 'insert', 'public.drill_revisions', $q$insert into public.drill_revisions (drill_id, to_status) values (md5(:'run' || '-drill')::uuid, 'published')$q$, 'deny');
select pg_temp.rls_check('other may not insert public.drill_revisions', 'other', 'insert', 'public.drill_revisions', $q$insert into public.drill_revisions (drill_id, to_status) values (md5(:'run' || '-drill')::uuid, 'published')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.drill_revisions', 'editor', 'insert', 'public.drill_revisions', $q$insert into public.drill_revisions (drill_id, to_status) values (md5(:'run' || '-drill')::uuid, 'published')$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.drill_revisions', 'admin', 'insert', 'public.drill_revisions', $q$insert into public.drill_revisions (drill_id, to_status) values (md5(:'run' || '-drill')::uuid, 'published')$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.drill_revisions', 'service_role', 'insert', 'public.drill_revisions', $q$insert into public.drill_revisions (drill_id, to_status) values (md5(:'run' || '-drill')::uuid, 'published')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.drill_revisions', 'anon', 'update', 'public.drill_revisions', $q$update public.drill_revisions set "id" = "id" where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not update public.drill_revisions', 'owner', 'update', 'public.drill_revisions', $q$update public.drill_revisions set "id" = "id" where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not update public.drill_revisions', 'other', 'update', 'public.drill_revisions', $q$update public.drill_revisions set "id" = "id" where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not update public.drill_revisions', 'editor', 'update', 'public.drill_revisions', $q$update public.drill_revisions set "id" = "id" where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not update public.drill_revisions', 'admin', 'update', 'public.drill_revisions', $q$update public.drill_revisions set "id" = "id" where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may update public.drill_revisions', 'service_role', 'update', 'public.drill_revisions', $q$update public.drill_revisions set "id" = "id" where drill_id = md5(:'run' || '-drill')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.drill_revisions', 'anon', 'delete', 'public.drill_revisions', $q$delete from public.drill_revisions where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.drill_revisions', 'owner', 'delete', 'public.drill_revisions', $q$delete from public.drill_revisions where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not delete public.drill_revisions', 'other', 'delete', 'public.drill_revisions', $q$delete from public.drill_revisions where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.drill_revisions', 'editor', 'delete', 'public.drill_revisions', $q$delete from public.drill_revisions where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.drill_revisions', 'admin', 'delete', 'public.drill_revisions', $q$delete from public.drill_revisions where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.drill_revisions', 'service_role', 'delete', 'public.drill_revisions', $q$delete from public.drill_revisions where drill_id = md5(:'run' || '-drill')::uuid$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.drill_revisions

-- table public.drill_sets
select pg_temp.rls_check('anon may select public.drill_sets', 'anon', 'select', 'public.drill_sets', $q$select 1 from public.drill_sets where id = md5(:'run' || '-set')::uuid$q$, 'allow');
select pg_temp.rls_check('owner may select public.drill_sets', 'owner', 'select', 'public.drill_sets', $q$select 1 from public.drill_sets where id = md5(:'run' || '-set')::uuid$q$, 'allow');
select pg_temp.rls_check('other may select public.drill_sets', 'other', 'select', 'public.drill_sets', $q$select 1 from public.drill_sets where id = md5(:'run' || '-set')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may select public.drill_sets', 'editor', 'select', 'public.drill_sets', $q$select 1 from public.drill_sets where id = md5(:'run' || '-set')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may select public.drill_sets', 'admin', 'select', 'public.drill_sets', $q$select 1 from public.drill_sets where id = md5(:'run' || '-set')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may select public.drill_sets', 'service_role', 'select', 'public.drill_sets', $q$select 1 from public.drill_sets where id = md5(:'run' || '-set')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.drill_sets', 'anon', 'insert', 'public.drill_sets', $q$insert into public.drill_sets (slug, title) values ('rls-new-' || :'run', 'New set')$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.drill_sets', 'owner', 'insert', 'public.drill_sets', $q$insert into public.drill_sets (slug, title) values ('rls-new-' || :'run', 'New set')$q$, 'deny');
select pg_temp.rls_check('other may not insert public.drill_sets', 'other', 'insert', 'public.drill_sets', $q$insert into public.drill_sets (slug, title) values ('rls-new-' || :'run', 'New set')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.drill_sets', 'editor', 'insert', 'public.drill_sets', $q$insert into public.drill_sets (slug, title) values ('rls-new-' || :'run', 'New set')$q$, 'deny');
select pg_temp.rls_check('admin may insert public.drill_sets', 'admin', 'insert', 'public.drill_sets', $q$insert into public.drill_sets (slug, title) values ('rls-new-' || :'run', 'New set')$q$, 'allow');
select pg_temp.rls_check('service_role may insert public.drill_sets', 'service_role', 'insert', 'public.drill_sets', $q$insert into public.drill_sets (slug, title) values ('rls-new-' || :'run', 'New set')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.drill_sets', 'anon', 'update', 'public.drill_sets', $q$update public.drill_sets set "id" = "id" where id = md5(:'run' || '-set')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not update public.drill_sets', 'owner', 'update', 'public.drill_sets', $q$update public.drill_sets set "id" = "id" where id = md5(:'run' || '-set')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not update public.drill_sets', 'other', 'update', 'public.drill_sets', $q$update public.drill_sets set "id" = "id" where id = md5(:'run' || '-set')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not update public.drill_sets', 'editor', 'update', 'public.drill_sets', $q$update public.drill_sets set "id" = "id" where id = md5(:'run' || '-set')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may update public.drill_sets', 'admin', 'update', 'public.drill_sets', $q$update public.drill_sets set "id" = "id" where id = md5(:'run' || '-set')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may update public.drill_sets', 'service_role', 'update', 'public.drill_sets', $q$update public.drill_sets set "id" = "id" where id = md5(:'run' || '-set')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.drill_sets', 'anon', 'delete', 'public.drill_sets', $q$delete from public.drill_sets where id = md5(:'run' || '-set')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.drill_sets', 'owner', 'delete', 'public.drill_sets', $q$delete from public.drill_sets where id = md5(:'run' || '-set')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not delete public.drill_sets', 'other', 'delete', 'public.drill_sets', $q$delete from public.drill_sets where id = md5(:'run' || '-set')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.drill_sets', 'editor', 'delete', 'public.drill_sets', $q$delete from public.drill_sets where id = md5(:'run' || '-set')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may delete public.drill_sets', 'admin', 'delete', 'public.drill_sets', $q$delete from public.drill_sets where id = md5(:'run' || '-set')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may delete public.drill_sets', 'service_role', 'delete', 'public.drill_sets', $q$delete from public.drill_sets where id = md5(:'run' || '-set')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not read an unpublished set (public.drill_sets)', 'anon', 'select', 'public.drill_sets', $q$select 1 from public.drill_sets where id = md5(:'run' || '-hidden')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not read an unpublished set (public.drill_sets)', 'owner', 'select', 'public.drill_sets', $q$select 1 from public.drill_sets where id = md5(:'run' || '-hidden')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not read an unpublished set (public.drill_sets)', 'other', 'select', 'public.drill_sets', $q$select 1 from public.drill_sets where id = md5(:'run' || '-hidden')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may read an unpublished set (public.drill_sets)', 'editor', 'select', 'public.drill_sets', $q$select 1 from public.drill_sets where id = md5(:'run' || '-hidden')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may read an unpublished set (public.drill_sets)', 'admin', 'select', 'public.drill_sets', $q$select 1 from public.drill_sets where id = md5(:'run' || '-hidden')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may read an unpublished set (public.drill_sets)', 'service_role', 'select', 'public.drill_sets', $q$select 1 from public.drill_sets where id = md5(:'run' || '-hidden')::uuid$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.drill_sets

-- table public.drill_set_members
select pg_temp.rls_check('anon may select public.drill_set_members', 'anon', 'select', 'public.drill_set_members', $q$select 1 from public.drill_set_members where set_id = md5(:'run' || '-set')::uuid$q$, 'allow');
select pg_temp.rls_check('owner may select public.drill_set_members', 'owner', 'select', 'public.drill_set_members', $q$select 1 from public.drill_set_members where set_id = md5(:'run' || '-set')::uuid$q$, 'allow');
select pg_temp.rls_check('other may select public.drill_set_members', 'other', 'select', 'public.drill_set_members', $q$select 1 from public.drill_set_members where set_id = md5(:'run' || '-set')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may select public.drill_set_members', 'editor', 'select', 'public.drill_set_members', $q$select 1 from public.drill_set_members where set_id = md5(:'run' || '-set')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may select public.drill_set_members', 'admin', 'select', 'public.drill_set_members', $q$select 1 from public.drill_set_members where set_id = md5(:'run' || '-set')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may select public.drill_set_members', 'service_role', 'select', 'public.drill_set_members', $q$select 1 from public.drill_set_members where set_id = md5(:'run' || '-set')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.drill_set_members', 'anon', 'insert', 'public.drill_set_members', $q$insert into public.drill_set_members (set_id, drill_id, position)
values (md5(:'run' || '-set')::uuid, md5(:'run' || '-drill')::uuid, 1)$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.drill_set_members', 'owner', 'insert', 'public.drill_set_members', $q$insert into public.drill_set_members (set_id, drill_id, position)
values (md5(:'run' || '-set')::uuid, md5(:'run' || '-drill')::uuid, 1)$q$, 'deny');
select pg_temp.rls_check('other may not insert public.drill_set_members', 'other', 'insert', 'public.drill_set_members', $q$insert into public.drill_set_members (set_id, drill_id, position)
values (md5(:'run' || '-set')::uuid, md5(:'run' || '-drill')::uuid, 1)$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.drill_set_members', 'editor', 'insert', 'public.drill_set_members', $q$insert into public.drill_set_members (set_id, drill_id, position)
values (md5(:'run' || '-set')::uuid, md5(:'run' || '-drill')::uuid, 1)$q$, 'deny');
select pg_temp.rls_check('admin may insert public.drill_set_members', 'admin', 'insert', 'public.drill_set_members', $q$insert into public.drill_set_members (set_id, drill_id, position)
values (md5(:'run' || '-set')::uuid, md5(:'run' || '-drill')::uuid, 1)$q$, 'allow');
select pg_temp.rls_check('service_role may insert public.drill_set_members', 'service_role', 'insert', 'public.drill_set_members', $q$insert into public.drill_set_members (set_id, drill_id, position)
values (md5(:'run' || '-set')::uuid, md5(:'run' || '-drill')::uuid, 1)$q$, 'allow');
select pg_temp.rls_check('anon may not update public.drill_set_members', 'anon', 'update', 'public.drill_set_members', $q$update public.drill_set_members set "set_id" = "set_id" where set_id = md5(:'run' || '-set')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not update public.drill_set_members', 'owner', 'update', 'public.drill_set_members', $q$update public.drill_set_members set "set_id" = "set_id" where set_id = md5(:'run' || '-set')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not update public.drill_set_members', 'other', 'update', 'public.drill_set_members', $q$update public.drill_set_members set "set_id" = "set_id" where set_id = md5(:'run' || '-set')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not update public.drill_set_members', 'editor', 'update', 'public.drill_set_members', $q$update public.drill_set_members set "set_id" = "set_id" where set_id = md5(:'run' || '-set')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may update public.drill_set_members', 'admin', 'update', 'public.drill_set_members', $q$update public.drill_set_members set "set_id" = "set_id" where set_id = md5(:'run' || '-set')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may update public.drill_set_members', 'service_role', 'update', 'public.drill_set_members', $q$update public.drill_set_members set "set_id" = "set_id" where set_id = md5(:'run' || '-set')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.drill_set_members', 'anon', 'delete', 'public.drill_set_members', $q$delete from public.drill_set_members where set_id = md5(:'run' || '-set')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.drill_set_members', 'owner', 'delete', 'public.drill_set_members', $q$delete from public.drill_set_members where set_id = md5(:'run' || '-set')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not delete public.drill_set_members', 'other', 'delete', 'public.drill_set_members', $q$delete from public.drill_set_members where set_id = md5(:'run' || '-set')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.drill_set_members', 'editor', 'delete', 'public.drill_set_members', $q$delete from public.drill_set_members where set_id = md5(:'run' || '-set')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may delete public.drill_set_members', 'admin', 'delete', 'public.drill_set_members', $q$delete from public.drill_set_members where set_id = md5(:'run' || '-set')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may delete public.drill_set_members', 'service_role', 'delete', 'public.drill_set_members', $q$delete from public.drill_set_members where set_id = md5(:'run' || '-set')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not learn a draft drill''s id from its membership row in a published set (public.drill_set_members)', 'anon', 'select', 'public.drill_set_members', $q$select drill_id from public.drill_set_members where drill_id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not learn a draft drill''s id from its membership row in a published set (public.drill_set_members)', 'owner', 'select', 'public.drill_set_members', $q$select drill_id from public.drill_set_members where drill_id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not learn a draft drill''s id from its membership row in a published set (public.drill_set_members)', 'other', 'select', 'public.drill_set_members', $q$select drill_id from public.drill_set_members where drill_id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may learn a draft drill''s id from its membership row in a published set (public.drill_set_members)', 'editor', 'select', 'public.drill_set_members', $q$select drill_id from public.drill_set_members where drill_id = md5(:'run' || '-draft')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may learn a draft drill''s id from its membership row in a published set (public.drill_set_members)', 'admin', 'select', 'public.drill_set_members', $q$select drill_id from public.drill_set_members where drill_id = md5(:'run' || '-draft')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may learn a draft drill''s id from its membership row in a published set (public.drill_set_members)', 'service_role', 'select', 'public.drill_set_members', $q$select drill_id from public.drill_set_members where drill_id = md5(:'run' || '-draft')::uuid$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.drill_set_members

-- table public.expressions: expressions of a paid pack need an active pro plan; of an unpublished pack, staff only
select pg_temp.rls_check('anon may select public.expressions', 'anon', 'select', 'public.expressions', $q$select 1 from public.expressions where id = md5(:'run' || '-expr')::uuid$q$, 'allow');
select pg_temp.rls_check('owner may select public.expressions', 'owner', 'select', 'public.expressions', $q$select 1 from public.expressions where id = md5(:'run' || '-expr')::uuid$q$, 'allow');
select pg_temp.rls_check('other may select public.expressions', 'other', 'select', 'public.expressions', $q$select 1 from public.expressions where id = md5(:'run' || '-expr')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may select public.expressions', 'editor', 'select', 'public.expressions', $q$select 1 from public.expressions where id = md5(:'run' || '-expr')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may select public.expressions', 'admin', 'select', 'public.expressions', $q$select 1 from public.expressions where id = md5(:'run' || '-expr')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may select public.expressions', 'service_role', 'select', 'public.expressions', $q$select 1 from public.expressions where id = md5(:'run' || '-expr')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.expressions', 'anon', 'insert', 'public.expressions', $q$insert into public.expressions (phrase, meaning) values ('rls new ' || :'run', 'test')$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.expressions', 'owner', 'insert', 'public.expressions', $q$insert into public.expressions (phrase, meaning) values ('rls new ' || :'run', 'test')$q$, 'deny');
select pg_temp.rls_check('other may not insert public.expressions', 'other', 'insert', 'public.expressions', $q$insert into public.expressions (phrase, meaning) values ('rls new ' || :'run', 'test')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.expressions', 'editor', 'insert', 'public.expressions', $q$insert into public.expressions (phrase, meaning) values ('rls new ' || :'run', 'test')$q$, 'deny');
select pg_temp.rls_check('admin may insert public.expressions', 'admin', 'insert', 'public.expressions', $q$insert into public.expressions (phrase, meaning) values ('rls new ' || :'run', 'test')$q$, 'allow');
select pg_temp.rls_check('service_role may insert public.expressions', 'service_role', 'insert', 'public.expressions', $q$insert into public.expressions (phrase, meaning) values ('rls new ' || :'run', 'test')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.expressions', 'anon', 'update', 'public.expressions', $q$update public.expressions set "id" = "id" where id = md5(:'run' || '-expr')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not update public.expressions', 'owner', 'update', 'public.expressions', $q$update public.expressions set "id" = "id" where id = md5(:'run' || '-expr')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not update public.expressions', 'other', 'update', 'public.expressions', $q$update public.expressions set "id" = "id" where id = md5(:'run' || '-expr')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not update public.expressions', 'editor', 'update', 'public.expressions', $q$update public.expressions set "id" = "id" where id = md5(:'run' || '-expr')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may update public.expressions', 'admin', 'update', 'public.expressions', $q$update public.expressions set "id" = "id" where id = md5(:'run' || '-expr')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may update public.expressions', 'service_role', 'update', 'public.expressions', $q$update public.expressions set "id" = "id" where id = md5(:'run' || '-expr')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.expressions', 'anon', 'delete', 'public.expressions', $q$delete from public.expressions where id = md5(:'run' || '-expr')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.expressions', 'owner', 'delete', 'public.expressions', $q$delete from public.expressions where id = md5(:'run' || '-expr')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not delete public.expressions', 'other', 'delete', 'public.expressions', $q$delete from public.expressions where id = md5(:'run' || '-expr')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.expressions', 'editor', 'delete', 'public.expressions', $q$delete from public.expressions where id = md5(:'run' || '-expr')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may delete public.expressions', 'admin', 'delete', 'public.expressions', $q$delete from public.expressions where id = md5(:'run' || '-expr')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may delete public.expressions', 'service_role', 'delete', 'public.expressions', $q$delete from public.expressions where id = md5(:'run' || '-expr')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not read an unpublished expression (public.expressions)', 'anon', 'select', 'public.expressions', $q$select 1 from public.expressions where id = md5(:'run' || '-hidden')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not read an unpublished expression (public.expressions)', 'owner', 'select', 'public.expressions', $q$select 1 from public.expressions where id = md5(:'run' || '-hidden')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not read an unpublished expression (public.expressions)', 'other', 'select', 'public.expressions', $q$select 1 from public.expressions where id = md5(:'run' || '-hidden')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may read an unpublished expression (public.expressions)', 'editor', 'select', 'public.expressions', $q$select 1 from public.expressions where id = md5(:'run' || '-hidden')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may read an unpublished expression (public.expressions)', 'admin', 'select', 'public.expressions', $q$select 1 from public.expressions where id = md5(:'run' || '-hidden')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may read an unpublished expression (public.expressions)', 'service_role', 'select', 'public.expressions', $q$select 1 from public.expressions where id = md5(:'run' || '-hidden')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not read the phrase and meaning of a paid pack''s expression (other has pro, owner''s pro expired) (public.expressions)', 'anon', 'select', 'public.expressions', $q$select phrase, meaning from public.expressions where id = md5(:'run' || '-paid-expr')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not read the phrase and meaning of a paid pack''s expression (other has pro, owner''s pro expired) (public.expressions)', 'owner', 'select', 'public.expressions', $q$select phrase, meaning from public.expressions where id = md5(:'run' || '-paid-expr')::uuid$q$, 'deny');
select pg_temp.rls_check('other may read the phrase and meaning of a paid pack''s expression (other has pro, owner''s pro expired) (public.expressions)', 'other', 'select', 'public.expressions', $q$select phrase, meaning from public.expressions where id = md5(:'run' || '-paid-expr')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may read the phrase and meaning of a paid pack''s expression (other has pro, owner''s pro expired) (public.expressions)', 'editor', 'select', 'public.expressions', $q$select phrase, meaning from public.expressions where id = md5(:'run' || '-paid-expr')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may read the phrase and meaning of a paid pack''s expression (other has pro, owner''s pro expired) (public.expressions)', 'admin', 'select', 'public.expressions', $q$select phrase, meaning from public.expressions where id = md5(:'run' || '-paid-expr')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may read the phrase and meaning of a paid pack''s expression (other has pro, owner''s pro expired) (public.expressions)', 'service_role', 'select', 'public.expressions', $q$select phrase, meaning from public.expressions where id = md5(:'run' || '-paid-expr')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may read an expression of a free pack (public.expressions)', 'anon', 'select', 'public.expressions', $q$select phrase, meaning from public.expressions where id = md5(:'run' || '-free-expr')::uuid$q$, 'allow');
select pg_temp.rls_check('owner may read an expression of a free pack (public.expressions)', 'owner', 'select', 'public.expressions', $q$select phrase, meaning from public.expressions where id = md5(:'run' || '-free-expr')::uuid$q$, 'allow');
select pg_temp.rls_check('other may read an expression of a free pack (public.expressions)', 'other', 'select', 'public.expressions', $q$select phrase, meaning from public.expressions where id = md5(:'run' || '-free-expr')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may read an expression of a free pack (public.expressions)', 'editor', 'select', 'public.expressions', $q$select phrase, meaning from public.expressions where id = md5(:'run' || '-free-expr')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may read an expression of a free pack (public.expressions)', 'admin', 'select', 'public.expressions', $q$select phrase, meaning from public.expressions where id = md5(:'run' || '-free-expr')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may read an expression of a free pack (public.expressions)', 'service_role', 'select', 'public.expressions', $q$select phrase, meaning from public.expressions where id = md5(:'run' || '-free-expr')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not read an expression of an unpublished pack (public.expressions)', 'anon', 'select', 'public.expressions', $q$select 1 from public.expressions where id = md5(:'run' || '-draft-pack-expr')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not read an expression of an unpublished pack (public.expressions)', 'owner', 'select', 'public.expressions', $q$select 1 from public.expressions where id = md5(:'run' || '-draft-pack-expr')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not read an expression of an unpublished pack (public.expressions)', 'other', 'select', 'public.expressions', $q$select 1 from public.expressions where id = md5(:'run' || '-draft-pack-expr')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may read an expression of an unpublished pack (public.expressions)', 'editor', 'select', 'public.expressions', $q$select 1 from public.expressions where id = md5(:'run' || '-draft-pack-expr')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may read an expression of an unpublished pack (public.expressions)', 'admin', 'select', 'public.expressions', $q$select 1 from public.expressions where id = md5(:'run' || '-draft-pack-expr')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may read an expression of an unpublished pack (public.expressions)', 'service_role', 'select', 'public.expressions', $q$select 1 from public.expressions where id = md5(:'run' || '-draft-pack-expr')::uuid$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.expressions

-- table public.practice_packs: the pack row is the public preview (title, description, counts); its contents follow the paywall
select pg_temp.rls_check('anon may select public.practice_packs', 'anon', 'select', 'public.practice_packs', $q$select 1 from public.practice_packs where id = md5(:'run' || '-pack')::uuid$q$, 'allow');
select pg_temp.rls_check('owner may select public.practice_packs', 'owner', 'select', 'public.practice_packs', $q$select 1 from public.practice_packs where id = md5(:'run' || '-pack')::uuid$q$, 'allow');
select pg_temp.rls_check('other may select public.practice_packs', 'other', 'select', 'public.practice_packs', $q$select 1 from public.practice_packs where id = md5(:'run' || '-pack')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may select public.practice_packs', 'editor', 'select', 'public.practice_packs', $q$select 1 from public.practice_packs where id = md5(:'run' || '-pack')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may select public.practice_packs', 'admin', 'select', 'public.practice_packs', $q$select 1 from public.practice_packs where id = md5(:'run' || '-pack')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may select public.practice_packs', 'service_role', 'select', 'public.practice_packs', $q$select 1 from public.practice_packs where id = md5(:'run' || '-pack')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.practice_packs', 'anon', 'insert', 'public.practice_packs', $q$insert into public.practice_packs (slug, title) values ('rls-new-' || :'run', 'New pack')$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.practice_packs', 'owner', 'insert', 'public.practice_packs', $q$insert into public.practice_packs (slug, title) values ('rls-new-' || :'run', 'New pack')$q$, 'deny');
select pg_temp.rls_check('other may not insert public.practice_packs', 'other', 'insert', 'public.practice_packs', $q$insert into public.practice_packs (slug, title) values ('rls-new-' || :'run', 'New pack')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.practice_packs', 'editor', 'insert', 'public.practice_packs', $q$insert into public.practice_packs (slug, title) values ('rls-new-' || :'run', 'New pack')$q$, 'deny');
select pg_temp.rls_check('admin may insert public.practice_packs', 'admin', 'insert', 'public.practice_packs', $q$insert into public.practice_packs (slug, title) values ('rls-new-' || :'run', 'New pack')$q$, 'allow');
select pg_temp.rls_check('service_role may insert public.practice_packs', 'service_role', 'insert', 'public.practice_packs', $q$insert into public.practice_packs (slug, title) values ('rls-new-' || :'run', 'New pack')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.practice_packs', 'anon', 'update', 'public.practice_packs', $q$update public.practice_packs set title = title where id = md5(:'run' || '-pack')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not update public.practice_packs', 'owner', 'update', 'public.practice_packs', $q$update public.practice_packs set title = title where id = md5(:'run' || '-pack')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not update public.practice_packs', 'other', 'update', 'public.practice_packs', $q$update public.practice_packs set title = title where id = md5(:'run' || '-pack')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not update public.practice_packs', 'editor', 'update', 'public.practice_packs', $q$update public.practice_packs set title = title where id = md5(:'run' || '-pack')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may update public.practice_packs', 'admin', 'update', 'public.practice_packs', $q$update public.practice_packs set title = title where id = md5(:'run' || '-pack')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may update public.practice_packs', 'service_role', 'update', 'public.practice_packs', $q$update public.practice_packs set title = title where id = md5(:'run' || '-pack')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.practice_packs', 'anon', 'delete', 'public.practice_packs', $q$delete from public.practice_packs where id = md5(:'run' || '-pack')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.practice_packs', 'owner', 'delete', 'public.practice_packs', $q$delete from public.practice_packs where id = md5(:'run' || '-pack')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not delete public.practice_packs', 'other', 'delete', 'public.practice_packs', $q$delete from public.practice_packs where id = md5(:'run' || '-pack')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.practice_packs', 'editor', 'delete', 'public.practice_packs', $q$delete from public.practice_packs where id = md5(:'run' || '-pack')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may delete public.practice_packs', 'admin', 'delete', 'public.practice_packs', $q$delete from public.practice_packs where id = md5(:'run' || '-pack')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may delete public.practice_packs', 'service_role', 'delete', 'public.practice_packs', $q$delete from public.practice_packs where id = md5(:'run' || '-pack')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not read an unpublished pack (public.practice_packs)', 'anon', 'select', 'public.practice_packs', $q$select 1 from public.practice_packs where id = md5(:'run' || '-hidden')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not read an unpublished pack (public.practice_packs)', 'owner', 'select', 'public.practice_packs', $q$select 1 from public.practice_packs where id = md5(:'run' || '-hidden')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not read an unpublished pack (public.practice_packs)', 'other', 'select', 'public.practice_packs', $q$select 1 from public.practice_packs where id = md5(:'run' || '-hidden')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may read an unpublished pack (public.practice_packs)', 'editor', 'select', 'public.practice_packs', $q$select 1 from public.practice_packs where id = md5(:'run' || '-hidden')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may read an unpublished pack (public.practice_packs)', 'admin', 'select', 'public.practice_packs', $q$select 1 from public.practice_packs where id = md5(:'run' || '-hidden')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may read an unpublished pack (public.practice_packs)', 'service_role', 'select', 'public.practice_packs', $q$select 1 from public.practice_packs where id = md5(:'run' || '-hidden')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may read the preview of a paid pack: title, description and its counts (public.practice_packs)', 'anon', 'select', 'public.practice_packs', $q$select title, description, drill_count, expression_count from public.practice_packs
where id = md5(:'run' || '-paid')::uuid and drill_count = 1 and expression_count = 1$q$, 'allow');
select pg_temp.rls_check('owner may read the preview of a paid pack: title, description and its counts (public.practice_packs)', 'owner', 'select', 'public.practice_packs', $q$select title, description, drill_count, expression_count from public.practice_packs
where id = md5(:'run' || '-paid')::uuid and drill_count = 1 and expression_count = 1$q$, 'allow');
select pg_temp.rls_check('other may read the preview of a paid pack: title, description and its counts (public.practice_packs)', 'other', 'select', 'public.practice_packs', $q$select title, description, drill_count, expression_count from public.practice_packs
where id = md5(:'run' || '-paid')::uuid and drill_count = 1 and expression_count = 1$q$, 'allow');
select pg_temp.rls_check('editor may read the preview of a paid pack: title, description and its counts (public.practice_packs)', 'editor', 'select', 'public.practice_packs', $q$select title, description, drill_count, expression_count from public.practice_packs
where id = md5(:'run' || '-paid')::uuid and drill_count = 1 and expression_count = 1$q$, 'allow');
select pg_temp.rls_check('admin may read the preview of a paid pack: title, description and its counts (public.practice_packs)', 'admin', 'select', 'public.practice_packs', $q$select title, description, drill_count, expression_count from public.practice_packs
where id = md5(:'run' || '-paid')::uuid and drill_count = 1 and expression_count = 1$q$, 'allow');
select pg_temp.rls_check('service_role may read the preview of a paid pack: title, description and its counts (public.practice_packs)', 'service_role', 'select', 'public.practice_packs', $q$select title, description, drill_count, expression_count from public.practice_packs
where id = md5(:'run' || '-paid')::uuid and drill_count = 1 and expression_count = 1$q$, 'allow');
select pg_temp.rls_check('editor may not set the counts of a pack preview (server-owned) (public.practice_packs)', 'editor', 'update', 'public.practice_packs', $q$update public.practice_packs set drill_count = 99 where id = md5(:'run' || '-paid')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not set the counts of a pack preview (server-owned) (public.practice_packs)', 'admin', 'update', 'public.practice_packs', $q$update public.practice_packs set drill_count = 99 where id = md5(:'run' || '-paid')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may set the counts of a pack preview (server-owned) (public.practice_packs)', 'service_role', 'update', 'public.practice_packs', $q$update public.practice_packs set drill_count = 99 where id = md5(:'run' || '-paid')::uuid$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.practice_packs

-- table public.pack_drills: free packs are public; paid packs need an active pro entitlement (`other` has one in the setup)
select pg_temp.rls_check('anon may select public.pack_drills', 'anon', 'select', 'public.pack_drills', $q$select 1 from public.pack_drills where pack_id = md5(:'run' || '-free')::uuid$q$, 'allow');
select pg_temp.rls_check('owner may select public.pack_drills', 'owner', 'select', 'public.pack_drills', $q$select 1 from public.pack_drills where pack_id = md5(:'run' || '-free')::uuid$q$, 'allow');
select pg_temp.rls_check('other may select public.pack_drills', 'other', 'select', 'public.pack_drills', $q$select 1 from public.pack_drills where pack_id = md5(:'run' || '-free')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may select public.pack_drills', 'editor', 'select', 'public.pack_drills', $q$select 1 from public.pack_drills where pack_id = md5(:'run' || '-free')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may select public.pack_drills', 'admin', 'select', 'public.pack_drills', $q$select 1 from public.pack_drills where pack_id = md5(:'run' || '-free')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may select public.pack_drills', 'service_role', 'select', 'public.pack_drills', $q$select 1 from public.pack_drills where pack_id = md5(:'run' || '-free')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.pack_drills', 'anon', 'insert', 'public.pack_drills', $q$insert into public.pack_drills (pack_id, drill_id) values (md5(:'run' || '-paid')::uuid, md5(:'run' || '-drill')::uuid)$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.pack_drills', 'owner', 'insert', 'public.pack_drills', $q$insert into public.pack_drills (pack_id, drill_id) values (md5(:'run' || '-paid')::uuid, md5(:'run' || '-drill')::uuid)$q$, 'deny');
select pg_temp.rls_check('other may not insert public.pack_drills', 'other', 'insert', 'public.pack_drills', $q$insert into public.pack_drills (pack_id, drill_id) values (md5(:'run' || '-paid')::uuid, md5(:'run' || '-drill')::uuid)$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.pack_drills', 'editor', 'insert', 'public.pack_drills', $q$insert into public.pack_drills (pack_id, drill_id) values (md5(:'run' || '-paid')::uuid, md5(:'run' || '-drill')::uuid)$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.pack_drills', 'admin', 'insert', 'public.pack_drills', $q$insert into public.pack_drills (pack_id, drill_id) values (md5(:'run' || '-paid')::uuid, md5(:'run' || '-drill')::uuid)$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.pack_drills', 'service_role', 'insert', 'public.pack_drills', $q$insert into public.pack_drills (pack_id, drill_id) values (md5(:'run' || '-paid')::uuid, md5(:'run' || '-drill')::uuid)$q$, 'allow');
select pg_temp.rls_check('anon may not update public.pack_drills', 'anon', 'update', 'public.pack_drills', $q$update public.pack_drills set position = position where pack_id = md5(:'run' || '-free')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not update public.pack_drills', 'owner', 'update', 'public.pack_drills', $q$update public.pack_drills set position = position where pack_id = md5(:'run' || '-free')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not update public.pack_drills', 'other', 'update', 'public.pack_drills', $q$update public.pack_drills set position = position where pack_id = md5(:'run' || '-free')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not update public.pack_drills', 'editor', 'update', 'public.pack_drills', $q$update public.pack_drills set position = position where pack_id = md5(:'run' || '-free')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not update public.pack_drills', 'admin', 'update', 'public.pack_drills', $q$update public.pack_drills set position = position where pack_id = md5(:'run' || '-free')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may update public.pack_drills', 'service_role', 'update', 'public.pack_drills', $q$update public.pack_drills set position = position where pack_id = md5(:'run' || '-free')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.pack_drills', 'anon', 'delete', 'public.pack_drills', $q$delete from public.pack_drills where pack_id = md5(:'run' || '-free')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.pack_drills', 'owner', 'delete', 'public.pack_drills', $q$delete from public.pack_drills where pack_id = md5(:'run' || '-free')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not delete public.pack_drills', 'other', 'delete', 'public.pack_drills', $q$delete from public.pack_drills where pack_id = md5(:'run' || '-free')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.pack_drills', 'editor', 'delete', 'public.pack_drills', $q$delete from public.pack_drills where pack_id = md5(:'run' || '-free')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.pack_drills', 'admin', 'delete', 'public.pack_drills', $q$delete from public.pack_drills where pack_id = md5(:'run' || '-free')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.pack_drills', 'service_role', 'delete', 'public.pack_drills', $q$delete from public.pack_drills where pack_id = md5(:'run' || '-free')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not read the drills of a paid pack (public.pack_drills)', 'anon', 'select', 'public.pack_drills', $q$select 1 from public.pack_drills where pack_id = md5(:'run' || '-paid')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not read the drills of a paid pack (public.pack_drills)', 'owner', 'select', 'public.pack_drills', $q$select 1 from public.pack_drills where pack_id = md5(:'run' || '-paid')::uuid$q$, 'deny');
select pg_temp.rls_check('other may read the drills of a paid pack (public.pack_drills)', 'other', 'select', 'public.pack_drills', $q$select 1 from public.pack_drills where pack_id = md5(:'run' || '-paid')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may read the drills of a paid pack (public.pack_drills)', 'editor', 'select', 'public.pack_drills', $q$select 1 from public.pack_drills where pack_id = md5(:'run' || '-paid')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may read the drills of a paid pack (public.pack_drills)', 'admin', 'select', 'public.pack_drills', $q$select 1 from public.pack_drills where pack_id = md5(:'run' || '-paid')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may read the drills of a paid pack (public.pack_drills)', 'service_role', 'select', 'public.pack_drills', $q$select 1 from public.pack_drills where pack_id = md5(:'run' || '-paid')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not learn a draft drill''s id from its row in a published free pack (public.pack_drills)', 'anon', 'select', 'public.pack_drills', $q$select drill_id from public.pack_drills where drill_id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not learn a draft drill''s id from its row in a published free pack (public.pack_drills)', 'owner', 'select', 'public.pack_drills', $q$select drill_id from public.pack_drills where drill_id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not learn a draft drill''s id from its row in a published free pack (public.pack_drills)', 'other', 'select', 'public.pack_drills', $q$select drill_id from public.pack_drills where drill_id = md5(:'run' || '-draft')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may learn a draft drill''s id from its row in a published free pack (public.pack_drills)', 'editor', 'select', 'public.pack_drills', $q$select drill_id from public.pack_drills where drill_id = md5(:'run' || '-draft')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may learn a draft drill''s id from its row in a published free pack (public.pack_drills)', 'admin', 'select', 'public.pack_drills', $q$select drill_id from public.pack_drills where drill_id = md5(:'run' || '-draft')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may learn a draft drill''s id from its row in a published free pack (public.pack_drills)', 'service_role', 'select', 'public.pack_drills', $q$select drill_id from public.pack_drills where drill_id = md5(:'run' || '-draft')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not read the drill list of an unpublished pack (other has pro) (public.pack_drills)', 'anon', 'select', 'public.pack_drills', $q$select 1 from public.pack_drills where pack_id = md5(:'run' || '-draft-pack')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not read the drill list of an unpublished pack (other has pro) (public.pack_drills)', 'owner', 'select', 'public.pack_drills', $q$select 1 from public.pack_drills where pack_id = md5(:'run' || '-draft-pack')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not read the drill list of an unpublished pack (other has pro) (public.pack_drills)', 'other', 'select', 'public.pack_drills', $q$select 1 from public.pack_drills where pack_id = md5(:'run' || '-draft-pack')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may read the drill list of an unpublished pack (other has pro) (public.pack_drills)', 'editor', 'select', 'public.pack_drills', $q$select 1 from public.pack_drills where pack_id = md5(:'run' || '-draft-pack')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may read the drill list of an unpublished pack (other has pro) (public.pack_drills)', 'admin', 'select', 'public.pack_drills', $q$select 1 from public.pack_drills where pack_id = md5(:'run' || '-draft-pack')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may read the drill list of an unpublished pack (other has pro) (public.pack_drills)', 'service_role', 'select', 'public.pack_drills', $q$select 1 from public.pack_drills where pack_id = md5(:'run' || '-draft-pack')::uuid$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.pack_drills

-- table public.limits
select pg_temp.rls_check('anon may select public.limits', 'anon', 'select', 'public.limits', $q$select 1 from public.limits where key = 'rls_' || translate(:'run', '0123456789', 'abcdefghij')$q$, 'allow');
select pg_temp.rls_check('owner may select public.limits', 'owner', 'select', 'public.limits', $q$select 1 from public.limits where key = 'rls_' || translate(:'run', '0123456789', 'abcdefghij')$q$, 'allow');
select pg_temp.rls_check('other may select public.limits', 'other', 'select', 'public.limits', $q$select 1 from public.limits where key = 'rls_' || translate(:'run', '0123456789', 'abcdefghij')$q$, 'allow');
select pg_temp.rls_check('editor may select public.limits', 'editor', 'select', 'public.limits', $q$select 1 from public.limits where key = 'rls_' || translate(:'run', '0123456789', 'abcdefghij')$q$, 'allow');
select pg_temp.rls_check('admin may select public.limits', 'admin', 'select', 'public.limits', $q$select 1 from public.limits where key = 'rls_' || translate(:'run', '0123456789', 'abcdefghij')$q$, 'allow');
select pg_temp.rls_check('service_role may select public.limits', 'service_role', 'select', 'public.limits', $q$select 1 from public.limits where key = 'rls_' || translate(:'run', '0123456789', 'abcdefghij')$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.limits', 'anon', 'insert', 'public.limits', $q$insert into public.limits (key, value, description) values ('rls_new_' || translate(:'run', '0123456789', 'abcdefghij'), 1, 'rls')$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.limits', 'owner', 'insert', 'public.limits', $q$insert into public.limits (key, value, description) values ('rls_new_' || translate(:'run', '0123456789', 'abcdefghij'), 1, 'rls')$q$, 'deny');
select pg_temp.rls_check('other may not insert public.limits', 'other', 'insert', 'public.limits', $q$insert into public.limits (key, value, description) values ('rls_new_' || translate(:'run', '0123456789', 'abcdefghij'), 1, 'rls')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.limits', 'editor', 'insert', 'public.limits', $q$insert into public.limits (key, value, description) values ('rls_new_' || translate(:'run', '0123456789', 'abcdefghij'), 1, 'rls')$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.limits', 'admin', 'insert', 'public.limits', $q$insert into public.limits (key, value, description) values ('rls_new_' || translate(:'run', '0123456789', 'abcdefghij'), 1, 'rls')$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.limits', 'service_role', 'insert', 'public.limits', $q$insert into public.limits (key, value, description) values ('rls_new_' || translate(:'run', '0123456789', 'abcdefghij'), 1, 'rls')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.limits', 'anon', 'update', 'public.limits', $q$update public.limits set "key" = "key" where key = 'rls_' || translate(:'run', '0123456789', 'abcdefghij')$q$, 'deny');
select pg_temp.rls_check('owner may not update public.limits', 'owner', 'update', 'public.limits', $q$update public.limits set "key" = "key" where key = 'rls_' || translate(:'run', '0123456789', 'abcdefghij')$q$, 'deny');
select pg_temp.rls_check('other may not update public.limits', 'other', 'update', 'public.limits', $q$update public.limits set "key" = "key" where key = 'rls_' || translate(:'run', '0123456789', 'abcdefghij')$q$, 'deny');
select pg_temp.rls_check('editor may not update public.limits', 'editor', 'update', 'public.limits', $q$update public.limits set "key" = "key" where key = 'rls_' || translate(:'run', '0123456789', 'abcdefghij')$q$, 'deny');
select pg_temp.rls_check('admin may not update public.limits', 'admin', 'update', 'public.limits', $q$update public.limits set "key" = "key" where key = 'rls_' || translate(:'run', '0123456789', 'abcdefghij')$q$, 'deny');
select pg_temp.rls_check('service_role may update public.limits', 'service_role', 'update', 'public.limits', $q$update public.limits set "key" = "key" where key = 'rls_' || translate(:'run', '0123456789', 'abcdefghij')$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.limits', 'anon', 'delete', 'public.limits', $q$delete from public.limits where key = 'rls_' || translate(:'run', '0123456789', 'abcdefghij')$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.limits', 'owner', 'delete', 'public.limits', $q$delete from public.limits where key = 'rls_' || translate(:'run', '0123456789', 'abcdefghij')$q$, 'deny');
select pg_temp.rls_check('other may not delete public.limits', 'other', 'delete', 'public.limits', $q$delete from public.limits where key = 'rls_' || translate(:'run', '0123456789', 'abcdefghij')$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.limits', 'editor', 'delete', 'public.limits', $q$delete from public.limits where key = 'rls_' || translate(:'run', '0123456789', 'abcdefghij')$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.limits', 'admin', 'delete', 'public.limits', $q$delete from public.limits where key = 'rls_' || translate(:'run', '0123456789', 'abcdefghij')$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.limits', 'service_role', 'delete', 'public.limits', $q$delete from public.limits where key = 'rls_' || translate(:'run', '0123456789', 'abcdefghij')$q$, 'allow');
select pg_temp.rls_check('owner may not raise the free plan''s daily minutes (public.limits)', 'owner', 'update', 'public.limits', $q$update public.limits set value = 9999 where key = 'free_minutes_daily'$q$, 'deny');
select pg_temp.rls_check('admin may not raise the free plan''s daily minutes (public.limits)', 'admin', 'update', 'public.limits', $q$update public.limits set value = 9999 where key = 'free_minutes_daily'$q$, 'deny');
rollback to savepoint rls_object;  -- undo the fixture rows of public.limits

-- table public.tiers: the keys are fixed ('free', 'pro'): the fixture upserts 'pro' so checks find a row on any database
select pg_temp.rls_check('anon may select public.tiers', 'anon', 'select', 'public.tiers', $q$select 1 from public.tiers where key = 'pro'$q$, 'allow');
select pg_temp.rls_check('owner may select public.tiers', 'owner', 'select', 'public.tiers', $q$select 1 from public.tiers where key = 'pro'$q$, 'allow');
select pg_temp.rls_check('other may select public.tiers', 'other', 'select', 'public.tiers', $q$select 1 from public.tiers where key = 'pro'$q$, 'allow');
select pg_temp.rls_check('editor may select public.tiers', 'editor', 'select', 'public.tiers', $q$select 1 from public.tiers where key = 'pro'$q$, 'allow');
select pg_temp.rls_check('admin may select public.tiers', 'admin', 'select', 'public.tiers', $q$select 1 from public.tiers where key = 'pro'$q$, 'allow');
select pg_temp.rls_check('service_role may select public.tiers', 'service_role', 'select', 'public.tiers', $q$select 1 from public.tiers where key = 'pro'$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.tiers', 'anon', 'insert', 'public.tiers', $q$insert into public.tiers (key, title, minutes_limit_key) values ('pro', 'Pro', 'pro_minutes_daily')$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.tiers', 'owner', 'insert', 'public.tiers', $q$insert into public.tiers (key, title, minutes_limit_key) values ('pro', 'Pro', 'pro_minutes_daily')$q$, 'deny');
select pg_temp.rls_check('other may not insert public.tiers', 'other', 'insert', 'public.tiers', $q$insert into public.tiers (key, title, minutes_limit_key) values ('pro', 'Pro', 'pro_minutes_daily')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.tiers', 'editor', 'insert', 'public.tiers', $q$insert into public.tiers (key, title, minutes_limit_key) values ('pro', 'Pro', 'pro_minutes_daily')$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.tiers', 'admin', 'insert', 'public.tiers', $q$insert into public.tiers (key, title, minutes_limit_key) values ('pro', 'Pro', 'pro_minutes_daily')$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.tiers', 'service_role', 'insert', 'public.tiers', $q$insert into public.tiers (key, title, minutes_limit_key) values ('pro', 'Pro', 'pro_minutes_daily')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.tiers', 'anon', 'update', 'public.tiers', $q$update public.tiers set "key" = "key" where key = 'pro'$q$, 'deny');
select pg_temp.rls_check('owner may not update public.tiers', 'owner', 'update', 'public.tiers', $q$update public.tiers set "key" = "key" where key = 'pro'$q$, 'deny');
select pg_temp.rls_check('other may not update public.tiers', 'other', 'update', 'public.tiers', $q$update public.tiers set "key" = "key" where key = 'pro'$q$, 'deny');
select pg_temp.rls_check('editor may not update public.tiers', 'editor', 'update', 'public.tiers', $q$update public.tiers set "key" = "key" where key = 'pro'$q$, 'deny');
select pg_temp.rls_check('admin may not update public.tiers', 'admin', 'update', 'public.tiers', $q$update public.tiers set "key" = "key" where key = 'pro'$q$, 'deny');
select pg_temp.rls_check('service_role may update public.tiers', 'service_role', 'update', 'public.tiers', $q$update public.tiers set "key" = "key" where key = 'pro'$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.tiers', 'anon', 'delete', 'public.tiers', $q$delete from public.tiers where key = 'pro'$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.tiers', 'owner', 'delete', 'public.tiers', $q$delete from public.tiers where key = 'pro'$q$, 'deny');
select pg_temp.rls_check('other may not delete public.tiers', 'other', 'delete', 'public.tiers', $q$delete from public.tiers where key = 'pro'$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.tiers', 'editor', 'delete', 'public.tiers', $q$delete from public.tiers where key = 'pro'$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.tiers', 'admin', 'delete', 'public.tiers', $q$delete from public.tiers where key = 'pro'$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.tiers', 'service_role', 'delete', 'public.tiers', $q$delete from public.tiers where key = 'pro'$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.tiers

-- table public.shop_products
select pg_temp.rls_check('anon may select public.shop_products', 'anon', 'select', 'public.shop_products', $q$select 1 from public.shop_products where id = md5(:'run' || '-product')::uuid$q$, 'allow');
select pg_temp.rls_check('owner may select public.shop_products', 'owner', 'select', 'public.shop_products', $q$select 1 from public.shop_products where id = md5(:'run' || '-product')::uuid$q$, 'allow');
select pg_temp.rls_check('other may select public.shop_products', 'other', 'select', 'public.shop_products', $q$select 1 from public.shop_products where id = md5(:'run' || '-product')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may select public.shop_products', 'editor', 'select', 'public.shop_products', $q$select 1 from public.shop_products where id = md5(:'run' || '-product')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may select public.shop_products', 'admin', 'select', 'public.shop_products', $q$select 1 from public.shop_products where id = md5(:'run' || '-product')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may select public.shop_products', 'service_role', 'select', 'public.shop_products', $q$select 1 from public.shop_products where id = md5(:'run' || '-product')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.shop_products', 'anon', 'insert', 'public.shop_products', $q$insert into public.shop_products (shop_product_id, handle, title) values ('rls-new-' || :'run', 'rls-new-' || :'run', 'New')$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.shop_products', 'owner', 'insert', 'public.shop_products', $q$insert into public.shop_products (shop_product_id, handle, title) values ('rls-new-' || :'run', 'rls-new-' || :'run', 'New')$q$, 'deny');
select pg_temp.rls_check('other may not insert public.shop_products', 'other', 'insert', 'public.shop_products', $q$insert into public.shop_products (shop_product_id, handle, title) values ('rls-new-' || :'run', 'rls-new-' || :'run', 'New')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.shop_products', 'editor', 'insert', 'public.shop_products', $q$insert into public.shop_products (shop_product_id, handle, title) values ('rls-new-' || :'run', 'rls-new-' || :'run', 'New')$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.shop_products', 'admin', 'insert', 'public.shop_products', $q$insert into public.shop_products (shop_product_id, handle, title) values ('rls-new-' || :'run', 'rls-new-' || :'run', 'New')$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.shop_products', 'service_role', 'insert', 'public.shop_products', $q$insert into public.shop_products (shop_product_id, handle, title) values ('rls-new-' || :'run', 'rls-new-' || :'run', 'New')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.shop_products', 'anon', 'update', 'public.shop_products', $q$update public.shop_products set "id" = "id" where id = md5(:'run' || '-product')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not update public.shop_products', 'owner', 'update', 'public.shop_products', $q$update public.shop_products set "id" = "id" where id = md5(:'run' || '-product')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not update public.shop_products', 'other', 'update', 'public.shop_products', $q$update public.shop_products set "id" = "id" where id = md5(:'run' || '-product')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not update public.shop_products', 'editor', 'update', 'public.shop_products', $q$update public.shop_products set "id" = "id" where id = md5(:'run' || '-product')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not update public.shop_products', 'admin', 'update', 'public.shop_products', $q$update public.shop_products set "id" = "id" where id = md5(:'run' || '-product')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may update public.shop_products', 'service_role', 'update', 'public.shop_products', $q$update public.shop_products set "id" = "id" where id = md5(:'run' || '-product')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.shop_products', 'anon', 'delete', 'public.shop_products', $q$delete from public.shop_products where id = md5(:'run' || '-product')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.shop_products', 'owner', 'delete', 'public.shop_products', $q$delete from public.shop_products where id = md5(:'run' || '-product')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not delete public.shop_products', 'other', 'delete', 'public.shop_products', $q$delete from public.shop_products where id = md5(:'run' || '-product')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.shop_products', 'editor', 'delete', 'public.shop_products', $q$delete from public.shop_products where id = md5(:'run' || '-product')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.shop_products', 'admin', 'delete', 'public.shop_products', $q$delete from public.shop_products where id = md5(:'run' || '-product')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.shop_products', 'service_role', 'delete', 'public.shop_products', $q$delete from public.shop_products where id = md5(:'run' || '-product')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not read an inactive product (public.shop_products)', 'anon', 'select', 'public.shop_products', $q$select 1 from public.shop_products where id = md5(:'run' || '-retired')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not read an inactive product (public.shop_products)', 'owner', 'select', 'public.shop_products', $q$select 1 from public.shop_products where id = md5(:'run' || '-retired')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not read an inactive product (public.shop_products)', 'other', 'select', 'public.shop_products', $q$select 1 from public.shop_products where id = md5(:'run' || '-retired')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not read an inactive product (public.shop_products)', 'editor', 'select', 'public.shop_products', $q$select 1 from public.shop_products where id = md5(:'run' || '-retired')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not read an inactive product (public.shop_products)', 'admin', 'select', 'public.shop_products', $q$select 1 from public.shop_products where id = md5(:'run' || '-retired')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may read an inactive product (public.shop_products)', 'service_role', 'select', 'public.shop_products', $q$select 1 from public.shop_products where id = md5(:'run' || '-retired')::uuid$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.shop_products

-- table public.shop_variants
select pg_temp.rls_check('anon may select public.shop_variants', 'anon', 'select', 'public.shop_variants', $q$select 1 from public.shop_variants where product_id = md5(:'run' || '-product')::uuid$q$, 'allow');
select pg_temp.rls_check('owner may select public.shop_variants', 'owner', 'select', 'public.shop_variants', $q$select 1 from public.shop_variants where product_id = md5(:'run' || '-product')::uuid$q$, 'allow');
select pg_temp.rls_check('other may select public.shop_variants', 'other', 'select', 'public.shop_variants', $q$select 1 from public.shop_variants where product_id = md5(:'run' || '-product')::uuid$q$, 'allow');
select pg_temp.rls_check('editor may select public.shop_variants', 'editor', 'select', 'public.shop_variants', $q$select 1 from public.shop_variants where product_id = md5(:'run' || '-product')::uuid$q$, 'allow');
select pg_temp.rls_check('admin may select public.shop_variants', 'admin', 'select', 'public.shop_variants', $q$select 1 from public.shop_variants where product_id = md5(:'run' || '-product')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may select public.shop_variants', 'service_role', 'select', 'public.shop_variants', $q$select 1 from public.shop_variants where product_id = md5(:'run' || '-product')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.shop_variants', 'anon', 'insert', 'public.shop_variants', $q$insert into public.shop_variants (product_id, shop_variant_id, title, price_cents, currency)
values (md5(:'run' || '-product')::uuid, 'rls-new-' || :'run', 'Free', 0, 'USD')$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.shop_variants', 'owner', 'insert', 'public.shop_variants', $q$insert into public.shop_variants (product_id, shop_variant_id, title, price_cents, currency)
values (md5(:'run' || '-product')::uuid, 'rls-new-' || :'run', 'Free', 0, 'USD')$q$, 'deny');
select pg_temp.rls_check('other may not insert public.shop_variants', 'other', 'insert', 'public.shop_variants', $q$insert into public.shop_variants (product_id, shop_variant_id, title, price_cents, currency)
values (md5(:'run' || '-product')::uuid, 'rls-new-' || :'run', 'Free', 0, 'USD')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.shop_variants', 'editor', 'insert', 'public.shop_variants', $q$insert into public.shop_variants (product_id, shop_variant_id, title, price_cents, currency)
values (md5(:'run' || '-product')::uuid, 'rls-new-' || :'run', 'Free', 0, 'USD')$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.shop_variants', 'admin', 'insert', 'public.shop_variants', $q$insert into public.shop_variants (product_id, shop_variant_id, title, price_cents, currency)
values (md5(:'run' || '-product')::uuid, 'rls-new-' || :'run', 'Free', 0, 'USD')$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.shop_variants', 'service_role', 'insert', 'public.shop_variants', $q$insert into public.shop_variants (product_id, shop_variant_id, title, price_cents, currency)
values (md5(:'run' || '-product')::uuid, 'rls-new-' || :'run', 'Free', 0, 'USD')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.shop_variants', 'anon', 'update', 'public.shop_variants', $q$update public.shop_variants set "id" = "id" where product_id = md5(:'run' || '-product')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not update public.shop_variants', 'owner', 'update', 'public.shop_variants', $q$update public.shop_variants set "id" = "id" where product_id = md5(:'run' || '-product')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not update public.shop_variants', 'other', 'update', 'public.shop_variants', $q$update public.shop_variants set "id" = "id" where product_id = md5(:'run' || '-product')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not update public.shop_variants', 'editor', 'update', 'public.shop_variants', $q$update public.shop_variants set "id" = "id" where product_id = md5(:'run' || '-product')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not update public.shop_variants', 'admin', 'update', 'public.shop_variants', $q$update public.shop_variants set "id" = "id" where product_id = md5(:'run' || '-product')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may update public.shop_variants', 'service_role', 'update', 'public.shop_variants', $q$update public.shop_variants set "id" = "id" where product_id = md5(:'run' || '-product')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.shop_variants', 'anon', 'delete', 'public.shop_variants', $q$delete from public.shop_variants where product_id = md5(:'run' || '-product')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.shop_variants', 'owner', 'delete', 'public.shop_variants', $q$delete from public.shop_variants where product_id = md5(:'run' || '-product')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not delete public.shop_variants', 'other', 'delete', 'public.shop_variants', $q$delete from public.shop_variants where product_id = md5(:'run' || '-product')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.shop_variants', 'editor', 'delete', 'public.shop_variants', $q$delete from public.shop_variants where product_id = md5(:'run' || '-product')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.shop_variants', 'admin', 'delete', 'public.shop_variants', $q$delete from public.shop_variants where product_id = md5(:'run' || '-product')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.shop_variants', 'service_role', 'delete', 'public.shop_variants', $q$delete from public.shop_variants where product_id = md5(:'run' || '-product')::uuid$q$, 'allow');
select pg_temp.rls_check('owner may not set a variant''s price to zero (public.shop_variants)', 'owner', 'update', 'public.shop_variants', $q$update public.shop_variants set price_cents = 0 where product_id = md5(:'run' || '-product')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not set a variant''s price to zero (public.shop_variants)', 'admin', 'update', 'public.shop_variants', $q$update public.shop_variants set price_cents = 0 where product_id = md5(:'run' || '-product')::uuid$q$, 'deny');
rollback to savepoint rls_object;  -- undo the fixture rows of public.shop_variants

-- table public.product_recommendations
select pg_temp.rls_check('anon may not select public.product_recommendations', 'anon', 'select', 'public.product_recommendations', $q$select 1 from public.product_recommendations where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may select public.product_recommendations', 'owner', 'select', 'public.product_recommendations', $q$select 1 from public.product_recommendations where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not select public.product_recommendations', 'other', 'select', 'public.product_recommendations', $q$select 1 from public.product_recommendations where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not select public.product_recommendations', 'editor', 'select', 'public.product_recommendations', $q$select 1 from public.product_recommendations where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may select public.product_recommendations', 'admin', 'select', 'public.product_recommendations', $q$select 1 from public.product_recommendations where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('service_role may select public.product_recommendations', 'service_role', 'select', 'public.product_recommendations', $q$select 1 from public.product_recommendations where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.product_recommendations', 'anon', 'insert', 'public.product_recommendations', $q$insert into public.product_recommendations (user_id, product_id, reason, score)
values (:'owner', md5(:'run' || '-product')::uuid, 'rls', 0.9)$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.product_recommendations', 'owner', 'insert', 'public.product_recommendations', $q$insert into public.product_recommendations (user_id, product_id, reason, score)
values (:'owner', md5(:'run' || '-product')::uuid, 'rls', 0.9)$q$, 'deny');
select pg_temp.rls_check('other may not insert public.product_recommendations', 'other', 'insert', 'public.product_recommendations', $q$insert into public.product_recommendations (user_id, product_id, reason, score)
values (:'owner', md5(:'run' || '-product')::uuid, 'rls', 0.9)$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.product_recommendations', 'editor', 'insert', 'public.product_recommendations', $q$insert into public.product_recommendations (user_id, product_id, reason, score)
values (:'owner', md5(:'run' || '-product')::uuid, 'rls', 0.9)$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.product_recommendations', 'admin', 'insert', 'public.product_recommendations', $q$insert into public.product_recommendations (user_id, product_id, reason, score)
values (:'owner', md5(:'run' || '-product')::uuid, 'rls', 0.9)$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.product_recommendations', 'service_role', 'insert', 'public.product_recommendations', $q$insert into public.product_recommendations (user_id, product_id, reason, score)
values (:'owner', md5(:'run' || '-product')::uuid, 'rls', 0.9)$q$, 'allow');
select pg_temp.rls_check('anon may not update public.product_recommendations', 'anon', 'update', 'public.product_recommendations', $q$update public.product_recommendations set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not update public.product_recommendations', 'owner', 'update', 'public.product_recommendations', $q$update public.product_recommendations set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not update public.product_recommendations', 'other', 'update', 'public.product_recommendations', $q$update public.product_recommendations set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not update public.product_recommendations', 'editor', 'update', 'public.product_recommendations', $q$update public.product_recommendations set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not update public.product_recommendations', 'admin', 'update', 'public.product_recommendations', $q$update public.product_recommendations set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may update public.product_recommendations', 'service_role', 'update', 'public.product_recommendations', $q$update public.product_recommendations set "id" = "id" where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.product_recommendations', 'anon', 'delete', 'public.product_recommendations', $q$delete from public.product_recommendations where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.product_recommendations', 'owner', 'delete', 'public.product_recommendations', $q$delete from public.product_recommendations where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not delete public.product_recommendations', 'other', 'delete', 'public.product_recommendations', $q$delete from public.product_recommendations where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.product_recommendations', 'editor', 'delete', 'public.product_recommendations', $q$delete from public.product_recommendations where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.product_recommendations', 'admin', 'delete', 'public.product_recommendations', $q$delete from public.product_recommendations where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.product_recommendations', 'service_role', 'delete', 'public.product_recommendations', $q$delete from public.product_recommendations where user_id = :'owner'$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.product_recommendations

-- table public.entitlement_ledger: append-only (a trigger refuses update and delete, even for service_role); written by grant_entitlement()
select pg_temp.rls_check('anon may not select public.entitlement_ledger', 'anon', 'select', 'public.entitlement_ledger', $q$select 1 from public.entitlement_ledger where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may select public.entitlement_ledger', 'owner', 'select', 'public.entitlement_ledger', $q$select 1 from public.entitlement_ledger where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not select public.entitlement_ledger', 'other', 'select', 'public.entitlement_ledger', $q$select 1 from public.entitlement_ledger where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not select public.entitlement_ledger', 'editor', 'select', 'public.entitlement_ledger', $q$select 1 from public.entitlement_ledger where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may select public.entitlement_ledger', 'admin', 'select', 'public.entitlement_ledger', $q$select 1 from public.entitlement_ledger where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('service_role may select public.entitlement_ledger', 'service_role', 'select', 'public.entitlement_ledger', $q$select 1 from public.entitlement_ledger where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.entitlement_ledger', 'anon', 'insert', 'public.entitlement_ledger', $q$insert into public.entitlement_ledger (user_id, plan, provider, provider_event_id)
values (:'owner', 'pro', 'manual', 'rls-new-' || :'run')$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.entitlement_ledger', 'owner', 'insert', 'public.entitlement_ledger', $q$insert into public.entitlement_ledger (user_id, plan, provider, provider_event_id)
values (:'owner', 'pro', 'manual', 'rls-new-' || :'run')$q$, 'deny');
select pg_temp.rls_check('other may not insert public.entitlement_ledger', 'other', 'insert', 'public.entitlement_ledger', $q$insert into public.entitlement_ledger (user_id, plan, provider, provider_event_id)
values (:'owner', 'pro', 'manual', 'rls-new-' || :'run')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.entitlement_ledger', 'editor', 'insert', 'public.entitlement_ledger', $q$insert into public.entitlement_ledger (user_id, plan, provider, provider_event_id)
values (:'owner', 'pro', 'manual', 'rls-new-' || :'run')$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.entitlement_ledger', 'admin', 'insert', 'public.entitlement_ledger', $q$insert into public.entitlement_ledger (user_id, plan, provider, provider_event_id)
values (:'owner', 'pro', 'manual', 'rls-new-' || :'run')$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.entitlement_ledger', 'service_role', 'insert', 'public.entitlement_ledger', $q$insert into public.entitlement_ledger (user_id, plan, provider, provider_event_id)
values (:'owner', 'pro', 'manual', 'rls-new-' || :'run')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.entitlement_ledger', 'anon', 'update', 'public.entitlement_ledger', $q$update public.entitlement_ledger set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not update public.entitlement_ledger', 'owner', 'update', 'public.entitlement_ledger', $q$update public.entitlement_ledger set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not update public.entitlement_ledger', 'other', 'update', 'public.entitlement_ledger', $q$update public.entitlement_ledger set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not update public.entitlement_ledger', 'editor', 'update', 'public.entitlement_ledger', $q$update public.entitlement_ledger set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not update public.entitlement_ledger', 'admin', 'update', 'public.entitlement_ledger', $q$update public.entitlement_ledger set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may not update public.entitlement_ledger', 'service_role', 'update', 'public.entitlement_ledger', $q$update public.entitlement_ledger set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('anon may not delete public.entitlement_ledger', 'anon', 'delete', 'public.entitlement_ledger', $q$delete from public.entitlement_ledger where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.entitlement_ledger', 'owner', 'delete', 'public.entitlement_ledger', $q$delete from public.entitlement_ledger where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not delete public.entitlement_ledger', 'other', 'delete', 'public.entitlement_ledger', $q$delete from public.entitlement_ledger where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.entitlement_ledger', 'editor', 'delete', 'public.entitlement_ledger', $q$delete from public.entitlement_ledger where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.entitlement_ledger', 'admin', 'delete', 'public.entitlement_ledger', $q$delete from public.entitlement_ledger where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may not delete public.entitlement_ledger', 'service_role', 'delete', 'public.entitlement_ledger', $q$delete from public.entitlement_ledger where user_id = :'owner'$q$, 'deny');
rollback to savepoint rls_object;  -- undo the fixture rows of public.entitlement_ledger

-- table public.entitlements
select pg_temp.rls_check('anon may not select public.entitlements', 'anon', 'select', 'public.entitlements', $q$select 1 from public.entitlements where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may select public.entitlements', 'owner', 'select', 'public.entitlements', $q$select 1 from public.entitlements where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not select public.entitlements', 'other', 'select', 'public.entitlements', $q$select 1 from public.entitlements where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not select public.entitlements', 'editor', 'select', 'public.entitlements', $q$select 1 from public.entitlements where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may select public.entitlements', 'admin', 'select', 'public.entitlements', $q$select 1 from public.entitlements where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('service_role may select public.entitlements', 'service_role', 'select', 'public.entitlements', $q$select 1 from public.entitlements where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.entitlements', 'anon', 'insert', 'public.entitlements', $q$insert into public.entitlements (user_id, plan, ledger_id) values (:'owner', 'pro', md5(:'run' || '-ledger')::uuid)$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.entitlements', 'owner', 'insert', 'public.entitlements', $q$insert into public.entitlements (user_id, plan, ledger_id) values (:'owner', 'pro', md5(:'run' || '-ledger')::uuid)$q$, 'deny');
select pg_temp.rls_check('other may not insert public.entitlements', 'other', 'insert', 'public.entitlements', $q$insert into public.entitlements (user_id, plan, ledger_id) values (:'owner', 'pro', md5(:'run' || '-ledger')::uuid)$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.entitlements', 'editor', 'insert', 'public.entitlements', $q$insert into public.entitlements (user_id, plan, ledger_id) values (:'owner', 'pro', md5(:'run' || '-ledger')::uuid)$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.entitlements', 'admin', 'insert', 'public.entitlements', $q$insert into public.entitlements (user_id, plan, ledger_id) values (:'owner', 'pro', md5(:'run' || '-ledger')::uuid)$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.entitlements', 'service_role', 'insert', 'public.entitlements', $q$insert into public.entitlements (user_id, plan, ledger_id) values (:'owner', 'pro', md5(:'run' || '-ledger')::uuid)$q$, 'allow');
select pg_temp.rls_check('anon may not update public.entitlements', 'anon', 'update', 'public.entitlements', $q$update public.entitlements set "user_id" = "user_id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not update public.entitlements', 'owner', 'update', 'public.entitlements', $q$update public.entitlements set "user_id" = "user_id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not update public.entitlements', 'other', 'update', 'public.entitlements', $q$update public.entitlements set "user_id" = "user_id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not update public.entitlements', 'editor', 'update', 'public.entitlements', $q$update public.entitlements set "user_id" = "user_id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not update public.entitlements', 'admin', 'update', 'public.entitlements', $q$update public.entitlements set "user_id" = "user_id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may update public.entitlements', 'service_role', 'update', 'public.entitlements', $q$update public.entitlements set "user_id" = "user_id" where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.entitlements', 'anon', 'delete', 'public.entitlements', $q$delete from public.entitlements where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.entitlements', 'owner', 'delete', 'public.entitlements', $q$delete from public.entitlements where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not delete public.entitlements', 'other', 'delete', 'public.entitlements', $q$delete from public.entitlements where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.entitlements', 'editor', 'delete', 'public.entitlements', $q$delete from public.entitlements where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.entitlements', 'admin', 'delete', 'public.entitlements', $q$delete from public.entitlements where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.entitlements', 'service_role', 'delete', 'public.entitlements', $q$delete from public.entitlements where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('owner may not extend their own entitlement (public.entitlements)', 'owner', 'update', 'public.entitlements', $q$update public.entitlements set valid_until = null where user_id = auth.uid()$q$, 'deny');
rollback to savepoint rls_object;  -- undo the fixture rows of public.entitlements

-- table public.payment_events: raw provider webhooks: admins may read them, learners never (not even their own)
select pg_temp.rls_check('anon may not select public.payment_events', 'anon', 'select', 'public.payment_events', $q$select 1 from public.payment_events where provider_event_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('owner may not select public.payment_events', 'owner', 'select', 'public.payment_events', $q$select 1 from public.payment_events where provider_event_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('other may not select public.payment_events', 'other', 'select', 'public.payment_events', $q$select 1 from public.payment_events where provider_event_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('editor may not select public.payment_events', 'editor', 'select', 'public.payment_events', $q$select 1 from public.payment_events where provider_event_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('admin may select public.payment_events', 'admin', 'select', 'public.payment_events', $q$select 1 from public.payment_events where provider_event_id = 'rls-' || :'run'$q$, 'allow');
select pg_temp.rls_check('service_role may select public.payment_events', 'service_role', 'select', 'public.payment_events', $q$select 1 from public.payment_events where provider_event_id = 'rls-' || :'run'$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.payment_events', 'anon', 'insert', 'public.payment_events', $q$insert into public.payment_events (provider, provider_event_id, event_type, user_id, payload)
values ('manual', 'rls-new-' || :'run', 'test', :'owner', '{}')$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.payment_events', 'owner', 'insert', 'public.payment_events', $q$insert into public.payment_events (provider, provider_event_id, event_type, user_id, payload)
values ('manual', 'rls-new-' || :'run', 'test', :'owner', '{}')$q$, 'deny');
select pg_temp.rls_check('other may not insert public.payment_events', 'other', 'insert', 'public.payment_events', $q$insert into public.payment_events (provider, provider_event_id, event_type, user_id, payload)
values ('manual', 'rls-new-' || :'run', 'test', :'owner', '{}')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.payment_events', 'editor', 'insert', 'public.payment_events', $q$insert into public.payment_events (provider, provider_event_id, event_type, user_id, payload)
values ('manual', 'rls-new-' || :'run', 'test', :'owner', '{}')$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.payment_events', 'admin', 'insert', 'public.payment_events', $q$insert into public.payment_events (provider, provider_event_id, event_type, user_id, payload)
values ('manual', 'rls-new-' || :'run', 'test', :'owner', '{}')$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.payment_events', 'service_role', 'insert', 'public.payment_events', $q$insert into public.payment_events (provider, provider_event_id, event_type, user_id, payload)
values ('manual', 'rls-new-' || :'run', 'test', :'owner', '{}')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.payment_events', 'anon', 'update', 'public.payment_events', $q$update public.payment_events set "id" = "id" where provider_event_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('owner may not update public.payment_events', 'owner', 'update', 'public.payment_events', $q$update public.payment_events set "id" = "id" where provider_event_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('other may not update public.payment_events', 'other', 'update', 'public.payment_events', $q$update public.payment_events set "id" = "id" where provider_event_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('editor may not update public.payment_events', 'editor', 'update', 'public.payment_events', $q$update public.payment_events set "id" = "id" where provider_event_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('admin may not update public.payment_events', 'admin', 'update', 'public.payment_events', $q$update public.payment_events set "id" = "id" where provider_event_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('service_role may update public.payment_events', 'service_role', 'update', 'public.payment_events', $q$update public.payment_events set "id" = "id" where provider_event_id = 'rls-' || :'run'$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.payment_events', 'anon', 'delete', 'public.payment_events', $q$delete from public.payment_events where provider_event_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.payment_events', 'owner', 'delete', 'public.payment_events', $q$delete from public.payment_events where provider_event_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('other may not delete public.payment_events', 'other', 'delete', 'public.payment_events', $q$delete from public.payment_events where provider_event_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.payment_events', 'editor', 'delete', 'public.payment_events', $q$delete from public.payment_events where provider_event_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.payment_events', 'admin', 'delete', 'public.payment_events', $q$delete from public.payment_events where provider_event_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.payment_events', 'service_role', 'delete', 'public.payment_events', $q$delete from public.payment_events where provider_event_id = 'rls-' || :'run'$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.payment_events

-- table public.reconciliation_jobs
select pg_temp.rls_check('anon may not select public.reconciliation_jobs', 'anon', 'select', 'public.reconciliation_jobs', $q$select 1 from public.reconciliation_jobs where id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not select public.reconciliation_jobs', 'owner', 'select', 'public.reconciliation_jobs', $q$select 1 from public.reconciliation_jobs where id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not select public.reconciliation_jobs', 'other', 'select', 'public.reconciliation_jobs', $q$select 1 from public.reconciliation_jobs where id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not select public.reconciliation_jobs', 'editor', 'select', 'public.reconciliation_jobs', $q$select 1 from public.reconciliation_jobs where id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may select public.reconciliation_jobs', 'admin', 'select', 'public.reconciliation_jobs', $q$select 1 from public.reconciliation_jobs where id = md5(:'run' || '-job')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may select public.reconciliation_jobs', 'service_role', 'select', 'public.reconciliation_jobs', $q$select 1 from public.reconciliation_jobs where id = md5(:'run' || '-job')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.reconciliation_jobs', 'anon', 'insert', 'public.reconciliation_jobs', $q$insert into public.reconciliation_jobs (provider, period_start, period_end) values ('manual', now() - interval '1 day', now())$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.reconciliation_jobs', 'owner', 'insert', 'public.reconciliation_jobs', $q$insert into public.reconciliation_jobs (provider, period_start, period_end) values ('manual', now() - interval '1 day', now())$q$, 'deny');
select pg_temp.rls_check('other may not insert public.reconciliation_jobs', 'other', 'insert', 'public.reconciliation_jobs', $q$insert into public.reconciliation_jobs (provider, period_start, period_end) values ('manual', now() - interval '1 day', now())$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.reconciliation_jobs', 'editor', 'insert', 'public.reconciliation_jobs', $q$insert into public.reconciliation_jobs (provider, period_start, period_end) values ('manual', now() - interval '1 day', now())$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.reconciliation_jobs', 'admin', 'insert', 'public.reconciliation_jobs', $q$insert into public.reconciliation_jobs (provider, period_start, period_end) values ('manual', now() - interval '1 day', now())$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.reconciliation_jobs', 'service_role', 'insert', 'public.reconciliation_jobs', $q$insert into public.reconciliation_jobs (provider, period_start, period_end) values ('manual', now() - interval '1 day', now())$q$, 'allow');
select pg_temp.rls_check('anon may not update public.reconciliation_jobs', 'anon', 'update', 'public.reconciliation_jobs', $q$update public.reconciliation_jobs set "id" = "id" where id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not update public.reconciliation_jobs', 'owner', 'update', 'public.reconciliation_jobs', $q$update public.reconciliation_jobs set "id" = "id" where id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not update public.reconciliation_jobs', 'other', 'update', 'public.reconciliation_jobs', $q$update public.reconciliation_jobs set "id" = "id" where id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not update public.reconciliation_jobs', 'editor', 'update', 'public.reconciliation_jobs', $q$update public.reconciliation_jobs set "id" = "id" where id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not update public.reconciliation_jobs', 'admin', 'update', 'public.reconciliation_jobs', $q$update public.reconciliation_jobs set "id" = "id" where id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may update public.reconciliation_jobs', 'service_role', 'update', 'public.reconciliation_jobs', $q$update public.reconciliation_jobs set "id" = "id" where id = md5(:'run' || '-job')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.reconciliation_jobs', 'anon', 'delete', 'public.reconciliation_jobs', $q$delete from public.reconciliation_jobs where id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.reconciliation_jobs', 'owner', 'delete', 'public.reconciliation_jobs', $q$delete from public.reconciliation_jobs where id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not delete public.reconciliation_jobs', 'other', 'delete', 'public.reconciliation_jobs', $q$delete from public.reconciliation_jobs where id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.reconciliation_jobs', 'editor', 'delete', 'public.reconciliation_jobs', $q$delete from public.reconciliation_jobs where id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.reconciliation_jobs', 'admin', 'delete', 'public.reconciliation_jobs', $q$delete from public.reconciliation_jobs where id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.reconciliation_jobs', 'service_role', 'delete', 'public.reconciliation_jobs', $q$delete from public.reconciliation_jobs where id = md5(:'run' || '-job')::uuid$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.reconciliation_jobs

-- table public.reconciliation_mismatches
select pg_temp.rls_check('anon may not select public.reconciliation_mismatches', 'anon', 'select', 'public.reconciliation_mismatches', $q$select 1 from public.reconciliation_mismatches where job_id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not select public.reconciliation_mismatches', 'owner', 'select', 'public.reconciliation_mismatches', $q$select 1 from public.reconciliation_mismatches where job_id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not select public.reconciliation_mismatches', 'other', 'select', 'public.reconciliation_mismatches', $q$select 1 from public.reconciliation_mismatches where job_id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not select public.reconciliation_mismatches', 'editor', 'select', 'public.reconciliation_mismatches', $q$select 1 from public.reconciliation_mismatches where job_id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may select public.reconciliation_mismatches', 'admin', 'select', 'public.reconciliation_mismatches', $q$select 1 from public.reconciliation_mismatches where job_id = md5(:'run' || '-job')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may select public.reconciliation_mismatches', 'service_role', 'select', 'public.reconciliation_mismatches', $q$select 1 from public.reconciliation_mismatches where job_id = md5(:'run' || '-job')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.reconciliation_mismatches', 'anon', 'insert', 'public.reconciliation_mismatches', $q$insert into public.reconciliation_mismatches (job_id, kind) values (md5(:'run' || '-job')::uuid, 'amount_differs')$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.reconciliation_mismatches', 'owner', 'insert', 'public.reconciliation_mismatches', $q$insert into public.reconciliation_mismatches (job_id, kind) values (md5(:'run' || '-job')::uuid, 'amount_differs')$q$, 'deny');
select pg_temp.rls_check('other may not insert public.reconciliation_mismatches', 'other', 'insert', 'public.reconciliation_mismatches', $q$insert into public.reconciliation_mismatches (job_id, kind) values (md5(:'run' || '-job')::uuid, 'amount_differs')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.reconciliation_mismatches', 'editor', 'insert', 'public.reconciliation_mismatches', $q$insert into public.reconciliation_mismatches (job_id, kind) values (md5(:'run' || '-job')::uuid, 'amount_differs')$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.reconciliation_mismatches', 'admin', 'insert', 'public.reconciliation_mismatches', $q$insert into public.reconciliation_mismatches (job_id, kind) values (md5(:'run' || '-job')::uuid, 'amount_differs')$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.reconciliation_mismatches', 'service_role', 'insert', 'public.reconciliation_mismatches', $q$insert into public.reconciliation_mismatches (job_id, kind) values (md5(:'run' || '-job')::uuid, 'amount_differs')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.reconciliation_mismatches', 'anon', 'update', 'public.reconciliation_mismatches', $q$update public.reconciliation_mismatches set "id" = "id" where job_id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not update public.reconciliation_mismatches', 'owner', 'update', 'public.reconciliation_mismatches', $q$update public.reconciliation_mismatches set "id" = "id" where job_id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not update public.reconciliation_mismatches', 'other', 'update', 'public.reconciliation_mismatches', $q$update public.reconciliation_mismatches set "id" = "id" where job_id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not update public.reconciliation_mismatches', 'editor', 'update', 'public.reconciliation_mismatches', $q$update public.reconciliation_mismatches set "id" = "id" where job_id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not update public.reconciliation_mismatches', 'admin', 'update', 'public.reconciliation_mismatches', $q$update public.reconciliation_mismatches set "id" = "id" where job_id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may update public.reconciliation_mismatches', 'service_role', 'update', 'public.reconciliation_mismatches', $q$update public.reconciliation_mismatches set "id" = "id" where job_id = md5(:'run' || '-job')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.reconciliation_mismatches', 'anon', 'delete', 'public.reconciliation_mismatches', $q$delete from public.reconciliation_mismatches where job_id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.reconciliation_mismatches', 'owner', 'delete', 'public.reconciliation_mismatches', $q$delete from public.reconciliation_mismatches where job_id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not delete public.reconciliation_mismatches', 'other', 'delete', 'public.reconciliation_mismatches', $q$delete from public.reconciliation_mismatches where job_id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.reconciliation_mismatches', 'editor', 'delete', 'public.reconciliation_mismatches', $q$delete from public.reconciliation_mismatches where job_id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.reconciliation_mismatches', 'admin', 'delete', 'public.reconciliation_mismatches', $q$delete from public.reconciliation_mismatches where job_id = md5(:'run' || '-job')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.reconciliation_mismatches', 'service_role', 'delete', 'public.reconciliation_mismatches', $q$delete from public.reconciliation_mismatches where job_id = md5(:'run' || '-job')::uuid$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.reconciliation_mismatches

-- table public.paymongo_customers
select pg_temp.rls_check('anon may not select public.paymongo_customers', 'anon', 'select', 'public.paymongo_customers', $q$select 1 from public.paymongo_customers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not select public.paymongo_customers', 'owner', 'select', 'public.paymongo_customers', $q$select 1 from public.paymongo_customers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not select public.paymongo_customers', 'other', 'select', 'public.paymongo_customers', $q$select 1 from public.paymongo_customers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not select public.paymongo_customers', 'editor', 'select', 'public.paymongo_customers', $q$select 1 from public.paymongo_customers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not select public.paymongo_customers', 'admin', 'select', 'public.paymongo_customers', $q$select 1 from public.paymongo_customers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may select public.paymongo_customers', 'service_role', 'select', 'public.paymongo_customers', $q$select 1 from public.paymongo_customers where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.paymongo_customers', 'anon', 'insert', 'public.paymongo_customers', $q$insert into public.paymongo_customers (user_id, paymongo_customer_id) values (:'owner', 'cus_rlsnew' || :'run')$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.paymongo_customers', 'owner', 'insert', 'public.paymongo_customers', $q$insert into public.paymongo_customers (user_id, paymongo_customer_id) values (:'owner', 'cus_rlsnew' || :'run')$q$, 'deny');
select pg_temp.rls_check('other may not insert public.paymongo_customers', 'other', 'insert', 'public.paymongo_customers', $q$insert into public.paymongo_customers (user_id, paymongo_customer_id) values (:'owner', 'cus_rlsnew' || :'run')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.paymongo_customers', 'editor', 'insert', 'public.paymongo_customers', $q$insert into public.paymongo_customers (user_id, paymongo_customer_id) values (:'owner', 'cus_rlsnew' || :'run')$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.paymongo_customers', 'admin', 'insert', 'public.paymongo_customers', $q$insert into public.paymongo_customers (user_id, paymongo_customer_id) values (:'owner', 'cus_rlsnew' || :'run')$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.paymongo_customers', 'service_role', 'insert', 'public.paymongo_customers', $q$insert into public.paymongo_customers (user_id, paymongo_customer_id) values (:'owner', 'cus_rlsnew' || :'run')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.paymongo_customers', 'anon', 'update', 'public.paymongo_customers', $q$update public.paymongo_customers set "user_id" = "user_id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not update public.paymongo_customers', 'owner', 'update', 'public.paymongo_customers', $q$update public.paymongo_customers set "user_id" = "user_id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not update public.paymongo_customers', 'other', 'update', 'public.paymongo_customers', $q$update public.paymongo_customers set "user_id" = "user_id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not update public.paymongo_customers', 'editor', 'update', 'public.paymongo_customers', $q$update public.paymongo_customers set "user_id" = "user_id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not update public.paymongo_customers', 'admin', 'update', 'public.paymongo_customers', $q$update public.paymongo_customers set "user_id" = "user_id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may update public.paymongo_customers', 'service_role', 'update', 'public.paymongo_customers', $q$update public.paymongo_customers set "user_id" = "user_id" where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.paymongo_customers', 'anon', 'delete', 'public.paymongo_customers', $q$delete from public.paymongo_customers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.paymongo_customers', 'owner', 'delete', 'public.paymongo_customers', $q$delete from public.paymongo_customers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not delete public.paymongo_customers', 'other', 'delete', 'public.paymongo_customers', $q$delete from public.paymongo_customers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.paymongo_customers', 'editor', 'delete', 'public.paymongo_customers', $q$delete from public.paymongo_customers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.paymongo_customers', 'admin', 'delete', 'public.paymongo_customers', $q$delete from public.paymongo_customers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.paymongo_customers', 'service_role', 'delete', 'public.paymongo_customers', $q$delete from public.paymongo_customers where user_id = :'owner'$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.paymongo_customers

-- table public.paymongo_checkouts
select pg_temp.rls_check('anon may not select public.paymongo_checkouts', 'anon', 'select', 'public.paymongo_checkouts', $q$select 1 from public.paymongo_checkouts where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not select public.paymongo_checkouts', 'owner', 'select', 'public.paymongo_checkouts', $q$select 1 from public.paymongo_checkouts where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not select public.paymongo_checkouts', 'other', 'select', 'public.paymongo_checkouts', $q$select 1 from public.paymongo_checkouts where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not select public.paymongo_checkouts', 'editor', 'select', 'public.paymongo_checkouts', $q$select 1 from public.paymongo_checkouts where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not select public.paymongo_checkouts', 'admin', 'select', 'public.paymongo_checkouts', $q$select 1 from public.paymongo_checkouts where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may select public.paymongo_checkouts', 'service_role', 'select', 'public.paymongo_checkouts', $q$select 1 from public.paymongo_checkouts where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.paymongo_checkouts', 'anon', 'insert', 'public.paymongo_checkouts', $q$insert into public.paymongo_checkouts (user_id, checkout_session_id, plan, amount_cents)
values (:'owner', 'cs_rlsnew' || :'run', 'pro', 500)$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.paymongo_checkouts', 'owner', 'insert', 'public.paymongo_checkouts', $q$insert into public.paymongo_checkouts (user_id, checkout_session_id, plan, amount_cents)
values (:'owner', 'cs_rlsnew' || :'run', 'pro', 500)$q$, 'deny');
select pg_temp.rls_check('other may not insert public.paymongo_checkouts', 'other', 'insert', 'public.paymongo_checkouts', $q$insert into public.paymongo_checkouts (user_id, checkout_session_id, plan, amount_cents)
values (:'owner', 'cs_rlsnew' || :'run', 'pro', 500)$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.paymongo_checkouts', 'editor', 'insert', 'public.paymongo_checkouts', $q$insert into public.paymongo_checkouts (user_id, checkout_session_id, plan, amount_cents)
values (:'owner', 'cs_rlsnew' || :'run', 'pro', 500)$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.paymongo_checkouts', 'admin', 'insert', 'public.paymongo_checkouts', $q$insert into public.paymongo_checkouts (user_id, checkout_session_id, plan, amount_cents)
values (:'owner', 'cs_rlsnew' || :'run', 'pro', 500)$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.paymongo_checkouts', 'service_role', 'insert', 'public.paymongo_checkouts', $q$insert into public.paymongo_checkouts (user_id, checkout_session_id, plan, amount_cents)
values (:'owner', 'cs_rlsnew' || :'run', 'pro', 500)$q$, 'allow');
select pg_temp.rls_check('anon may not update public.paymongo_checkouts', 'anon', 'update', 'public.paymongo_checkouts', $q$update public.paymongo_checkouts set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not update public.paymongo_checkouts', 'owner', 'update', 'public.paymongo_checkouts', $q$update public.paymongo_checkouts set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not update public.paymongo_checkouts', 'other', 'update', 'public.paymongo_checkouts', $q$update public.paymongo_checkouts set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not update public.paymongo_checkouts', 'editor', 'update', 'public.paymongo_checkouts', $q$update public.paymongo_checkouts set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not update public.paymongo_checkouts', 'admin', 'update', 'public.paymongo_checkouts', $q$update public.paymongo_checkouts set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may update public.paymongo_checkouts', 'service_role', 'update', 'public.paymongo_checkouts', $q$update public.paymongo_checkouts set "id" = "id" where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.paymongo_checkouts', 'anon', 'delete', 'public.paymongo_checkouts', $q$delete from public.paymongo_checkouts where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.paymongo_checkouts', 'owner', 'delete', 'public.paymongo_checkouts', $q$delete from public.paymongo_checkouts where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not delete public.paymongo_checkouts', 'other', 'delete', 'public.paymongo_checkouts', $q$delete from public.paymongo_checkouts where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.paymongo_checkouts', 'editor', 'delete', 'public.paymongo_checkouts', $q$delete from public.paymongo_checkouts where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.paymongo_checkouts', 'admin', 'delete', 'public.paymongo_checkouts', $q$delete from public.paymongo_checkouts where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.paymongo_checkouts', 'service_role', 'delete', 'public.paymongo_checkouts', $q$delete from public.paymongo_checkouts where user_id = :'owner'$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.paymongo_checkouts

-- table public.paypal_payers
select pg_temp.rls_check('anon may not select public.paypal_payers', 'anon', 'select', 'public.paypal_payers', $q$select 1 from public.paypal_payers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not select public.paypal_payers', 'owner', 'select', 'public.paypal_payers', $q$select 1 from public.paypal_payers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not select public.paypal_payers', 'other', 'select', 'public.paypal_payers', $q$select 1 from public.paypal_payers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not select public.paypal_payers', 'editor', 'select', 'public.paypal_payers', $q$select 1 from public.paypal_payers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not select public.paypal_payers', 'admin', 'select', 'public.paypal_payers', $q$select 1 from public.paypal_payers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may select public.paypal_payers', 'service_role', 'select', 'public.paypal_payers', $q$select 1 from public.paypal_payers where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.paypal_payers', 'anon', 'insert', 'public.paypal_payers', $q$insert into public.paypal_payers (user_id, payer_id) values (:'owner', upper(substr(:'run', 1, 10)) || 'NEW')$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.paypal_payers', 'owner', 'insert', 'public.paypal_payers', $q$insert into public.paypal_payers (user_id, payer_id) values (:'owner', upper(substr(:'run', 1, 10)) || 'NEW')$q$, 'deny');
select pg_temp.rls_check('other may not insert public.paypal_payers', 'other', 'insert', 'public.paypal_payers', $q$insert into public.paypal_payers (user_id, payer_id) values (:'owner', upper(substr(:'run', 1, 10)) || 'NEW')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.paypal_payers', 'editor', 'insert', 'public.paypal_payers', $q$insert into public.paypal_payers (user_id, payer_id) values (:'owner', upper(substr(:'run', 1, 10)) || 'NEW')$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.paypal_payers', 'admin', 'insert', 'public.paypal_payers', $q$insert into public.paypal_payers (user_id, payer_id) values (:'owner', upper(substr(:'run', 1, 10)) || 'NEW')$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.paypal_payers', 'service_role', 'insert', 'public.paypal_payers', $q$insert into public.paypal_payers (user_id, payer_id) values (:'owner', upper(substr(:'run', 1, 10)) || 'NEW')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.paypal_payers', 'anon', 'update', 'public.paypal_payers', $q$update public.paypal_payers set "user_id" = "user_id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not update public.paypal_payers', 'owner', 'update', 'public.paypal_payers', $q$update public.paypal_payers set "user_id" = "user_id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not update public.paypal_payers', 'other', 'update', 'public.paypal_payers', $q$update public.paypal_payers set "user_id" = "user_id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not update public.paypal_payers', 'editor', 'update', 'public.paypal_payers', $q$update public.paypal_payers set "user_id" = "user_id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not update public.paypal_payers', 'admin', 'update', 'public.paypal_payers', $q$update public.paypal_payers set "user_id" = "user_id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may update public.paypal_payers', 'service_role', 'update', 'public.paypal_payers', $q$update public.paypal_payers set "user_id" = "user_id" where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.paypal_payers', 'anon', 'delete', 'public.paypal_payers', $q$delete from public.paypal_payers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.paypal_payers', 'owner', 'delete', 'public.paypal_payers', $q$delete from public.paypal_payers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not delete public.paypal_payers', 'other', 'delete', 'public.paypal_payers', $q$delete from public.paypal_payers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.paypal_payers', 'editor', 'delete', 'public.paypal_payers', $q$delete from public.paypal_payers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.paypal_payers', 'admin', 'delete', 'public.paypal_payers', $q$delete from public.paypal_payers where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.paypal_payers', 'service_role', 'delete', 'public.paypal_payers', $q$delete from public.paypal_payers where user_id = :'owner'$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.paypal_payers

-- table public.paypal_orders
select pg_temp.rls_check('anon may not select public.paypal_orders', 'anon', 'select', 'public.paypal_orders', $q$select 1 from public.paypal_orders where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not select public.paypal_orders', 'owner', 'select', 'public.paypal_orders', $q$select 1 from public.paypal_orders where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not select public.paypal_orders', 'other', 'select', 'public.paypal_orders', $q$select 1 from public.paypal_orders where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not select public.paypal_orders', 'editor', 'select', 'public.paypal_orders', $q$select 1 from public.paypal_orders where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not select public.paypal_orders', 'admin', 'select', 'public.paypal_orders', $q$select 1 from public.paypal_orders where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may select public.paypal_orders', 'service_role', 'select', 'public.paypal_orders', $q$select 1 from public.paypal_orders where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.paypal_orders', 'anon', 'insert', 'public.paypal_orders', $q$insert into public.paypal_orders (user_id, order_id, plan, amount_cents)
values (:'owner', 'rls-new-' || :'run', 'pro', 500)$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.paypal_orders', 'owner', 'insert', 'public.paypal_orders', $q$insert into public.paypal_orders (user_id, order_id, plan, amount_cents)
values (:'owner', 'rls-new-' || :'run', 'pro', 500)$q$, 'deny');
select pg_temp.rls_check('other may not insert public.paypal_orders', 'other', 'insert', 'public.paypal_orders', $q$insert into public.paypal_orders (user_id, order_id, plan, amount_cents)
values (:'owner', 'rls-new-' || :'run', 'pro', 500)$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.paypal_orders', 'editor', 'insert', 'public.paypal_orders', $q$insert into public.paypal_orders (user_id, order_id, plan, amount_cents)
values (:'owner', 'rls-new-' || :'run', 'pro', 500)$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.paypal_orders', 'admin', 'insert', 'public.paypal_orders', $q$insert into public.paypal_orders (user_id, order_id, plan, amount_cents)
values (:'owner', 'rls-new-' || :'run', 'pro', 500)$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.paypal_orders', 'service_role', 'insert', 'public.paypal_orders', $q$insert into public.paypal_orders (user_id, order_id, plan, amount_cents)
values (:'owner', 'rls-new-' || :'run', 'pro', 500)$q$, 'allow');
select pg_temp.rls_check('anon may not update public.paypal_orders', 'anon', 'update', 'public.paypal_orders', $q$update public.paypal_orders set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not update public.paypal_orders', 'owner', 'update', 'public.paypal_orders', $q$update public.paypal_orders set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not update public.paypal_orders', 'other', 'update', 'public.paypal_orders', $q$update public.paypal_orders set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not update public.paypal_orders', 'editor', 'update', 'public.paypal_orders', $q$update public.paypal_orders set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not update public.paypal_orders', 'admin', 'update', 'public.paypal_orders', $q$update public.paypal_orders set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may update public.paypal_orders', 'service_role', 'update', 'public.paypal_orders', $q$update public.paypal_orders set "id" = "id" where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.paypal_orders', 'anon', 'delete', 'public.paypal_orders', $q$delete from public.paypal_orders where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.paypal_orders', 'owner', 'delete', 'public.paypal_orders', $q$delete from public.paypal_orders where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not delete public.paypal_orders', 'other', 'delete', 'public.paypal_orders', $q$delete from public.paypal_orders where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.paypal_orders', 'editor', 'delete', 'public.paypal_orders', $q$delete from public.paypal_orders where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.paypal_orders', 'admin', 'delete', 'public.paypal_orders', $q$delete from public.paypal_orders where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.paypal_orders', 'service_role', 'delete', 'public.paypal_orders', $q$delete from public.paypal_orders where user_id = :'owner'$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.paypal_orders

-- table public.affiliate_codes
select pg_temp.rls_check('anon may not select public.affiliate_codes', 'anon', 'select', 'public.affiliate_codes', $q$select 1 from public.affiliate_codes where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may select public.affiliate_codes', 'owner', 'select', 'public.affiliate_codes', $q$select 1 from public.affiliate_codes where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not select public.affiliate_codes', 'other', 'select', 'public.affiliate_codes', $q$select 1 from public.affiliate_codes where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not select public.affiliate_codes', 'editor', 'select', 'public.affiliate_codes', $q$select 1 from public.affiliate_codes where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may select public.affiliate_codes', 'admin', 'select', 'public.affiliate_codes', $q$select 1 from public.affiliate_codes where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('service_role may select public.affiliate_codes', 'service_role', 'select', 'public.affiliate_codes', $q$select 1 from public.affiliate_codes where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.affiliate_codes', 'anon', 'insert', 'public.affiliate_codes', $q$insert into public.affiliate_codes (user_id, code) values (:'owner', 'N' || upper(substr(:'run', 1, 8)))$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.affiliate_codes', 'owner', 'insert', 'public.affiliate_codes', $q$insert into public.affiliate_codes (user_id, code) values (:'owner', 'N' || upper(substr(:'run', 1, 8)))$q$, 'deny');
select pg_temp.rls_check('other may not insert public.affiliate_codes', 'other', 'insert', 'public.affiliate_codes', $q$insert into public.affiliate_codes (user_id, code) values (:'owner', 'N' || upper(substr(:'run', 1, 8)))$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.affiliate_codes', 'editor', 'insert', 'public.affiliate_codes', $q$insert into public.affiliate_codes (user_id, code) values (:'owner', 'N' || upper(substr(:'run', 1, 8)))$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.affiliate_codes', 'admin', 'insert', 'public.affiliate_codes', $q$insert into public.affiliate_codes (user_id, code) values (:'owner', 'N' || upper(substr(:'run', 1, 8)))$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.affiliate_codes', 'service_role', 'insert', 'public.affiliate_codes', $q$insert into public.affiliate_codes (user_id, code) values (:'owner', 'N' || upper(substr(:'run', 1, 8)))$q$, 'allow');
select pg_temp.rls_check('anon may not update public.affiliate_codes', 'anon', 'update', 'public.affiliate_codes', $q$update public.affiliate_codes set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not update public.affiliate_codes', 'owner', 'update', 'public.affiliate_codes', $q$update public.affiliate_codes set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not update public.affiliate_codes', 'other', 'update', 'public.affiliate_codes', $q$update public.affiliate_codes set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not update public.affiliate_codes', 'editor', 'update', 'public.affiliate_codes', $q$update public.affiliate_codes set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not update public.affiliate_codes', 'admin', 'update', 'public.affiliate_codes', $q$update public.affiliate_codes set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may update public.affiliate_codes', 'service_role', 'update', 'public.affiliate_codes', $q$update public.affiliate_codes set "id" = "id" where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.affiliate_codes', 'anon', 'delete', 'public.affiliate_codes', $q$delete from public.affiliate_codes where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.affiliate_codes', 'owner', 'delete', 'public.affiliate_codes', $q$delete from public.affiliate_codes where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not delete public.affiliate_codes', 'other', 'delete', 'public.affiliate_codes', $q$delete from public.affiliate_codes where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.affiliate_codes', 'editor', 'delete', 'public.affiliate_codes', $q$delete from public.affiliate_codes where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.affiliate_codes', 'admin', 'delete', 'public.affiliate_codes', $q$delete from public.affiliate_codes where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.affiliate_codes', 'service_role', 'delete', 'public.affiliate_codes', $q$delete from public.affiliate_codes where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('owner may not raise their own commission rate (public.affiliate_codes)', 'owner', 'update', 'public.affiliate_codes', $q$update public.affiliate_codes set commission_rate = 1 where user_id = auth.uid()$q$, 'deny');
rollback to savepoint rls_object;  -- undo the fixture rows of public.affiliate_codes

-- table public.affiliate_referrals: the code's owner sees whom they referred; the referred learner does not see the row
select pg_temp.rls_check('anon may not select public.affiliate_referrals', 'anon', 'select', 'public.affiliate_referrals', $q$select 1 from public.affiliate_referrals where id = md5(:'run' || '-ref')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may select public.affiliate_referrals', 'owner', 'select', 'public.affiliate_referrals', $q$select 1 from public.affiliate_referrals where id = md5(:'run' || '-ref')::uuid$q$, 'allow');
select pg_temp.rls_check('other may not select public.affiliate_referrals', 'other', 'select', 'public.affiliate_referrals', $q$select 1 from public.affiliate_referrals where id = md5(:'run' || '-ref')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not select public.affiliate_referrals', 'editor', 'select', 'public.affiliate_referrals', $q$select 1 from public.affiliate_referrals where id = md5(:'run' || '-ref')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may select public.affiliate_referrals', 'admin', 'select', 'public.affiliate_referrals', $q$select 1 from public.affiliate_referrals where id = md5(:'run' || '-ref')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may select public.affiliate_referrals', 'service_role', 'select', 'public.affiliate_referrals', $q$select 1 from public.affiliate_referrals where id = md5(:'run' || '-ref')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.affiliate_referrals', 'anon', 'insert', 'public.affiliate_referrals', $q$insert into public.affiliate_referrals (code_id, referred_user_id) values (md5(:'run' || '-code')::uuid, :'editor')$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.affiliate_referrals', 'owner', 'insert', 'public.affiliate_referrals', $q$insert into public.affiliate_referrals (code_id, referred_user_id) values (md5(:'run' || '-code')::uuid, :'editor')$q$, 'deny');
select pg_temp.rls_check('other may not insert public.affiliate_referrals', 'other', 'insert', 'public.affiliate_referrals', $q$insert into public.affiliate_referrals (code_id, referred_user_id) values (md5(:'run' || '-code')::uuid, :'editor')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.affiliate_referrals', 'editor', 'insert', 'public.affiliate_referrals', $q$insert into public.affiliate_referrals (code_id, referred_user_id) values (md5(:'run' || '-code')::uuid, :'editor')$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.affiliate_referrals', 'admin', 'insert', 'public.affiliate_referrals', $q$insert into public.affiliate_referrals (code_id, referred_user_id) values (md5(:'run' || '-code')::uuid, :'editor')$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.affiliate_referrals', 'service_role', 'insert', 'public.affiliate_referrals', $q$insert into public.affiliate_referrals (code_id, referred_user_id) values (md5(:'run' || '-code')::uuid, :'editor')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.affiliate_referrals', 'anon', 'update', 'public.affiliate_referrals', $q$update public.affiliate_referrals set "id" = "id" where id = md5(:'run' || '-ref')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not update public.affiliate_referrals', 'owner', 'update', 'public.affiliate_referrals', $q$update public.affiliate_referrals set "id" = "id" where id = md5(:'run' || '-ref')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not update public.affiliate_referrals', 'other', 'update', 'public.affiliate_referrals', $q$update public.affiliate_referrals set "id" = "id" where id = md5(:'run' || '-ref')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not update public.affiliate_referrals', 'editor', 'update', 'public.affiliate_referrals', $q$update public.affiliate_referrals set "id" = "id" where id = md5(:'run' || '-ref')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not update public.affiliate_referrals', 'admin', 'update', 'public.affiliate_referrals', $q$update public.affiliate_referrals set "id" = "id" where id = md5(:'run' || '-ref')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may update public.affiliate_referrals', 'service_role', 'update', 'public.affiliate_referrals', $q$update public.affiliate_referrals set "id" = "id" where id = md5(:'run' || '-ref')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.affiliate_referrals', 'anon', 'delete', 'public.affiliate_referrals', $q$delete from public.affiliate_referrals where id = md5(:'run' || '-ref')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.affiliate_referrals', 'owner', 'delete', 'public.affiliate_referrals', $q$delete from public.affiliate_referrals where id = md5(:'run' || '-ref')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not delete public.affiliate_referrals', 'other', 'delete', 'public.affiliate_referrals', $q$delete from public.affiliate_referrals where id = md5(:'run' || '-ref')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.affiliate_referrals', 'editor', 'delete', 'public.affiliate_referrals', $q$delete from public.affiliate_referrals where id = md5(:'run' || '-ref')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.affiliate_referrals', 'admin', 'delete', 'public.affiliate_referrals', $q$delete from public.affiliate_referrals where id = md5(:'run' || '-ref')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.affiliate_referrals', 'service_role', 'delete', 'public.affiliate_referrals', $q$delete from public.affiliate_referrals where id = md5(:'run' || '-ref')::uuid$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.affiliate_referrals

-- table public.affiliate_commissions
select pg_temp.rls_check('anon may not select public.affiliate_commissions', 'anon', 'select', 'public.affiliate_commissions', $q$select 1 from public.affiliate_commissions where referral_id = md5(:'run' || '-ref')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may select public.affiliate_commissions', 'owner', 'select', 'public.affiliate_commissions', $q$select 1 from public.affiliate_commissions where referral_id = md5(:'run' || '-ref')::uuid$q$, 'allow');
select pg_temp.rls_check('other may not select public.affiliate_commissions', 'other', 'select', 'public.affiliate_commissions', $q$select 1 from public.affiliate_commissions where referral_id = md5(:'run' || '-ref')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not select public.affiliate_commissions', 'editor', 'select', 'public.affiliate_commissions', $q$select 1 from public.affiliate_commissions where referral_id = md5(:'run' || '-ref')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may select public.affiliate_commissions', 'admin', 'select', 'public.affiliate_commissions', $q$select 1 from public.affiliate_commissions where referral_id = md5(:'run' || '-ref')::uuid$q$, 'allow');
select pg_temp.rls_check('service_role may select public.affiliate_commissions', 'service_role', 'select', 'public.affiliate_commissions', $q$select 1 from public.affiliate_commissions where referral_id = md5(:'run' || '-ref')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.affiliate_commissions', 'anon', 'insert', 'public.affiliate_commissions', $q$insert into public.affiliate_commissions (referral_id, ledger_id, amount_cents)
values (md5(:'run' || '-ref')::uuid, md5(:'run' || '-ledger2')::uuid, 100)$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.affiliate_commissions', 'owner', 'insert', 'public.affiliate_commissions', $q$insert into public.affiliate_commissions (referral_id, ledger_id, amount_cents)
values (md5(:'run' || '-ref')::uuid, md5(:'run' || '-ledger2')::uuid, 100)$q$, 'deny');
select pg_temp.rls_check('other may not insert public.affiliate_commissions', 'other', 'insert', 'public.affiliate_commissions', $q$insert into public.affiliate_commissions (referral_id, ledger_id, amount_cents)
values (md5(:'run' || '-ref')::uuid, md5(:'run' || '-ledger2')::uuid, 100)$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.affiliate_commissions', 'editor', 'insert', 'public.affiliate_commissions', $q$insert into public.affiliate_commissions (referral_id, ledger_id, amount_cents)
values (md5(:'run' || '-ref')::uuid, md5(:'run' || '-ledger2')::uuid, 100)$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.affiliate_commissions', 'admin', 'insert', 'public.affiliate_commissions', $q$insert into public.affiliate_commissions (referral_id, ledger_id, amount_cents)
values (md5(:'run' || '-ref')::uuid, md5(:'run' || '-ledger2')::uuid, 100)$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.affiliate_commissions', 'service_role', 'insert', 'public.affiliate_commissions', $q$insert into public.affiliate_commissions (referral_id, ledger_id, amount_cents)
values (md5(:'run' || '-ref')::uuid, md5(:'run' || '-ledger2')::uuid, 100)$q$, 'allow');
select pg_temp.rls_check('anon may not update public.affiliate_commissions', 'anon', 'update', 'public.affiliate_commissions', $q$update public.affiliate_commissions set "id" = "id" where referral_id = md5(:'run' || '-ref')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not update public.affiliate_commissions', 'owner', 'update', 'public.affiliate_commissions', $q$update public.affiliate_commissions set "id" = "id" where referral_id = md5(:'run' || '-ref')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not update public.affiliate_commissions', 'other', 'update', 'public.affiliate_commissions', $q$update public.affiliate_commissions set "id" = "id" where referral_id = md5(:'run' || '-ref')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not update public.affiliate_commissions', 'editor', 'update', 'public.affiliate_commissions', $q$update public.affiliate_commissions set "id" = "id" where referral_id = md5(:'run' || '-ref')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not update public.affiliate_commissions', 'admin', 'update', 'public.affiliate_commissions', $q$update public.affiliate_commissions set "id" = "id" where referral_id = md5(:'run' || '-ref')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may update public.affiliate_commissions', 'service_role', 'update', 'public.affiliate_commissions', $q$update public.affiliate_commissions set "id" = "id" where referral_id = md5(:'run' || '-ref')::uuid$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.affiliate_commissions', 'anon', 'delete', 'public.affiliate_commissions', $q$delete from public.affiliate_commissions where referral_id = md5(:'run' || '-ref')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.affiliate_commissions', 'owner', 'delete', 'public.affiliate_commissions', $q$delete from public.affiliate_commissions where referral_id = md5(:'run' || '-ref')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not delete public.affiliate_commissions', 'other', 'delete', 'public.affiliate_commissions', $q$delete from public.affiliate_commissions where referral_id = md5(:'run' || '-ref')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.affiliate_commissions', 'editor', 'delete', 'public.affiliate_commissions', $q$delete from public.affiliate_commissions where referral_id = md5(:'run' || '-ref')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.affiliate_commissions', 'admin', 'delete', 'public.affiliate_commissions', $q$delete from public.affiliate_commissions where referral_id = md5(:'run' || '-ref')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.affiliate_commissions', 'service_role', 'delete', 'public.affiliate_commissions', $q$delete from public.affiliate_commissions where referral_id = md5(:'run' || '-ref')::uuid$q$, 'allow');
select pg_temp.rls_check('owner may not mark their own commission as paid (public.affiliate_commissions)', 'owner', 'update', 'public.affiliate_commissions', $q$update public.affiliate_commissions set status = 'paid' where referral_id = md5(:'run' || '-ref')::uuid$q$, 'deny');
rollback to savepoint rls_object;  -- undo the fixture rows of public.affiliate_commissions

-- table public.realtime_tokens: token hashes are server-only; clients never see them
select pg_temp.rls_check('anon may not select public.realtime_tokens', 'anon', 'select', 'public.realtime_tokens', $q$select 1 from public.realtime_tokens where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not select public.realtime_tokens', 'owner', 'select', 'public.realtime_tokens', $q$select 1 from public.realtime_tokens where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not select public.realtime_tokens', 'other', 'select', 'public.realtime_tokens', $q$select 1 from public.realtime_tokens where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not select public.realtime_tokens', 'editor', 'select', 'public.realtime_tokens', $q$select 1 from public.realtime_tokens where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not select public.realtime_tokens', 'admin', 'select', 'public.realtime_tokens', $q$select 1 from public.realtime_tokens where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may select public.realtime_tokens', 'service_role', 'select', 'public.realtime_tokens', $q$select 1 from public.realtime_tokens where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not insert public.realtime_tokens', 'anon', 'insert', 'public.realtime_tokens', $q$insert into public.realtime_tokens (user_id, token_sha256, expires_at)
values (:'owner', encode(sha256(convert_to('new' || :'run', 'UTF8')), 'hex'), now() + interval '1 hour')$q$, 'deny');
select pg_temp.rls_check('owner may not insert public.realtime_tokens', 'owner', 'insert', 'public.realtime_tokens', $q$insert into public.realtime_tokens (user_id, token_sha256, expires_at)
values (:'owner', encode(sha256(convert_to('new' || :'run', 'UTF8')), 'hex'), now() + interval '1 hour')$q$, 'deny');
select pg_temp.rls_check('other may not insert public.realtime_tokens', 'other', 'insert', 'public.realtime_tokens', $q$insert into public.realtime_tokens (user_id, token_sha256, expires_at)
values (:'owner', encode(sha256(convert_to('new' || :'run', 'UTF8')), 'hex'), now() + interval '1 hour')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public.realtime_tokens', 'editor', 'insert', 'public.realtime_tokens', $q$insert into public.realtime_tokens (user_id, token_sha256, expires_at)
values (:'owner', encode(sha256(convert_to('new' || :'run', 'UTF8')), 'hex'), now() + interval '1 hour')$q$, 'deny');
select pg_temp.rls_check('admin may not insert public.realtime_tokens', 'admin', 'insert', 'public.realtime_tokens', $q$insert into public.realtime_tokens (user_id, token_sha256, expires_at)
values (:'owner', encode(sha256(convert_to('new' || :'run', 'UTF8')), 'hex'), now() + interval '1 hour')$q$, 'deny');
select pg_temp.rls_check('service_role may insert public.realtime_tokens', 'service_role', 'insert', 'public.realtime_tokens', $q$insert into public.realtime_tokens (user_id, token_sha256, expires_at)
values (:'owner', encode(sha256(convert_to('new' || :'run', 'UTF8')), 'hex'), now() + interval '1 hour')$q$, 'allow');
select pg_temp.rls_check('anon may not update public.realtime_tokens', 'anon', 'update', 'public.realtime_tokens', $q$update public.realtime_tokens set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not update public.realtime_tokens', 'owner', 'update', 'public.realtime_tokens', $q$update public.realtime_tokens set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not update public.realtime_tokens', 'other', 'update', 'public.realtime_tokens', $q$update public.realtime_tokens set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not update public.realtime_tokens', 'editor', 'update', 'public.realtime_tokens', $q$update public.realtime_tokens set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not update public.realtime_tokens', 'admin', 'update', 'public.realtime_tokens', $q$update public.realtime_tokens set "id" = "id" where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may update public.realtime_tokens', 'service_role', 'update', 'public.realtime_tokens', $q$update public.realtime_tokens set "id" = "id" where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('anon may not delete public.realtime_tokens', 'anon', 'delete', 'public.realtime_tokens', $q$delete from public.realtime_tokens where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may not delete public.realtime_tokens', 'owner', 'delete', 'public.realtime_tokens', $q$delete from public.realtime_tokens where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('other may not delete public.realtime_tokens', 'other', 'delete', 'public.realtime_tokens', $q$delete from public.realtime_tokens where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not delete public.realtime_tokens', 'editor', 'delete', 'public.realtime_tokens', $q$delete from public.realtime_tokens where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not delete public.realtime_tokens', 'admin', 'delete', 'public.realtime_tokens', $q$delete from public.realtime_tokens where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may delete public.realtime_tokens', 'service_role', 'delete', 'public.realtime_tokens', $q$delete from public.realtime_tokens where user_id = :'owner'$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.realtime_tokens

-- table storage.buckets: bucket configuration is changed by the server (service_role) and migrations only
select pg_temp.rls_check('anon may not select storage.buckets', 'anon', 'select', 'storage.buckets', $q$select 1 from storage.buckets where id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('owner may not select storage.buckets', 'owner', 'select', 'storage.buckets', $q$select 1 from storage.buckets where id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('other may not select storage.buckets', 'other', 'select', 'storage.buckets', $q$select 1 from storage.buckets where id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('editor may not select storage.buckets', 'editor', 'select', 'storage.buckets', $q$select 1 from storage.buckets where id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('admin may not select storage.buckets', 'admin', 'select', 'storage.buckets', $q$select 1 from storage.buckets where id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('service_role may select storage.buckets', 'service_role', 'select', 'storage.buckets', $q$select 1 from storage.buckets where id = 'rls-' || :'run'$q$, 'allow');
select pg_temp.rls_check('anon may not insert storage.buckets', 'anon', 'insert', 'storage.buckets', $q$insert into storage.buckets (id, name) values ('rls-new-' || :'run', 'rls-new-' || :'run')$q$, 'deny');
select pg_temp.rls_check('owner may not insert storage.buckets', 'owner', 'insert', 'storage.buckets', $q$insert into storage.buckets (id, name) values ('rls-new-' || :'run', 'rls-new-' || :'run')$q$, 'deny');
select pg_temp.rls_check('other may not insert storage.buckets', 'other', 'insert', 'storage.buckets', $q$insert into storage.buckets (id, name) values ('rls-new-' || :'run', 'rls-new-' || :'run')$q$, 'deny');
select pg_temp.rls_check('editor may not insert storage.buckets', 'editor', 'insert', 'storage.buckets', $q$insert into storage.buckets (id, name) values ('rls-new-' || :'run', 'rls-new-' || :'run')$q$, 'deny');
select pg_temp.rls_check('admin may not insert storage.buckets', 'admin', 'insert', 'storage.buckets', $q$insert into storage.buckets (id, name) values ('rls-new-' || :'run', 'rls-new-' || :'run')$q$, 'deny');
select pg_temp.rls_check('service_role may insert storage.buckets', 'service_role', 'insert', 'storage.buckets', $q$insert into storage.buckets (id, name) values ('rls-new-' || :'run', 'rls-new-' || :'run')$q$, 'allow');
select pg_temp.rls_check('anon may not update storage.buckets', 'anon', 'update', 'storage.buckets', $q$update storage.buckets set "id" = "id" where id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('owner may not update storage.buckets', 'owner', 'update', 'storage.buckets', $q$update storage.buckets set "id" = "id" where id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('other may not update storage.buckets', 'other', 'update', 'storage.buckets', $q$update storage.buckets set "id" = "id" where id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('editor may not update storage.buckets', 'editor', 'update', 'storage.buckets', $q$update storage.buckets set "id" = "id" where id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('admin may not update storage.buckets', 'admin', 'update', 'storage.buckets', $q$update storage.buckets set "id" = "id" where id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('service_role may update storage.buckets', 'service_role', 'update', 'storage.buckets', $q$update storage.buckets set "id" = "id" where id = 'rls-' || :'run'$q$, 'allow');
select pg_temp.rls_check('anon may not delete storage.buckets', 'anon', 'delete', 'storage.buckets', $q$delete from storage.buckets where id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('owner may not delete storage.buckets', 'owner', 'delete', 'storage.buckets', $q$delete from storage.buckets where id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('other may not delete storage.buckets', 'other', 'delete', 'storage.buckets', $q$delete from storage.buckets where id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('editor may not delete storage.buckets', 'editor', 'delete', 'storage.buckets', $q$delete from storage.buckets where id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('admin may not delete storage.buckets', 'admin', 'delete', 'storage.buckets', $q$delete from storage.buckets where id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('service_role may delete storage.buckets', 'service_role', 'delete', 'storage.buckets', $q$delete from storage.buckets where id = 'rls-' || :'run'$q$, 'allow');
select pg_temp.rls_check('anon may not make the user-media bucket public (storage.buckets)', 'anon', 'update', 'storage.buckets', $q$update storage.buckets set public = true where id = 'user-media'$q$, 'deny');
select pg_temp.rls_check('owner may not make the user-media bucket public (storage.buckets)', 'owner', 'update', 'storage.buckets', $q$update storage.buckets set public = true where id = 'user-media'$q$, 'deny');
select pg_temp.rls_check('admin may not make the user-media bucket public (storage.buckets)', 'admin', 'update', 'storage.buckets', $q$update storage.buckets set public = true where id = 'user-media'$q$, 'deny');
rollback to savepoint rls_object;  -- undo the fixture rows of storage.buckets

-- table storage.objects: objects in a bucket no policy mentions are service_role only (buckets' own rules: [[bucket]] below)
select pg_temp.rls_check('anon may not select storage.objects', 'anon', 'select', 'storage.objects', $q$select 1 from storage.objects where bucket_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('owner may not select storage.objects', 'owner', 'select', 'storage.objects', $q$select 1 from storage.objects where bucket_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('other may not select storage.objects', 'other', 'select', 'storage.objects', $q$select 1 from storage.objects where bucket_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('editor may not select storage.objects', 'editor', 'select', 'storage.objects', $q$select 1 from storage.objects where bucket_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('admin may not select storage.objects', 'admin', 'select', 'storage.objects', $q$select 1 from storage.objects where bucket_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('service_role may select storage.objects', 'service_role', 'select', 'storage.objects', $q$select 1 from storage.objects where bucket_id = 'rls-' || :'run'$q$, 'allow');
select pg_temp.rls_check('anon may not insert storage.objects', 'anon', 'insert', 'storage.objects', $q$insert into storage.objects (bucket_id, name, owner, owner_id) values ('rls-' || :'run', :'owner' || '/y.txt', :'owner', :'owner')$q$, 'deny');
select pg_temp.rls_check('owner may not insert storage.objects', 'owner', 'insert', 'storage.objects', $q$insert into storage.objects (bucket_id, name, owner, owner_id) values ('rls-' || :'run', :'owner' || '/y.txt', :'owner', :'owner')$q$, 'deny');
select pg_temp.rls_check('other may not insert storage.objects', 'other', 'insert', 'storage.objects', $q$insert into storage.objects (bucket_id, name, owner, owner_id) values ('rls-' || :'run', :'owner' || '/y.txt', :'owner', :'owner')$q$, 'deny');
select pg_temp.rls_check('editor may not insert storage.objects', 'editor', 'insert', 'storage.objects', $q$insert into storage.objects (bucket_id, name, owner, owner_id) values ('rls-' || :'run', :'owner' || '/y.txt', :'owner', :'owner')$q$, 'deny');
select pg_temp.rls_check('admin may not insert storage.objects', 'admin', 'insert', 'storage.objects', $q$insert into storage.objects (bucket_id, name, owner, owner_id) values ('rls-' || :'run', :'owner' || '/y.txt', :'owner', :'owner')$q$, 'deny');
select pg_temp.rls_check('service_role may insert storage.objects', 'service_role', 'insert', 'storage.objects', $q$insert into storage.objects (bucket_id, name, owner, owner_id) values ('rls-' || :'run', :'owner' || '/y.txt', :'owner', :'owner')$q$, 'allow');
select pg_temp.rls_check('anon may not update storage.objects', 'anon', 'update', 'storage.objects', $q$update storage.objects set updated_at = updated_at where bucket_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('owner may not update storage.objects', 'owner', 'update', 'storage.objects', $q$update storage.objects set updated_at = updated_at where bucket_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('other may not update storage.objects', 'other', 'update', 'storage.objects', $q$update storage.objects set updated_at = updated_at where bucket_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('editor may not update storage.objects', 'editor', 'update', 'storage.objects', $q$update storage.objects set updated_at = updated_at where bucket_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('admin may not update storage.objects', 'admin', 'update', 'storage.objects', $q$update storage.objects set updated_at = updated_at where bucket_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('service_role may update storage.objects', 'service_role', 'update', 'storage.objects', $q$update storage.objects set updated_at = updated_at where bucket_id = 'rls-' || :'run'$q$, 'allow');
select pg_temp.rls_check('anon may not delete storage.objects', 'anon', 'delete', 'storage.objects', $q$delete from storage.objects where bucket_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('owner may not delete storage.objects', 'owner', 'delete', 'storage.objects', $q$delete from storage.objects where bucket_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('other may not delete storage.objects', 'other', 'delete', 'storage.objects', $q$delete from storage.objects where bucket_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('editor may not delete storage.objects', 'editor', 'delete', 'storage.objects', $q$delete from storage.objects where bucket_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('admin may not delete storage.objects', 'admin', 'delete', 'storage.objects', $q$delete from storage.objects where bucket_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('service_role may delete storage.objects', 'service_role', 'delete', 'storage.objects', $q$delete from storage.objects where bucket_id = 'rls-' || :'run'$q$, 'allow');
select pg_temp.rls_check('owner may not delete storage rows in SQL, bypassing the Storage API (storage.objects)', 'owner', 'delete', 'storage.objects', $q$select set_config('storage.allow_delete_query', 'false', true);
delete from storage.objects where bucket_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('admin may not delete storage rows in SQL, bypassing the Storage API (storage.objects)', 'admin', 'delete', 'storage.objects', $q$select set_config('storage.allow_delete_query', 'false', true);
delete from storage.objects where bucket_id = 'rls-' || :'run'$q$, 'deny');
select pg_temp.rls_check('service_role may not delete storage rows in SQL, bypassing the Storage API (storage.objects)', 'service_role', 'delete', 'storage.objects', $q$select set_config('storage.allow_delete_query', 'false', true);
delete from storage.objects where bucket_id = 'rls-' || :'run'$q$, 'deny');
rollback to savepoint rls_object;  -- undo the fixture rows of storage.objects

-- view public.v_user_progress: over attempts, which learners read by equality (0041): admins see their own totals only
select pg_temp.rls_check('anon may not select public.v_user_progress', 'anon', 'select', 'public.v_user_progress', $q$select 1 from public.v_user_progress where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may select public.v_user_progress', 'owner', 'select', 'public.v_user_progress', $q$select 1 from public.v_user_progress where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not select public.v_user_progress', 'other', 'select', 'public.v_user_progress', $q$select 1 from public.v_user_progress where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not select public.v_user_progress', 'editor', 'select', 'public.v_user_progress', $q$select 1 from public.v_user_progress where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may not select public.v_user_progress', 'admin', 'select', 'public.v_user_progress', $q$select 1 from public.v_user_progress where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('service_role may select public.v_user_progress', 'service_role', 'select', 'public.v_user_progress', $q$select 1 from public.v_user_progress where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not read another learner''s progress through the view (public.v_user_progress)', 'other', 'select', 'public.v_user_progress', $q$select 1 from public.v_user_progress where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not read another learner''s progress through the view (public.v_user_progress)', 'editor', 'select', 'public.v_user_progress', $q$select 1 from public.v_user_progress where user_id = :'owner'$q$, 'deny');
rollback to savepoint rls_object;  -- undo the fixture rows of public.v_user_progress

-- view public.v_weekly_recap
select pg_temp.rls_check('anon may not select public.v_weekly_recap', 'anon', 'select', 'public.v_weekly_recap', $q$select 1 from public.v_weekly_recap where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('owner may select public.v_weekly_recap', 'owner', 'select', 'public.v_weekly_recap', $q$select 1 from public.v_weekly_recap where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('other may not select public.v_weekly_recap', 'other', 'select', 'public.v_weekly_recap', $q$select 1 from public.v_weekly_recap where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('editor may not select public.v_weekly_recap', 'editor', 'select', 'public.v_weekly_recap', $q$select 1 from public.v_weekly_recap where user_id = :'owner'$q$, 'deny');
select pg_temp.rls_check('admin may select public.v_weekly_recap', 'admin', 'select', 'public.v_weekly_recap', $q$select 1 from public.v_weekly_recap where user_id = :'owner'$q$, 'allow');
select pg_temp.rls_check('service_role may select public.v_weekly_recap', 'service_role', 'select', 'public.v_weekly_recap', $q$select 1 from public.v_weekly_recap where user_id = :'owner'$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.v_weekly_recap

-- view public.v_drill_stats: materialized, refreshed by refresh_views(); not granted to clients
select pg_temp.rls_check('anon may not select public.v_drill_stats', 'anon', 'select', 'public.v_drill_stats', $q$select 1 from public.v_drill_stats where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not select public.v_drill_stats', 'owner', 'select', 'public.v_drill_stats', $q$select 1 from public.v_drill_stats where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not select public.v_drill_stats', 'other', 'select', 'public.v_drill_stats', $q$select 1 from public.v_drill_stats where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not select public.v_drill_stats', 'editor', 'select', 'public.v_drill_stats', $q$select 1 from public.v_drill_stats where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not select public.v_drill_stats', 'admin', 'select', 'public.v_drill_stats', $q$select 1 from public.v_drill_stats where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may select public.v_drill_stats', 'service_role', 'select', 'public.v_drill_stats', $q$select 1 from public.v_drill_stats where drill_id = md5(:'run' || '-drill')::uuid$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.v_drill_stats

-- view public.v_drill_stats_daily: materialized, refreshed by refresh_views(); not granted to clients
select pg_temp.rls_check('anon may not select public.v_drill_stats_daily', 'anon', 'select', 'public.v_drill_stats_daily', $q$select 1 from public.v_drill_stats_daily where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('owner may not select public.v_drill_stats_daily', 'owner', 'select', 'public.v_drill_stats_daily', $q$select 1 from public.v_drill_stats_daily where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('other may not select public.v_drill_stats_daily', 'other', 'select', 'public.v_drill_stats_daily', $q$select 1 from public.v_drill_stats_daily where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('editor may not select public.v_drill_stats_daily', 'editor', 'select', 'public.v_drill_stats_daily', $q$select 1 from public.v_drill_stats_daily where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('admin may not select public.v_drill_stats_daily', 'admin', 'select', 'public.v_drill_stats_daily', $q$select 1 from public.v_drill_stats_daily where drill_id = md5(:'run' || '-drill')::uuid$q$, 'deny');
select pg_temp.rls_check('service_role may select public.v_drill_stats_daily', 'service_role', 'select', 'public.v_drill_stats_daily', $q$select 1 from public.v_drill_stats_daily where drill_id = md5(:'run' || '-drill')::uuid$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.v_drill_stats_daily

-- function public.is_admin(): invoker wrapper of private.is_admin() since 0044: the caller's own role
select pg_temp.rls_check('anon may not execute public.is_admin()', 'anon', 'execute', 'public.is_admin()', $q$select public.is_admin()$q$, 'deny');
select pg_temp.rls_check('owner may execute public.is_admin()', 'owner', 'execute', 'public.is_admin()', $q$select public.is_admin()$q$, 'allow');
select pg_temp.rls_check('other may execute public.is_admin()', 'other', 'execute', 'public.is_admin()', $q$select public.is_admin()$q$, 'allow');
select pg_temp.rls_check('editor may execute public.is_admin()', 'editor', 'execute', 'public.is_admin()', $q$select public.is_admin()$q$, 'allow');
select pg_temp.rls_check('admin may execute public.is_admin()', 'admin', 'execute', 'public.is_admin()', $q$select public.is_admin()$q$, 'allow');
select pg_temp.rls_check('service_role may execute public.is_admin()', 'service_role', 'execute', 'public.is_admin()', $q$select public.is_admin()$q$, 'allow');
select pg_temp.rls_check('anon may not be told they are an admin (public.is_admin())', 'anon', 'select', 'public.is_admin()', $q$select 1 where public.is_admin()$q$, 'deny');
select pg_temp.rls_check('owner may not be told they are an admin (public.is_admin())', 'owner', 'select', 'public.is_admin()', $q$select 1 where public.is_admin()$q$, 'deny');
select pg_temp.rls_check('other may not be told they are an admin (public.is_admin())', 'other', 'select', 'public.is_admin()', $q$select 1 where public.is_admin()$q$, 'deny');
select pg_temp.rls_check('editor may not be told they are an admin (public.is_admin())', 'editor', 'select', 'public.is_admin()', $q$select 1 where public.is_admin()$q$, 'deny');
select pg_temp.rls_check('admin may be told they are an admin (public.is_admin())', 'admin', 'select', 'public.is_admin()', $q$select 1 where public.is_admin()$q$, 'allow');
select pg_temp.rls_check('service_role may not be told they are an admin (public.is_admin())', 'service_role', 'select', 'public.is_admin()', $q$select 1 where public.is_admin()$q$, 'deny');
rollback to savepoint rls_object;  -- undo the fixture rows of public.is_admin()

-- function public.is_editor()
select pg_temp.rls_check('anon may not execute public.is_editor()', 'anon', 'execute', 'public.is_editor()', $q$select public.is_editor()$q$, 'deny');
select pg_temp.rls_check('owner may execute public.is_editor()', 'owner', 'execute', 'public.is_editor()', $q$select public.is_editor()$q$, 'allow');
select pg_temp.rls_check('other may execute public.is_editor()', 'other', 'execute', 'public.is_editor()', $q$select public.is_editor()$q$, 'allow');
select pg_temp.rls_check('editor may execute public.is_editor()', 'editor', 'execute', 'public.is_editor()', $q$select public.is_editor()$q$, 'allow');
select pg_temp.rls_check('admin may execute public.is_editor()', 'admin', 'execute', 'public.is_editor()', $q$select public.is_editor()$q$, 'allow');
select pg_temp.rls_check('service_role may execute public.is_editor()', 'service_role', 'execute', 'public.is_editor()', $q$select public.is_editor()$q$, 'allow');
select pg_temp.rls_check('anon may not be told they are an editor (public.is_editor())', 'anon', 'select', 'public.is_editor()', $q$select 1 where public.is_editor()$q$, 'deny');
select pg_temp.rls_check('owner may not be told they are an editor (public.is_editor())', 'owner', 'select', 'public.is_editor()', $q$select 1 where public.is_editor()$q$, 'deny');
select pg_temp.rls_check('other may not be told they are an editor (public.is_editor())', 'other', 'select', 'public.is_editor()', $q$select 1 where public.is_editor()$q$, 'deny');
select pg_temp.rls_check('editor may be told they are an editor (public.is_editor())', 'editor', 'select', 'public.is_editor()', $q$select 1 where public.is_editor()$q$, 'allow');
select pg_temp.rls_check('admin may be told they are an editor (public.is_editor())', 'admin', 'select', 'public.is_editor()', $q$select 1 where public.is_editor()$q$, 'allow');
select pg_temp.rls_check('service_role may not be told they are an editor (public.is_editor())', 'service_role', 'select', 'public.is_editor()', $q$select 1 where public.is_editor()$q$, 'deny');
rollback to savepoint rls_object;  -- undo the fixture rows of public.is_editor()

-- function public.get_local_day(timestamp with time zone, text): helper of the session RPCs (0038); server only
select pg_temp.rls_check('anon may not execute public.get_local_day(timestamp with time zone, text)', 'anon', 'execute', 'public.get_local_day(timestamp with time zone, text)', $q$select public.get_local_day(now(), 'Asia/Manila')$q$, 'deny');
select pg_temp.rls_check('owner may not execute public.get_local_day(timestamp with time zone, text)', 'owner', 'execute', 'public.get_local_day(timestamp with time zone, text)', $q$select public.get_local_day(now(), 'Asia/Manila')$q$, 'deny');
select pg_temp.rls_check('other may not execute public.get_local_day(timestamp with time zone, text)', 'other', 'execute', 'public.get_local_day(timestamp with time zone, text)', $q$select public.get_local_day(now(), 'Asia/Manila')$q$, 'deny');
select pg_temp.rls_check('editor may not execute public.get_local_day(timestamp with time zone, text)', 'editor', 'execute', 'public.get_local_day(timestamp with time zone, text)', $q$select public.get_local_day(now(), 'Asia/Manila')$q$, 'deny');
select pg_temp.rls_check('admin may not execute public.get_local_day(timestamp with time zone, text)', 'admin', 'execute', 'public.get_local_day(timestamp with time zone, text)', $q$select public.get_local_day(now(), 'Asia/Manila')$q$, 'deny');
select pg_temp.rls_check('service_role may execute public.get_local_day(timestamp with time zone, text)', 'service_role', 'execute', 'public.get_local_day(timestamp with time zone, text)', $q$select public.get_local_day(now(), 'Asia/Manila')$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.get_local_day(timestamp with time zone, text)

-- function public.set_role_claim(jsonb): custom access token hook (0040): only Supabase Auth (supabase_auth_admin) calls it
select pg_temp.rls_check('anon may not execute public.set_role_claim(jsonb)', 'anon', 'execute', 'public.set_role_claim(jsonb)', $q$select public.set_role_claim(jsonb_build_object('user_id', :'owner', 'claims', '{}'::jsonb))$q$, 'deny');
select pg_temp.rls_check('owner may not execute public.set_role_claim(jsonb)', 'owner', 'execute', 'public.set_role_claim(jsonb)', $q$select public.set_role_claim(jsonb_build_object('user_id', :'owner', 'claims', '{}'::jsonb))$q$, 'deny');
select pg_temp.rls_check('other may not execute public.set_role_claim(jsonb)', 'other', 'execute', 'public.set_role_claim(jsonb)', $q$select public.set_role_claim(jsonb_build_object('user_id', :'owner', 'claims', '{}'::jsonb))$q$, 'deny');
select pg_temp.rls_check('editor may not execute public.set_role_claim(jsonb)', 'editor', 'execute', 'public.set_role_claim(jsonb)', $q$select public.set_role_claim(jsonb_build_object('user_id', :'owner', 'claims', '{}'::jsonb))$q$, 'deny');
select pg_temp.rls_check('admin may not execute public.set_role_claim(jsonb)', 'admin', 'execute', 'public.set_role_claim(jsonb)', $q$select public.set_role_claim(jsonb_build_object('user_id', :'owner', 'claims', '{}'::jsonb))$q$, 'deny');
select pg_temp.rls_check('service_role may not execute public.set_role_claim(jsonb)', 'service_role', 'execute', 'public.set_role_claim(jsonb)', $q$select public.set_role_claim(jsonb_build_object('user_id', :'owner', 'claims', '{}'::jsonb))$q$, 'deny');
rollback to savepoint rls_object;  -- undo the fixture rows of public.set_role_claim(jsonb)

-- function public.list_learner_attempts(uuid, integer): admin support read (0041): the attempts policy has no admin branch, so admins read a learner's attempts here
select pg_temp.rls_check('anon may not execute public.list_learner_attempts(uuid, integer)', 'anon', 'execute', 'public.list_learner_attempts(uuid, integer)', $q$select * from public.list_learner_attempts(:'owner', 10)$q$, 'deny');
select pg_temp.rls_check('owner may not execute public.list_learner_attempts(uuid, integer)', 'owner', 'execute', 'public.list_learner_attempts(uuid, integer)', $q$select * from public.list_learner_attempts(:'owner', 10)$q$, 'deny');
select pg_temp.rls_check('other may not execute public.list_learner_attempts(uuid, integer)', 'other', 'execute', 'public.list_learner_attempts(uuid, integer)', $q$select * from public.list_learner_attempts(:'owner', 10)$q$, 'deny');
select pg_temp.rls_check('editor may not execute public.list_learner_attempts(uuid, integer)', 'editor', 'execute', 'public.list_learner_attempts(uuid, integer)', $q$select * from public.list_learner_attempts(:'owner', 10)$q$, 'deny');
select pg_temp.rls_check('admin may execute public.list_learner_attempts(uuid, integer)', 'admin', 'execute', 'public.list_learner_attempts(uuid, integer)', $q$select * from public.list_learner_attempts(:'owner', 10)$q$, 'allow');
select pg_temp.rls_check('service_role may not execute public.list_learner_attempts(uuid, integer)', 'service_role', 'execute', 'public.list_learner_attempts(uuid, integer)', $q$select * from public.list_learner_attempts(:'owner', 10)$q$, 'deny');
select pg_temp.rls_check('owner may not read the owner''s attempts through the admin RPC (public.list_learner_attempts(uuid, integer))', 'owner', 'select', 'public.list_learner_attempts(uuid, integer)', $q$select 1 from public.list_learner_attempts(:'owner', 10)$q$, 'deny');
select pg_temp.rls_check('other may not read the owner''s attempts through the admin RPC (public.list_learner_attempts(uuid, integer))', 'other', 'select', 'public.list_learner_attempts(uuid, integer)', $q$select 1 from public.list_learner_attempts(:'owner', 10)$q$, 'deny');
select pg_temp.rls_check('editor may not read the owner''s attempts through the admin RPC (public.list_learner_attempts(uuid, integer))', 'editor', 'select', 'public.list_learner_attempts(uuid, integer)', $q$select 1 from public.list_learner_attempts(:'owner', 10)$q$, 'deny');
select pg_temp.rls_check('admin may read the owner''s attempts through the admin RPC (public.list_learner_attempts(uuid, integer))', 'admin', 'select', 'public.list_learner_attempts(uuid, integer)', $q$select 1 from public.list_learner_attempts(:'owner', 10)$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.list_learner_attempts(uuid, integer)

-- function public.start_session(uuid): `other` used up today's minutes; `editor` holds pro, whose tier the setup removes (no limit known: fails closed); `owner` switched coach yesterday (cooldown)
select pg_temp.rls_check('anon may not execute public.start_session(uuid)', 'anon', 'execute', 'public.start_session(uuid)', $q$select public.start_session(null)$q$, 'deny');
select pg_temp.rls_check('owner may execute public.start_session(uuid)', 'owner', 'execute', 'public.start_session(uuid)', $q$select public.start_session(null)$q$, 'allow');
select pg_temp.rls_check('other may not execute public.start_session(uuid)', 'other', 'execute', 'public.start_session(uuid)', $q$select public.start_session(null)$q$, 'deny');
select pg_temp.rls_check('editor may not execute public.start_session(uuid)', 'editor', 'execute', 'public.start_session(uuid)', $q$select public.start_session(null)$q$, 'deny');
select pg_temp.rls_check('admin may execute public.start_session(uuid)', 'admin', 'execute', 'public.start_session(uuid)', $q$select public.start_session(null)$q$, 'allow');
select pg_temp.rls_check('service_role may not execute public.start_session(uuid)', 'service_role', 'execute', 'public.start_session(uuid)', $q$select public.start_session(null)$q$, 'deny');
select pg_temp.rls_check('owner may start a session with their current coach (public.start_session(uuid))', 'owner', 'execute', 'public.start_session(uuid)', $q$select public.start_session(md5(:'run' || '-coach')::uuid)$q$, 'allow');
select pg_temp.rls_check('owner may not start a session with another coach during the coach-switch cooldown (public.start_session(uuid))', 'owner', 'execute', 'public.start_session(uuid)', $q$select public.start_session(md5(:'run' || '-coach2')::uuid)$q$, 'deny');
select pg_temp.rls_check('owner may not start a session with an unpublished coach (public.start_session(uuid))', 'owner', 'execute', 'public.start_session(uuid)', $q$select public.start_session(md5(:'run' || '-hidden')::uuid)$q$, 'deny');
select pg_temp.rls_check('admin may not start a session with an unpublished coach (public.start_session(uuid))', 'admin', 'execute', 'public.start_session(uuid)', $q$select public.start_session(md5(:'run' || '-hidden')::uuid)$q$, 'deny');
select pg_temp.rls_check('owner may not start a second session while one is still open (public.start_session(uuid))', 'owner', 'execute', 'public.start_session(uuid)', $q$select public.start_session(null); select public.start_session(null)$q$, 'deny');
select pg_temp.rls_check('admin may not start a second session while one is still open (public.start_session(uuid))', 'admin', 'execute', 'public.start_session(uuid)', $q$select public.start_session(null); select public.start_session(null)$q$, 'deny');
select pg_temp.rls_check('owner may get the same answer for an unpublished coach and a coach that does not exist (public.start_session(uuid))', 'owner', 'execute', 'public.start_session(uuid)', $q$do $$
declare
  hidden text;
  absent text;
begin
  begin
    perform public.start_session(md5(:'run' || '-hidden')::uuid);
  exception when others then
    hidden := sqlstate || ' ' || replace(sqlerrm, md5(:'run' || '-hidden')::uuid::text, '<id>');
  end;
  begin
    perform public.start_session(md5(:'run' || '-absent')::uuid);
  exception when others then
    absent := sqlstate || ' ' || replace(sqlerrm, md5(:'run' || '-absent')::uuid::text, '<id>');
  end;
  if hidden is distinct from absent or hidden is null then
    raise exception 'hidden coach: %, absent coach: %', hidden, absent using errcode = '42501';
  end if;
end
$$$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.start_session(uuid)

-- function public.finish_session(uuid)
select pg_temp.rls_check('anon may not execute public.finish_session(uuid)', 'anon', 'execute', 'public.finish_session(uuid)', $q$select public.finish_session(md5(:'run' || '-session')::uuid)$q$, 'deny');
select pg_temp.rls_check('owner may execute public.finish_session(uuid)', 'owner', 'execute', 'public.finish_session(uuid)', $q$select public.finish_session(md5(:'run' || '-session')::uuid)$q$, 'allow');
select pg_temp.rls_check('other may not execute public.finish_session(uuid)', 'other', 'execute', 'public.finish_session(uuid)', $q$select public.finish_session(md5(:'run' || '-session')::uuid)$q$, 'deny');
select pg_temp.rls_check('editor may not execute public.finish_session(uuid)', 'editor', 'execute', 'public.finish_session(uuid)', $q$select public.finish_session(md5(:'run' || '-session')::uuid)$q$, 'deny');
select pg_temp.rls_check('admin may not execute public.finish_session(uuid)', 'admin', 'execute', 'public.finish_session(uuid)', $q$select public.finish_session(md5(:'run' || '-session')::uuid)$q$, 'deny');
select pg_temp.rls_check('service_role may not execute public.finish_session(uuid)', 'service_role', 'execute', 'public.finish_session(uuid)', $q$select public.finish_session(md5(:'run' || '-session')::uuid)$q$, 'deny');
rollback to savepoint rls_object;  -- undo the fixture rows of public.finish_session(uuid)

-- function public.switch_coach(uuid): `other` switched coach yesterday in the setup, so the cooldown refuses them
select pg_temp.rls_check('anon may not execute public.switch_coach(uuid)', 'anon', 'execute', 'public.switch_coach(uuid)', $q$select public.switch_coach(md5(:'run' || '-coach')::uuid)$q$, 'deny');
select pg_temp.rls_check('owner may execute public.switch_coach(uuid)', 'owner', 'execute', 'public.switch_coach(uuid)', $q$select public.switch_coach(md5(:'run' || '-coach')::uuid)$q$, 'allow');
select pg_temp.rls_check('other may not execute public.switch_coach(uuid)', 'other', 'execute', 'public.switch_coach(uuid)', $q$select public.switch_coach(md5(:'run' || '-coach')::uuid)$q$, 'deny');
select pg_temp.rls_check('editor may execute public.switch_coach(uuid)', 'editor', 'execute', 'public.switch_coach(uuid)', $q$select public.switch_coach(md5(:'run' || '-coach')::uuid)$q$, 'allow');
select pg_temp.rls_check('admin may execute public.switch_coach(uuid)', 'admin', 'execute', 'public.switch_coach(uuid)', $q$select public.switch_coach(md5(:'run' || '-coach')::uuid)$q$, 'allow');
select pg_temp.rls_check('service_role may not execute public.switch_coach(uuid)', 'service_role', 'execute', 'public.switch_coach(uuid)', $q$select public.switch_coach(md5(:'run' || '-coach')::uuid)$q$, 'deny');
rollback to savepoint rls_object;  -- undo the fixture rows of public.switch_coach(uuid)

-- function public.transition_drill(uuid, public.drill_status, text): editors send drafts to review; only an admin publishes (the review step)
select pg_temp.rls_check('anon may not execute public.transition_drill(uuid, public.drill_status, text)', 'anon', 'execute', 'public.transition_drill(uuid, public.drill_status, text)', $q$select public.transition_drill(md5(:'run' || '-draft')::uuid, 'in_review', 'rls')$q$, 'deny');
select pg_temp.rls_check('owner may not execute public.transition_drill(uuid, public.drill_status, text)', 'owner', 'execute', 'public.transition_drill(uuid, public.drill_status, text)', $q$select public.transition_drill(md5(:'run' || '-draft')::uuid, 'in_review', 'rls')$q$, 'deny');
select pg_temp.rls_check('other may not execute public.transition_drill(uuid, public.drill_status, text)', 'other', 'execute', 'public.transition_drill(uuid, public.drill_status, text)', $q$select public.transition_drill(md5(:'run' || '-draft')::uuid, 'in_review', 'rls')$q$, 'deny');
select pg_temp.rls_check('editor may execute public.transition_drill(uuid, public.drill_status, text)', 'editor', 'execute', 'public.transition_drill(uuid, public.drill_status, text)', $q$select public.transition_drill(md5(:'run' || '-draft')::uuid, 'in_review', 'rls')$q$, 'allow');
select pg_temp.rls_check('admin may execute public.transition_drill(uuid, public.drill_status, text)', 'admin', 'execute', 'public.transition_drill(uuid, public.drill_status, text)', $q$select public.transition_drill(md5(:'run' || '-draft')::uuid, 'in_review', 'rls')$q$, 'allow');
select pg_temp.rls_check('service_role may not execute public.transition_drill(uuid, public.drill_status, text)', 'service_role', 'execute', 'public.transition_drill(uuid, public.drill_status, text)', $q$select public.transition_drill(md5(:'run' || '-draft')::uuid, 'in_review', 'rls')$q$, 'deny');
select pg_temp.rls_check('anon may not publish a drill under review (public.transition_drill(uuid, public.drill_status, text))', 'anon', 'execute', 'public.transition_drill(uuid, public.drill_status, text)', $q$select public.transition_drill(md5(:'run' || '-review')::uuid, 'published', 'rls')$q$, 'deny');
select pg_temp.rls_check('owner may not publish a drill under review (public.transition_drill(uuid, public.drill_status, text))', 'owner', 'execute', 'public.transition_drill(uuid, public.drill_status, text)', $q$select public.transition_drill(md5(:'run' || '-review')::uuid, 'published', 'rls')$q$, 'deny');
select pg_temp.rls_check('other may not publish a drill under review (public.transition_drill(uuid, public.drill_status, text))', 'other', 'execute', 'public.transition_drill(uuid, public.drill_status, text)', $q$select public.transition_drill(md5(:'run' || '-review')::uuid, 'published', 'rls')$q$, 'deny');
select pg_temp.rls_check('editor may not publish a drill under review (public.transition_drill(uuid, public.drill_status, text))', 'editor', 'execute', 'public.transition_drill(uuid, public.drill_status, text)', $q$select public.transition_drill(md5(:'run' || '-review')::uuid, 'published', 'rls')$q$, 'deny');
select pg_temp.rls_check('admin may publish a drill under review (public.transition_drill(uuid, public.drill_status, text))', 'admin', 'execute', 'public.transition_drill(uuid, public.drill_status, text)', $q$select public.transition_drill(md5(:'run' || '-review')::uuid, 'published', 'rls')$q$, 'allow');
select pg_temp.rls_check('service_role may not publish a drill under review (public.transition_drill(uuid, public.drill_status, text))', 'service_role', 'execute', 'public.transition_drill(uuid, public.drill_status, text)', $q$select public.transition_drill(md5(:'run' || '-review')::uuid, 'published', 'rls')$q$, 'deny');
select pg_temp.rls_check('admin may not publish a drill they created (the reviewer is a second person) (public.transition_drill(uuid, public.drill_status, text))', 'admin', 'execute', 'public.transition_drill(uuid, public.drill_status, text)', $q$select public.transition_drill(md5(:'run' || '-own')::uuid, 'published', 'rls')$q$, 'deny');
select pg_temp.rls_check('admin may not publish a drill they submitted for review (the reviewer is a second person) (public.transition_drill(uuid, public.drill_status, text))', 'admin', 'execute', 'public.transition_drill(uuid, public.drill_status, text)', $q$select public.transition_drill(md5(:'run' || '-submitted')::uuid, 'published', 'rls')$q$, 'deny');
select pg_temp.rls_check('anon may not move a drill that does not exist (answered as for a hidden draft) (public.transition_drill(uuid, public.drill_status, text))', 'anon', 'execute', 'public.transition_drill(uuid, public.drill_status, text)', $q$select public.transition_drill(md5(:'run' || '-absent')::uuid, 'in_review', 'rls')$q$, 'deny');
select pg_temp.rls_check('owner may not move a drill that does not exist (answered as for a hidden draft) (public.transition_drill(uuid, public.drill_status, text))', 'owner', 'execute', 'public.transition_drill(uuid, public.drill_status, text)', $q$select public.transition_drill(md5(:'run' || '-absent')::uuid, 'in_review', 'rls')$q$, 'deny');
select pg_temp.rls_check('other may not move a drill that does not exist (answered as for a hidden draft) (public.transition_drill(uuid, public.drill_status, text))', 'other', 'execute', 'public.transition_drill(uuid, public.drill_status, text)', $q$select public.transition_drill(md5(:'run' || '-absent')::uuid, 'in_review', 'rls')$q$, 'deny');
select pg_temp.rls_check('owner may get the same answer for a hidden draft and a drill that does not exist (public.transition_drill(uuid, public.drill_status, text))', 'owner', 'execute', 'public.transition_drill(uuid, public.drill_status, text)', $q$do $$
declare
  hidden text;
  absent text;
begin
  begin
    perform public.transition_drill(md5(:'run' || '-draft')::uuid, 'in_review', 'rls');
  exception when others then
    hidden := sqlstate || ' ' || replace(sqlerrm, md5(:'run' || '-draft')::uuid::text, '<id>');
  end;
  begin
    perform public.transition_drill(md5(:'run' || '-absent')::uuid, 'in_review', 'rls');
  exception when others then
    absent := sqlstate || ' ' || replace(sqlerrm, md5(:'run' || '-absent')::uuid::text, '<id>');
  end;
  if hidden is distinct from absent or hidden is null then
    raise exception 'hidden drill: %, absent drill: %', hidden, absent using errcode = '42501';
  end if;
end
$$$q$, 'allow');
select pg_temp.rls_check('other may get the same answer for a hidden draft and a drill that does not exist (public.transition_drill(uuid, public.drill_status, text))', 'other', 'execute', 'public.transition_drill(uuid, public.drill_status, text)', $q$do $$
declare
  hidden text;
  absent text;
begin
  begin
    perform public.transition_drill(md5(:'run' || '-draft')::uuid, 'in_review', 'rls');
  exception when others then
    hidden := sqlstate || ' ' || replace(sqlerrm, md5(:'run' || '-draft')::uuid::text, '<id>');
  end;
  begin
    perform public.transition_drill(md5(:'run' || '-absent')::uuid, 'in_review', 'rls');
  exception when others then
    absent := sqlstate || ' ' || replace(sqlerrm, md5(:'run' || '-absent')::uuid::text, '<id>');
  end;
  if hidden is distinct from absent or hidden is null then
    raise exception 'hidden drill: %, absent drill: %', hidden, absent using errcode = '42501';
  end if;
end
$$$q$, 'allow');
select pg_temp.rls_check('admin may publish a drill and have the review trail stamped by the server (public.transition_drill(uuid, public.drill_status, text))', 'admin', 'select', 'public.transition_drill(uuid, public.drill_status, text)', $q$select public.transition_drill(md5(:'run' || '-review')::uuid, 'published', 'rls');
select 1 from public.drills d inner join public.drill_revisions r on r.drill_id = d.id
where d.id = md5(:'run' || '-review')::uuid and d.published_at is not null
and r.to_status = 'published' and r.actor_id = auth.uid()$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.transition_drill(uuid, public.drill_status, text)

-- function public.match_drills(extensions.vector, integer): invoker: returns what the caller may read of drills
select pg_temp.rls_check('anon may execute public.match_drills(extensions.vector, integer)', 'anon', 'execute', 'public.match_drills(extensions.vector, integer)', $q$select * from public.match_drills(array_fill(0.01, array[768])::real[]::extensions.vector, 3)$q$, 'allow');
select pg_temp.rls_check('owner may execute public.match_drills(extensions.vector, integer)', 'owner', 'execute', 'public.match_drills(extensions.vector, integer)', $q$select * from public.match_drills(array_fill(0.01, array[768])::real[]::extensions.vector, 3)$q$, 'allow');
select pg_temp.rls_check('other may execute public.match_drills(extensions.vector, integer)', 'other', 'execute', 'public.match_drills(extensions.vector, integer)', $q$select * from public.match_drills(array_fill(0.01, array[768])::real[]::extensions.vector, 3)$q$, 'allow');
select pg_temp.rls_check('editor may execute public.match_drills(extensions.vector, integer)', 'editor', 'execute', 'public.match_drills(extensions.vector, integer)', $q$select * from public.match_drills(array_fill(0.01, array[768])::real[]::extensions.vector, 3)$q$, 'allow');
select pg_temp.rls_check('admin may execute public.match_drills(extensions.vector, integer)', 'admin', 'execute', 'public.match_drills(extensions.vector, integer)', $q$select * from public.match_drills(array_fill(0.01, array[768])::real[]::extensions.vector, 3)$q$, 'allow');
select pg_temp.rls_check('service_role may execute public.match_drills(extensions.vector, integer)', 'service_role', 'execute', 'public.match_drills(extensions.vector, integer)', $q$select * from public.match_drills(array_fill(0.01, array[768])::real[]::extensions.vector, 3)$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.match_drills(extensions.vector, integer)

-- function public.close_stale_sessions(): server-only (Vercel cron): closes sessions left open longer than limits.session_max_minutes
select pg_temp.rls_check('anon may not execute public.close_stale_sessions()', 'anon', 'execute', 'public.close_stale_sessions()', $q$select public.close_stale_sessions()$q$, 'deny');
select pg_temp.rls_check('owner may not execute public.close_stale_sessions()', 'owner', 'execute', 'public.close_stale_sessions()', $q$select public.close_stale_sessions()$q$, 'deny');
select pg_temp.rls_check('other may not execute public.close_stale_sessions()', 'other', 'execute', 'public.close_stale_sessions()', $q$select public.close_stale_sessions()$q$, 'deny');
select pg_temp.rls_check('editor may not execute public.close_stale_sessions()', 'editor', 'execute', 'public.close_stale_sessions()', $q$select public.close_stale_sessions()$q$, 'deny');
select pg_temp.rls_check('admin may not execute public.close_stale_sessions()', 'admin', 'execute', 'public.close_stale_sessions()', $q$select public.close_stale_sessions()$q$, 'deny');
select pg_temp.rls_check('service_role may execute public.close_stale_sessions()', 'service_role', 'execute', 'public.close_stale_sessions()', $q$select public.close_stale_sessions()$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.close_stale_sessions()

-- function public.refresh_views(): server-only (Vercel cron with the service key)
select pg_temp.rls_check('anon may not execute public.refresh_views()', 'anon', 'execute', 'public.refresh_views()', $q$select public.refresh_views()$q$, 'deny');
select pg_temp.rls_check('owner may not execute public.refresh_views()', 'owner', 'execute', 'public.refresh_views()', $q$select public.refresh_views()$q$, 'deny');
select pg_temp.rls_check('other may not execute public.refresh_views()', 'other', 'execute', 'public.refresh_views()', $q$select public.refresh_views()$q$, 'deny');
select pg_temp.rls_check('editor may not execute public.refresh_views()', 'editor', 'execute', 'public.refresh_views()', $q$select public.refresh_views()$q$, 'deny');
select pg_temp.rls_check('admin may not execute public.refresh_views()', 'admin', 'execute', 'public.refresh_views()', $q$select public.refresh_views()$q$, 'deny');
select pg_temp.rls_check('service_role may execute public.refresh_views()', 'service_role', 'execute', 'public.refresh_views()', $q$select public.refresh_views()$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.refresh_views()

-- function public.try_lock(text): server-only; the call releases the session lock it takes
select pg_temp.rls_check('anon may not execute public.try_lock(text)', 'anon', 'execute', 'public.try_lock(text)', $q$select public.try_lock('rls-' || :'run'), public.unlock('rls-' || :'run')$q$, 'deny');
select pg_temp.rls_check('owner may not execute public.try_lock(text)', 'owner', 'execute', 'public.try_lock(text)', $q$select public.try_lock('rls-' || :'run'), public.unlock('rls-' || :'run')$q$, 'deny');
select pg_temp.rls_check('other may not execute public.try_lock(text)', 'other', 'execute', 'public.try_lock(text)', $q$select public.try_lock('rls-' || :'run'), public.unlock('rls-' || :'run')$q$, 'deny');
select pg_temp.rls_check('editor may not execute public.try_lock(text)', 'editor', 'execute', 'public.try_lock(text)', $q$select public.try_lock('rls-' || :'run'), public.unlock('rls-' || :'run')$q$, 'deny');
select pg_temp.rls_check('admin may not execute public.try_lock(text)', 'admin', 'execute', 'public.try_lock(text)', $q$select public.try_lock('rls-' || :'run'), public.unlock('rls-' || :'run')$q$, 'deny');
select pg_temp.rls_check('service_role may execute public.try_lock(text)', 'service_role', 'execute', 'public.try_lock(text)', $q$select public.try_lock('rls-' || :'run'), public.unlock('rls-' || :'run')$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.try_lock(text)

-- function public.unlock(text): server-only; the setup takes the lock (as postgres, same session) so the release has one to release
select pg_temp.rls_check('anon may not execute public.unlock(text)', 'anon', 'execute', 'public.unlock(text)', $q$select public.unlock('rls-' || :'run')$q$, 'deny');
select pg_temp.rls_check('owner may not execute public.unlock(text)', 'owner', 'execute', 'public.unlock(text)', $q$select public.unlock('rls-' || :'run')$q$, 'deny');
select pg_temp.rls_check('other may not execute public.unlock(text)', 'other', 'execute', 'public.unlock(text)', $q$select public.unlock('rls-' || :'run')$q$, 'deny');
select pg_temp.rls_check('editor may not execute public.unlock(text)', 'editor', 'execute', 'public.unlock(text)', $q$select public.unlock('rls-' || :'run')$q$, 'deny');
select pg_temp.rls_check('admin may not execute public.unlock(text)', 'admin', 'execute', 'public.unlock(text)', $q$select public.unlock('rls-' || :'run')$q$, 'deny');
select pg_temp.rls_check('service_role may execute public.unlock(text)', 'service_role', 'execute', 'public.unlock(text)', $q$select public.unlock('rls-' || :'run')$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.unlock(text)

-- function public.grant_entitlement(uuid, text, public.payment_provider, text, timestamp with time zone, integer, text): server-only: the payment webhooks; a learner calling it would grant themselves pro
select pg_temp.rls_check('anon may not execute public.grant_entitlement(uuid, text, public.payment_provider, text, timestamp with time zone, integer, text)', 'anon', 'execute', 'public.grant_entitlement(uuid, text, public.payment_provider, text, timestamp with time zone, integer, text)', $q$select public.grant_entitlement(:'owner', 'pro', 'manual', 'rls-' || :'run', null, 0, 'USD')$q$, 'deny');
select pg_temp.rls_check('owner may not execute public.grant_entitlement(uuid, text, public.payment_provider, text, timestamp with time zone, integer, text)', 'owner', 'execute', 'public.grant_entitlement(uuid, text, public.payment_provider, text, timestamp with time zone, integer, text)', $q$select public.grant_entitlement(:'owner', 'pro', 'manual', 'rls-' || :'run', null, 0, 'USD')$q$, 'deny');
select pg_temp.rls_check('other may not execute public.grant_entitlement(uuid, text, public.payment_provider, text, timestamp with time zone, integer, text)', 'other', 'execute', 'public.grant_entitlement(uuid, text, public.payment_provider, text, timestamp with time zone, integer, text)', $q$select public.grant_entitlement(:'owner', 'pro', 'manual', 'rls-' || :'run', null, 0, 'USD')$q$, 'deny');
select pg_temp.rls_check('editor may not execute public.grant_entitlement(uuid, text, public.payment_provider, text, timestamp with time zone, integer, text)', 'editor', 'execute', 'public.grant_entitlement(uuid, text, public.payment_provider, text, timestamp with time zone, integer, text)', $q$select public.grant_entitlement(:'owner', 'pro', 'manual', 'rls-' || :'run', null, 0, 'USD')$q$, 'deny');
select pg_temp.rls_check('admin may not execute public.grant_entitlement(uuid, text, public.payment_provider, text, timestamp with time zone, integer, text)', 'admin', 'execute', 'public.grant_entitlement(uuid, text, public.payment_provider, text, timestamp with time zone, integer, text)', $q$select public.grant_entitlement(:'owner', 'pro', 'manual', 'rls-' || :'run', null, 0, 'USD')$q$, 'deny');
select pg_temp.rls_check('service_role may execute public.grant_entitlement(uuid, text, public.payment_provider, text, timestamp with time zone, integer, text)', 'service_role', 'execute', 'public.grant_entitlement(uuid, text, public.payment_provider, text, timestamp with time zone, integer, text)', $q$select public.grant_entitlement(:'owner', 'pro', 'manual', 'rls-' || :'run', null, 0, 'USD')$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public.grant_entitlement(uuid, text, public.payment_provider, text, timestamp with time zone, integer, text)

-- bucket user-media: private: each learner's recordings live under <their user id>/...
select pg_temp.rls_check('anon may not select user-media', 'anon', 'select', 'user-media', $q$select 1 from storage.objects where bucket_id = 'user-media' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'deny');
select pg_temp.rls_check('owner may select user-media', 'owner', 'select', 'user-media', $q$select 1 from storage.objects where bucket_id = 'user-media' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'allow');
select pg_temp.rls_check('other may not select user-media', 'other', 'select', 'user-media', $q$select 1 from storage.objects where bucket_id = 'user-media' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'deny');
select pg_temp.rls_check('editor may not select user-media', 'editor', 'select', 'user-media', $q$select 1 from storage.objects where bucket_id = 'user-media' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'deny');
select pg_temp.rls_check('admin may not select user-media', 'admin', 'select', 'user-media', $q$select 1 from storage.objects where bucket_id = 'user-media' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'deny');
select pg_temp.rls_check('service_role may select user-media', 'service_role', 'select', 'user-media', $q$select 1 from storage.objects where bucket_id = 'user-media' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'allow');
select pg_temp.rls_check('anon may not insert user-media', 'anon', 'insert', 'user-media', $q$insert into storage.objects (bucket_id, name, owner, owner_id) values ('user-media', :'owner' || '/rls-new-' || :'run' || '.txt', :'owner', :'owner')$q$, 'deny');
select pg_temp.rls_check('owner may insert user-media', 'owner', 'insert', 'user-media', $q$insert into storage.objects (bucket_id, name, owner, owner_id) values ('user-media', :'owner' || '/rls-new-' || :'run' || '.txt', :'owner', :'owner')$q$, 'allow');
select pg_temp.rls_check('other may not insert user-media', 'other', 'insert', 'user-media', $q$insert into storage.objects (bucket_id, name, owner, owner_id) values ('user-media', :'owner' || '/rls-new-' || :'run' || '.txt', :'owner', :'owner')$q$, 'deny');
select pg_temp.rls_check('editor may not insert user-media', 'editor', 'insert', 'user-media', $q$insert into storage.objects (bucket_id, name, owner, owner_id) values ('user-media', :'owner' || '/rls-new-' || :'run' || '.txt', :'owner', :'owner')$q$, 'deny');
select pg_temp.rls_check('admin may not insert user-media', 'admin', 'insert', 'user-media', $q$insert into storage.objects (bucket_id, name, owner, owner_id) values ('user-media', :'owner' || '/rls-new-' || :'run' || '.txt', :'owner', :'owner')$q$, 'deny');
select pg_temp.rls_check('service_role may insert user-media', 'service_role', 'insert', 'user-media', $q$insert into storage.objects (bucket_id, name, owner, owner_id) values ('user-media', :'owner' || '/rls-new-' || :'run' || '.txt', :'owner', :'owner')$q$, 'allow');
select pg_temp.rls_check('anon may not update user-media', 'anon', 'update', 'user-media', $q$update storage.objects set updated_at = updated_at where bucket_id = 'user-media' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'deny');
select pg_temp.rls_check('owner may update user-media', 'owner', 'update', 'user-media', $q$update storage.objects set updated_at = updated_at where bucket_id = 'user-media' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'allow');
select pg_temp.rls_check('other may not update user-media', 'other', 'update', 'user-media', $q$update storage.objects set updated_at = updated_at where bucket_id = 'user-media' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'deny');
select pg_temp.rls_check('editor may not update user-media', 'editor', 'update', 'user-media', $q$update storage.objects set updated_at = updated_at where bucket_id = 'user-media' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'deny');
select pg_temp.rls_check('admin may not update user-media', 'admin', 'update', 'user-media', $q$update storage.objects set updated_at = updated_at where bucket_id = 'user-media' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'deny');
select pg_temp.rls_check('service_role may update user-media', 'service_role', 'update', 'user-media', $q$update storage.objects set updated_at = updated_at where bucket_id = 'user-media' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'allow');
select pg_temp.rls_check('anon may not delete user-media', 'anon', 'delete', 'user-media', $q$delete from storage.objects where bucket_id = 'user-media' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'deny');
select pg_temp.rls_check('owner may delete user-media', 'owner', 'delete', 'user-media', $q$delete from storage.objects where bucket_id = 'user-media' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'allow');
select pg_temp.rls_check('other may not delete user-media', 'other', 'delete', 'user-media', $q$delete from storage.objects where bucket_id = 'user-media' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'deny');
select pg_temp.rls_check('editor may not delete user-media', 'editor', 'delete', 'user-media', $q$delete from storage.objects where bucket_id = 'user-media' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'deny');
select pg_temp.rls_check('admin may not delete user-media', 'admin', 'delete', 'user-media', $q$delete from storage.objects where bucket_id = 'user-media' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'deny');
select pg_temp.rls_check('service_role may delete user-media', 'service_role', 'delete', 'user-media', $q$delete from storage.objects where bucket_id = 'user-media' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'allow');
select pg_temp.rls_check('owner may upload into another learner''s folder under their own owner id (user-media)', 'owner', 'insert', 'user-media', $q$insert into storage.objects (bucket_id, name, owner, owner_id)
values ('user-media', :'owner' || '/planted-' || :'run' || '.mp3', auth.uid(), auth.uid()::text)$q$, 'allow');
select pg_temp.rls_check('other may not upload into another learner''s folder under their own owner id (user-media)', 'other', 'insert', 'user-media', $q$insert into storage.objects (bucket_id, name, owner, owner_id)
values ('user-media', :'owner' || '/planted-' || :'run' || '.mp3', auth.uid(), auth.uid()::text)$q$, 'deny');
select pg_temp.rls_check('editor may not upload into another learner''s folder under their own owner id (user-media)', 'editor', 'insert', 'user-media', $q$insert into storage.objects (bucket_id, name, owner, owner_id)
values ('user-media', :'owner' || '/planted-' || :'run' || '.mp3', auth.uid(), auth.uid()::text)$q$, 'deny');
select pg_temp.rls_check('admin may not upload into another learner''s folder under their own owner id (user-media)', 'admin', 'insert', 'user-media', $q$insert into storage.objects (bucket_id, name, owner, owner_id)
values ('user-media', :'owner' || '/planted-' || :'run' || '.mp3', auth.uid(), auth.uid()::text)$q$, 'deny');
select pg_temp.rls_check('owner may not upload to the bucket root, outside any user folder (user-media)', 'owner', 'insert', 'user-media', $q$insert into storage.objects (bucket_id, name, owner, owner_id)
values ('user-media', 'root-' || :'run' || '.mp3', auth.uid(), auth.uid()::text)$q$, 'deny');
select pg_temp.rls_check('admin may not upload to the bucket root, outside any user folder (user-media)', 'admin', 'insert', 'user-media', $q$insert into storage.objects (bucket_id, name, owner, owner_id)
values ('user-media', 'root-' || :'run' || '.mp3', auth.uid(), auth.uid()::text)$q$, 'deny');
select pg_temp.rls_check('owner may not move their own object into another learner''s folder (user-media)', 'owner', 'update', 'user-media', $q$update storage.objects set name = :'other' || '/moved-' || :'run' || '.txt'
where bucket_id = 'user-media' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'deny');
rollback to savepoint rls_object;  -- undo the fixture rows of user-media

-- bucket public-assets: public bucket: files are served by URL without RLS; through the API only admins list, upload, update and delete
select pg_temp.rls_check('anon may not select public-assets', 'anon', 'select', 'public-assets', $q$select 1 from storage.objects where bucket_id = 'public-assets' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'deny');
select pg_temp.rls_check('owner may not select public-assets', 'owner', 'select', 'public-assets', $q$select 1 from storage.objects where bucket_id = 'public-assets' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'deny');
select pg_temp.rls_check('other may not select public-assets', 'other', 'select', 'public-assets', $q$select 1 from storage.objects where bucket_id = 'public-assets' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'deny');
select pg_temp.rls_check('editor may not select public-assets', 'editor', 'select', 'public-assets', $q$select 1 from storage.objects where bucket_id = 'public-assets' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'deny');
select pg_temp.rls_check('admin may select public-assets', 'admin', 'select', 'public-assets', $q$select 1 from storage.objects where bucket_id = 'public-assets' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'allow');
select pg_temp.rls_check('service_role may select public-assets', 'service_role', 'select', 'public-assets', $q$select 1 from storage.objects where bucket_id = 'public-assets' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'allow');
select pg_temp.rls_check('anon may not insert public-assets', 'anon', 'insert', 'public-assets', $q$insert into storage.objects (bucket_id, name, owner, owner_id) values ('public-assets', :'owner' || '/rls-new-' || :'run' || '.txt', :'owner', :'owner')$q$, 'deny');
select pg_temp.rls_check('owner may not insert public-assets', 'owner', 'insert', 'public-assets', $q$insert into storage.objects (bucket_id, name, owner, owner_id) values ('public-assets', :'owner' || '/rls-new-' || :'run' || '.txt', :'owner', :'owner')$q$, 'deny');
select pg_temp.rls_check('other may not insert public-assets', 'other', 'insert', 'public-assets', $q$insert into storage.objects (bucket_id, name, owner, owner_id) values ('public-assets', :'owner' || '/rls-new-' || :'run' || '.txt', :'owner', :'owner')$q$, 'deny');
select pg_temp.rls_check('editor may not insert public-assets', 'editor', 'insert', 'public-assets', $q$insert into storage.objects (bucket_id, name, owner, owner_id) values ('public-assets', :'owner' || '/rls-new-' || :'run' || '.txt', :'owner', :'owner')$q$, 'deny');
select pg_temp.rls_check('admin may insert public-assets', 'admin', 'insert', 'public-assets', $q$insert into storage.objects (bucket_id, name, owner, owner_id) values ('public-assets', :'owner' || '/rls-new-' || :'run' || '.txt', :'owner', :'owner')$q$, 'allow');
select pg_temp.rls_check('service_role may insert public-assets', 'service_role', 'insert', 'public-assets', $q$insert into storage.objects (bucket_id, name, owner, owner_id) values ('public-assets', :'owner' || '/rls-new-' || :'run' || '.txt', :'owner', :'owner')$q$, 'allow');
select pg_temp.rls_check('anon may not update public-assets', 'anon', 'update', 'public-assets', $q$update storage.objects set updated_at = updated_at where bucket_id = 'public-assets' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'deny');
select pg_temp.rls_check('owner may not update public-assets', 'owner', 'update', 'public-assets', $q$update storage.objects set updated_at = updated_at where bucket_id = 'public-assets' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'deny');
select pg_temp.rls_check('other may not update public-assets', 'other', 'update', 'public-assets', $q$update storage.objects set updated_at = updated_at where bucket_id = 'public-assets' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'deny');
select pg_temp.rls_check('editor may not update public-assets', 'editor', 'update', 'public-assets', $q$update storage.objects set updated_at = updated_at where bucket_id = 'public-assets' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'deny');
select pg_temp.rls_check('admin may update public-assets', 'admin', 'update', 'public-assets', $q$update storage.objects set updated_at = updated_at where bucket_id = 'public-assets' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'allow');
select pg_temp.rls_check('service_role may update public-assets', 'service_role', 'update', 'public-assets', $q$update storage.objects set updated_at = updated_at where bucket_id = 'public-assets' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'allow');
select pg_temp.rls_check('anon may not delete public-assets', 'anon', 'delete', 'public-assets', $q$delete from storage.objects where bucket_id = 'public-assets' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'deny');
select pg_temp.rls_check('owner may not delete public-assets', 'owner', 'delete', 'public-assets', $q$delete from storage.objects where bucket_id = 'public-assets' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'deny');
select pg_temp.rls_check('other may not delete public-assets', 'other', 'delete', 'public-assets', $q$delete from storage.objects where bucket_id = 'public-assets' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'deny');
select pg_temp.rls_check('editor may not delete public-assets', 'editor', 'delete', 'public-assets', $q$delete from storage.objects where bucket_id = 'public-assets' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'deny');
select pg_temp.rls_check('admin may delete public-assets', 'admin', 'delete', 'public-assets', $q$delete from storage.objects where bucket_id = 'public-assets' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'allow');
select pg_temp.rls_check('service_role may delete public-assets', 'service_role', 'delete', 'public-assets', $q$delete from storage.objects where bucket_id = 'public-assets' and name = :'owner' || '/rls-fixture-' || :'run' || '.txt'$q$, 'allow');
rollback to savepoint rls_object;  -- undo the fixture rows of public-assets

select pg_temp.rls_summary();

-- A failure stops psql here (ON_ERROR_STOP: exit code 3); the transaction dies with the session.
do $$
begin
  if pg_temp.rls_count('rls_failures') > 0 then
    raise exception '% check(s) failed: see the not ok lines above', pg_temp.rls_count('rls_failures');
  end if;
end
$$;

rollback;
