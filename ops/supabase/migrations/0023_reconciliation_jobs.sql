-- migration: 0023_reconciliation_jobs
-- purpose: jobs that match provider events to ledger rows, and the mismatches they find
-- rollback: drop table public.reconciliation_mismatches, public.reconciliation_jobs

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

create table if not exists public.reconciliation_jobs (
  id uuid primary key default gen_random_uuid(),
  provider public.payment_provider not null,
  period_start timestamptz not null,
  period_end timestamptz not null,
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  started_at timestamptz,
  finished_at timestamptz,
  created_at timestamptz not null default now(),
  check (period_end > period_start)
);
comment on table public.reconciliation_jobs is 'Server-run reconciliation of provider events against the ledger; admins read.';
comment on column public.reconciliation_jobs.id is 'Surrogate key.';
comment on column public.reconciliation_jobs.provider is 'Provider reconciled.';
comment on column public.reconciliation_jobs.period_start is 'Start of the period checked.';
comment on column public.reconciliation_jobs.period_end is 'End of the period checked.';
comment on column public.reconciliation_jobs.status is 'queued, running, done or failed.';
comment on column public.reconciliation_jobs.started_at is 'Run start.';
comment on column public.reconciliation_jobs.finished_at is 'Run end.';
comment on column public.reconciliation_jobs.created_at is 'Creation time.';

create table if not exists public.reconciliation_mismatches (
  id uuid primary key default gen_random_uuid(),
  job_id uuid not null references public.reconciliation_jobs (id) on delete cascade,
  payment_event_id uuid references public.payment_events (id) on delete set null,
  ledger_id uuid references public.entitlement_ledger (id) on delete set null,
  kind text not null check (kind in ('missing_ledger', 'missing_event', 'amount_differs')),
  resolved_at timestamptz,
  created_at timestamptz not null default now()
);
comment on table public.reconciliation_mismatches is 'Differences found by a reconciliation job.';
comment on column public.reconciliation_mismatches.id is 'Surrogate key.';
comment on column public.reconciliation_mismatches.job_id is 'Job that found it.';
comment on column public.reconciliation_mismatches.payment_event_id is 'Provider event concerned.';
comment on column public.reconciliation_mismatches.ledger_id is 'Ledger row concerned.';
comment on column public.reconciliation_mismatches.kind is 'missing_ledger, missing_event or amount_differs.';
comment on column public.reconciliation_mismatches.resolved_at is 'When an admin resolved it.';
comment on column public.reconciliation_mismatches.created_at is 'Creation time.';
create index if not exists reconciliation_mismatches_job_id_idx on public.reconciliation_mismatches (job_id);
create index if not exists reconciliation_mismatches_payment_event_id_idx on public.reconciliation_mismatches (
  payment_event_id
);
create index if not exists reconciliation_mismatches_ledger_id_idx on public.reconciliation_mismatches (ledger_id);

alter table public.reconciliation_jobs enable row level security;
alter table public.reconciliation_mismatches enable row level security;
drop policy if exists reconciliation_jobs_admin_select on public.reconciliation_jobs;
create policy reconciliation_jobs_admin_select on public.reconciliation_jobs for select to authenticated
  using ((select public.is_admin()));
drop policy if exists reconciliation_mismatches_admin_select on public.reconciliation_mismatches;
create policy reconciliation_mismatches_admin_select on public.reconciliation_mismatches for select to authenticated
  using ((select public.is_admin()));
revoke all on public.reconciliation_jobs, public.reconciliation_mismatches from anon, authenticated;
grant select on public.reconciliation_jobs, public.reconciliation_mismatches to authenticated;
grant all on public.reconciliation_jobs, public.reconciliation_mismatches to service_role;
