-- migration: 0025_expressions_pack
-- purpose: expressions content pack and each learner's progress on it
-- rollback: drop table public.expression_progress, public.expressions

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

create table if not exists public.expressions (
  id uuid primary key default gen_random_uuid(),
  pack_id uuid references public.practice_packs (id) on delete set null,
  phrase text not null,
  meaning text not null,
  example text,
  is_published boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.expressions is 'Idioms and phrases with meaning and example; published ones are public.';
comment on column public.expressions.id is 'Surrogate key.';
comment on column public.expressions.pack_id is 'Pack it belongs to.';
comment on column public.expressions.phrase is 'The expression.';
comment on column public.expressions.meaning is 'Plain-language meaning.';
comment on column public.expressions.example is 'Example sentence.';
comment on column public.expressions.is_published is 'Public when true.';
comment on column public.expressions.created_at is 'Creation time.';
comment on column public.expressions.updated_at is 'Last change, maintained by trigger.';
create index if not exists expressions_pack_id_idx on public.expressions (pack_id);

create table if not exists public.expression_progress (
  user_id uuid not null references auth.users (id) on delete cascade default auth.uid(),
  expression_id uuid not null references public.expressions (id) on delete cascade,
  mastery smallint not null default 0 check (mastery between 0 and 5),
  updated_at timestamptz not null default now(),
  primary key (user_id, expression_id)
);
comment on table public.expression_progress is 'A learner''s mastery of each expression.';
comment on column public.expression_progress.user_id is 'Learner.';
comment on column public.expression_progress.expression_id is 'Expression.';
comment on column public.expression_progress.mastery is 'Mastery 0-5.';
comment on column public.expression_progress.updated_at is 'Last change, maintained by trigger.';
create index if not exists expression_progress_expression_id_idx on public.expression_progress (expression_id);

create or replace trigger expressions_set_updated_at before update on public.expressions
  for each row execute function public.set_updated_at();
create or replace trigger expression_progress_set_updated_at before update on public.expression_progress
  for each row execute function public.set_updated_at();
alter table public.expressions enable row level security;
alter table public.expression_progress enable row level security;

drop policy if exists expressions_select_anon on public.expressions;
create policy expressions_select_anon on public.expressions for select to anon
  using (is_published);
drop policy if exists expressions_select on public.expressions;
create policy expressions_select on public.expressions for select to authenticated
  using (is_published or (select public.is_editor()));
drop policy if exists expressions_insert on public.expressions;
create policy expressions_insert on public.expressions for insert to authenticated
  with check ((select public.is_admin()));
drop policy if exists expressions_update on public.expressions;
create policy expressions_update on public.expressions for update to authenticated
  using ((select public.is_admin())) with check ((select public.is_admin()));
drop policy if exists expressions_delete on public.expressions;
create policy expressions_delete on public.expressions for delete to authenticated
  using ((select public.is_admin()));

drop policy if exists expression_progress_select on public.expression_progress;
create policy expression_progress_select on public.expression_progress for select to authenticated
  using (user_id = (select auth.uid()));
drop policy if exists expression_progress_insert on public.expression_progress;
create policy expression_progress_insert on public.expression_progress for insert to authenticated
  with check (user_id = (select auth.uid()));
drop policy if exists expression_progress_update on public.expression_progress;
create policy expression_progress_update on public.expression_progress for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
drop policy if exists expression_progress_delete on public.expression_progress;
create policy expression_progress_delete on public.expression_progress for delete to authenticated
  using (user_id = (select auth.uid()));

revoke all on public.expressions, public.expression_progress from anon, authenticated;
grant select on public.expressions to anon, authenticated;
grant insert, update, delete on public.expressions to authenticated;
grant select, insert, update, delete on public.expression_progress to authenticated;
grant all on public.expressions, public.expression_progress to service_role;
