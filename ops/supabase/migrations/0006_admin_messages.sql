-- migration: 0006_admin_messages
-- purpose: messages from admins to one learner or to everyone, with read receipts
-- rollback: drop table public.admin_message_reads, public.admin_messages

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

create table if not exists public.admin_messages (
  id uuid primary key default gen_random_uuid(),
  recipient_id uuid references auth.users (id) on delete cascade,
  sender_id uuid references auth.users (id) on delete set null default auth.uid(),
  title text not null,
  body text not null,
  created_at timestamptz not null default now()
);
comment on table public.admin_messages is 'Admin announcements: recipient_id null means a broadcast to every learner.';
comment on column public.admin_messages.id is 'Surrogate key.';
comment on column public.admin_messages.recipient_id is 'Target learner; null for a broadcast.';
comment on column public.admin_messages.sender_id is 'Admin who sent it.';
comment on column public.admin_messages.title is 'Headline.';
comment on column public.admin_messages.body is 'Message text.';
comment on column public.admin_messages.created_at is 'When it was sent.';
create index if not exists admin_messages_recipient_id_idx on public.admin_messages (recipient_id, created_at desc);
create index if not exists admin_messages_sender_id_idx on public.admin_messages (sender_id);

create table if not exists public.admin_message_reads (
  message_id uuid not null references public.admin_messages (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade default auth.uid(),
  read_at timestamptz not null default now(),
  primary key (message_id, user_id)
);
comment on table public.admin_message_reads is 'Read receipts: a learner marks a message read by inserting a row.';
comment on column public.admin_message_reads.message_id is 'Message read.';
comment on column public.admin_message_reads.user_id is 'Reader.';
comment on column public.admin_message_reads.read_at is 'When it was read.';
create index if not exists admin_message_reads_user_id_idx on public.admin_message_reads (user_id);

alter table public.admin_messages enable row level security;
alter table public.admin_message_reads enable row level security;

revoke all on public.admin_messages, public.admin_message_reads from anon, authenticated;
grant select, insert, update, delete on public.admin_messages to authenticated;
grant select, insert, delete on public.admin_message_reads to authenticated;
grant all on public.admin_messages, public.admin_message_reads to service_role;
