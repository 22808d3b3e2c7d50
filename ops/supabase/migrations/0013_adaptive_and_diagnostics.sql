-- migration: 0013_adaptive_and_diagnostics
-- purpose: per-skill ability estimates (server-written) and diagnostic runs with answers
-- rollback: drop table public.diagnostic_answers, public.diagnostic_runs, public.skill_estimates

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

create table if not exists public.skill_estimates (
  user_id uuid not null references auth.users (id) on delete cascade,
  skill text not null check (skill in ('speaking', 'listening', 'vocabulary', 'grammar', 'pronunciation')),
  estimate numeric(5, 2) not null check (estimate between 0 and 100),
  confidence numeric(4, 3) not null default 0 check (confidence between 0 and 1),
  updated_at timestamptz not null default now(),
  primary key (user_id, skill)
);
comment on table public.skill_estimates is 'Adaptive engine output per learner and skill; written by the server only.';
comment on column public.skill_estimates.user_id is 'Learner.';
comment on column public.skill_estimates.skill is 'Skill estimated.';
comment on column public.skill_estimates.estimate is 'Ability 0-100.';
comment on column public.skill_estimates.confidence is 'Confidence 0-1.';
comment on column public.skill_estimates.updated_at is 'Last change, maintained by trigger.';

create table if not exists public.diagnostic_runs (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade default auth.uid(),
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  result jsonb
);
comment on table public.diagnostic_runs is 'A placement test taken by a learner.';
comment on column public.diagnostic_runs.id is 'Surrogate key.';
comment on column public.diagnostic_runs.user_id is 'Learner.';
comment on column public.diagnostic_runs.started_at is 'Start time.';
comment on column public.diagnostic_runs.finished_at is 'End time; null while running.';
comment on column public.diagnostic_runs.result is 'Per-skill result written by the server.';
create index if not exists diagnostic_runs_user_id_idx on public.diagnostic_runs (user_id);

create table if not exists public.diagnostic_answers (
  id uuid primary key default gen_random_uuid(),
  run_id uuid not null references public.diagnostic_runs (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade default auth.uid(),
  question_key text not null,
  answer text not null,
  created_at timestamptz not null default now()
);
comment on table public.diagnostic_answers is 'Answers within a diagnostic run.';
comment on column public.diagnostic_answers.id is 'Surrogate key.';
comment on column public.diagnostic_answers.run_id is 'Run answered in.';
comment on column public.diagnostic_answers.user_id is 'Learner (denormalised for a fast RLS filter).';
comment on column public.diagnostic_answers.question_key is 'Question identifier.';
comment on column public.diagnostic_answers.answer is 'Learner answer.';
comment on column public.diagnostic_answers.created_at is 'When answered.';
create index if not exists diagnostic_answers_run_id_idx on public.diagnostic_answers (run_id);
create index if not exists diagnostic_answers_user_id_idx on public.diagnostic_answers (user_id);

create or replace trigger skill_estimates_set_updated_at before update on public.skill_estimates
  for each row execute function public.set_updated_at();
alter table public.skill_estimates enable row level security;
alter table public.diagnostic_runs enable row level security;
alter table public.diagnostic_answers enable row level security;

drop policy if exists skill_estimates_select on public.skill_estimates;
create policy skill_estimates_select on public.skill_estimates for select to authenticated
  using (user_id = (select auth.uid()) or (select public.is_admin()));
drop policy if exists diagnostic_runs_select on public.diagnostic_runs;
create policy diagnostic_runs_select on public.diagnostic_runs for select to authenticated
  using (user_id = (select auth.uid()) or (select public.is_admin()));
drop policy if exists diagnostic_runs_insert on public.diagnostic_runs;
create policy diagnostic_runs_insert on public.diagnostic_runs for insert to authenticated
  with check (user_id = (select auth.uid()));
drop policy if exists diagnostic_answers_select on public.diagnostic_answers;
create policy diagnostic_answers_select on public.diagnostic_answers for select to authenticated
  using (user_id = (select auth.uid()) or (select public.is_admin()));
drop policy if exists diagnostic_answers_insert on public.diagnostic_answers;
create policy diagnostic_answers_insert on public.diagnostic_answers for insert to authenticated
  with check (user_id = (select auth.uid()) and exists (
    select 1
    from public.diagnostic_runs r
    where r.id = diagnostic_answers.run_id and r.user_id = (select auth.uid()) and r.finished_at is null
    )
    );

revoke all on public.skill_estimates, public.diagnostic_runs, public.diagnostic_answers from anon, authenticated;
grant select on public.skill_estimates to authenticated;
grant select, insert on public.diagnostic_runs, public.diagnostic_answers to authenticated;
grant all on public.skill_estimates, public.diagnostic_runs, public.diagnostic_answers to service_role;
