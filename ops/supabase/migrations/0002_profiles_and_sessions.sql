-- migration: 0002_profiles_and_sessions
-- purpose: profiles (1:1 with auth.users), coach personas, practice sessions and scored attempts; is_admin helpers
-- rollback: drop table public.attempts, public.sessions, public.profiles, public.coaches; drop function public.is_admin(), public.is_editor(), public.handle_new_user(), public.protect_profile_role()

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

create table if not exists public.coaches (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  display_name text not null,
  persona text not null,
  is_published boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.coaches is 'AI coach personas; published ones are the public catalogue.';
comment on column public.coaches.id is 'Surrogate key.';
comment on column public.coaches.slug is 'Stable URL name.';
comment on column public.coaches.display_name is 'Name shown to learners.';
comment on column public.coaches.persona is 'Prompt persona description.';
comment on column public.coaches.is_published is 'Visible to anon and learners when true.';
comment on column public.coaches.created_at is 'Creation time.';
comment on column public.coaches.updated_at is 'Last change, maintained by trigger.';

create table if not exists public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  role public.user_role not null default 'learner',
  display_name text check (char_length(display_name) <= 80),
  coach_id uuid references public.coaches (id) on delete set null,
  locale text not null default 'en' check (locale ~ '^[a-z]{2}(-[A-Z]{2})?$'),
  timezone text not null default 'UTC',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.profiles is 'One row per auth user; role can only be changed by admins or the server.';
comment on column public.profiles.id is 'Same id as auth.users.id.';
comment on column public.profiles.role is 'App role; guarded by protect_profile_role().';
comment on column public.profiles.display_name is 'Name shown in the app.';
comment on column public.profiles.coach_id is 'Chosen coach; changed through switch_coach() (cooldown).';
comment on column public.profiles.locale is 'BCP-47 language tag.';
comment on column public.profiles.timezone is 'IANA time zone for daily limits and recaps.';
comment on column public.profiles.created_at is 'Creation time.';
comment on column public.profiles.updated_at is 'Last change, maintained by trigger.';
create index if not exists profiles_coach_id_idx on public.profiles (coach_id);

create table if not exists public.sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  coach_id uuid references public.coaches (id) on delete set null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  minutes_used numeric(6, 2) check (minutes_used >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (finished_at is null or finished_at >= started_at)
);
comment on table public.sessions is 'A practice session of one learner; started and finished through RPCs.';
comment on column public.sessions.id is 'Surrogate key.';
comment on column public.sessions.user_id is 'Owning learner.';
comment on column public.sessions.coach_id is 'Coach persona used.';
comment on column public.sessions.started_at is 'Set by start_session().';
comment on column public.sessions.finished_at is 'Set by finish_session(); null while running.';
comment on column public.sessions.minutes_used is 'Duration counted against daily limits.';
comment on column public.sessions.created_at is 'Creation time.';
comment on column public.sessions.updated_at is 'Last change, maintained by trigger.';
create index if not exists sessions_user_id_started_at_idx on public.sessions (user_id, started_at desc);
create index if not exists sessions_coach_id_idx on public.sessions (coach_id);

create table if not exists public.attempts (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  session_id uuid references public.sessions (id) on delete cascade,
  drill_id uuid,
  score numeric(5, 2) check (score between 0 and 100),
  response text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.attempts is 'One scored answer to a drill item; owned by its learner.';
comment on column public.attempts.id is 'Surrogate key.';
comment on column public.attempts.user_id is 'Owning learner.';
comment on column public.attempts.session_id is 'Session it belongs to.';
comment on column public.attempts.drill_id is 'Drill answered (foreign key added in 0003).';
comment on column public.attempts.score is 'Score 0-100 from the coach.';
comment on column public.attempts.response is 'Learner answer (text or transcript).';
comment on column public.attempts.created_at is 'When it was submitted.';
comment on column public.attempts.updated_at is 'Last change, maintained by trigger.';
create index if not exists attempts_user_id_created_at_idx on public.attempts (user_id, created_at desc);
create index if not exists attempts_session_id_idx on public.attempts (session_id);
create index if not exists attempts_drill_id_idx on public.attempts (drill_id);

create or replace trigger coaches_set_updated_at before update on public.coaches
  for each row execute function public.set_updated_at();
create or replace trigger profiles_set_updated_at before update on public.profiles
  for each row execute function public.set_updated_at();
create or replace trigger sessions_set_updated_at before update on public.sessions
  for each row execute function public.set_updated_at();
create or replace trigger attempts_set_updated_at before update on public.attempts
  for each row execute function public.set_updated_at();

alter table public.coaches enable row level security;
alter table public.profiles enable row level security;
alter table public.sessions enable row level security;
alter table public.attempts enable row level security;

-- Definer helpers read profiles without going through its RLS (no recursion in policies).
create or replace function public.is_admin() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.profiles p where p.id = auth.uid() and p.role = 'admin')
$$;
comment on function public.is_admin() is 'True when the caller''s profile is admin. Definer: bypasses profiles RLS, so policies can call it.';

create or replace function public.is_editor() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.profiles p where p.id = auth.uid() and p.role in ('editor', 'admin'))
$$;
comment on function public.is_editor() is 'True when the caller is editor or admin.';

revoke execute on function public.is_admin(), public.is_editor() from public, anon;
grant execute on function public.is_admin(), public.is_editor() to authenticated, service_role;

-- A profile for every new auth user, as Supabase's auth hook pattern does.
create or replace function public.handle_new_user() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  insert into public.profiles (id) values (new.id) on conflict (id) do nothing;
  return new;
end
$$;
comment on function public.handle_new_user() is 'Creates the profile row of a new auth.users row.';
revoke execute on function public.handle_new_user() from public, anon, authenticated;

create or replace trigger on_auth_user_created after insert on auth.users
  for each row execute function public.handle_new_user();

-- Nobody raises their own role: only admins (and the server, which has no auth.uid()) may change it.
create or replace function public.protect_profile_role() returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  if new.role is distinct from old.role and auth.uid() is not null and not public.is_admin() then
    raise exception 'only an admin can change a profile role' using errcode = '42501';
  end if;
  return new;
end
$$;
comment on function public.protect_profile_role() is 'Before-update guard: role changes need an admin or the server.';

create or replace trigger profiles_protect_role before update on public.profiles
  for each row execute function public.protect_profile_role();

revoke all on public.coaches, public.profiles, public.sessions, public.attempts from anon, authenticated;
grant select on public.coaches to anon, authenticated;
grant insert, update, delete on public.coaches to authenticated;
grant select on public.profiles to authenticated;
grant update (display_name, locale, timezone, role) on public.profiles to authenticated;
grant select on public.sessions to authenticated;
grant select, insert on public.attempts to authenticated;
grant all on public.coaches, public.profiles, public.sessions, public.attempts to service_role;
