-- migration: 0005_support_tickets
-- purpose: support tickets and their messages; staff-only fields learners cannot write
-- rollback: drop table public.ticket_internal_notes, public.ticket_messages, public.support_tickets

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

create table if not exists public.support_tickets (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade default auth.uid(),
  subject text not null check (char_length(subject) between 1 and 200),
  status text not null default 'open' check (status in ('open', 'pending', 'closed')),
  priority text not null default 'normal' check (priority in ('low', 'normal', 'high')),
  assignee_id uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.support_tickets is 'Learner support requests; status, priority and assignee are staff fields (update is admin-only).';
comment on column public.support_tickets.id is 'Surrogate key.';
comment on column public.support_tickets.user_id is 'Learner who opened it.';
comment on column public.support_tickets.subject is 'Short subject line.';
comment on column public.support_tickets.status is 'open, pending or closed (staff).';
comment on column public.support_tickets.priority is 'low, normal or high (staff).';
comment on column public.support_tickets.assignee_id is 'Admin handling it.';
comment on column public.support_tickets.created_at is 'Creation time.';
comment on column public.support_tickets.updated_at is 'Last change, maintained by trigger.';
create index if not exists support_tickets_user_id_idx on public.support_tickets (user_id);
create index if not exists support_tickets_assignee_id_idx on public.support_tickets (assignee_id);

create table if not exists public.ticket_messages (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references public.support_tickets (id) on delete cascade,
  author_id uuid not null references auth.users (id) on delete cascade default auth.uid(),
  body text not null check (char_length(body) between 1 and 10000),
  created_at timestamptz not null default now()
);
comment on table public.ticket_messages is 'Conversation on a ticket between the learner and staff.';
comment on column public.ticket_messages.id is 'Surrogate key.';
comment on column public.ticket_messages.ticket_id is 'Parent ticket.';
comment on column public.ticket_messages.author_id is 'Who wrote it.';
comment on column public.ticket_messages.body is 'Message text.';
comment on column public.ticket_messages.created_at is 'When it was sent.';
create index if not exists ticket_messages_ticket_id_idx on public.ticket_messages (ticket_id, created_at);
create index if not exists ticket_messages_author_id_idx on public.ticket_messages (author_id);

create table if not exists public.ticket_internal_notes (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references public.support_tickets (id) on delete cascade,
  author_id uuid references auth.users (id) on delete set null default auth.uid(),
  body text not null,
  created_at timestamptz not null default now()
);
comment on table public.ticket_internal_notes is 'Staff-only notes on a ticket: a separate table so no learner-readable row carries them.';
comment on column public.ticket_internal_notes.id is 'Surrogate key.';
comment on column public.ticket_internal_notes.ticket_id is 'Ticket the note is about.';
comment on column public.ticket_internal_notes.author_id is 'Admin who wrote it.';
comment on column public.ticket_internal_notes.body is 'Note text.';
comment on column public.ticket_internal_notes.created_at is 'When it was written.';
create index if not exists ticket_internal_notes_ticket_id_idx on public.ticket_internal_notes (ticket_id);
create index if not exists ticket_internal_notes_author_id_idx on public.ticket_internal_notes (author_id);

create or replace trigger support_tickets_set_updated_at before update on public.support_tickets
  for each row execute function public.set_updated_at();
alter table public.support_tickets enable row level security;
alter table public.ticket_messages enable row level security;
alter table public.ticket_internal_notes enable row level security;

revoke all on public.support_tickets, public.ticket_messages, public.ticket_internal_notes from anon, authenticated;
grant select, delete on public.support_tickets to authenticated;
grant insert (user_id, subject) on public.support_tickets to authenticated;
grant update (subject, status, priority, assignee_id) on public.support_tickets to authenticated;
grant select, insert, update, delete on public.ticket_internal_notes to authenticated;
grant select, insert on public.ticket_messages to authenticated;
grant all on public.support_tickets, public.ticket_messages, public.ticket_internal_notes to service_role;
