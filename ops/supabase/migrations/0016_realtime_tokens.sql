-- migration: 0016_realtime_tokens
-- purpose: short-lived realtime session tokens: only a hash is stored; issued and checked by the server
-- rollback: drop table public.realtime_tokens

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

create table if not exists public.realtime_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  token_sha256 text not null unique check (token_sha256 ~ '^[0-9a-f]{64}$'),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  check (expires_at > created_at)
);
comment on table public.realtime_tokens is 'Server-only: hashes of realtime tokens; no client role can read or write it.';
comment on column public.realtime_tokens.id is 'Surrogate key.';
comment on column public.realtime_tokens.user_id is 'Learner the token was issued to.';
comment on column public.realtime_tokens.token_sha256 is 'sha256 of the token; the token itself is never stored.';
comment on column public.realtime_tokens.expires_at is 'Expiry (minutes after issue).';
comment on column public.realtime_tokens.revoked_at is 'Set when revoked early.';
comment on column public.realtime_tokens.created_at is 'Issue time.';
create index if not exists realtime_tokens_user_id_idx on public.realtime_tokens (user_id);

alter table public.realtime_tokens enable row level security;
-- No policies: RLS denies every client row; service_role bypasses RLS.
revoke all on public.realtime_tokens from anon, authenticated;
grant all on public.realtime_tokens to service_role;
