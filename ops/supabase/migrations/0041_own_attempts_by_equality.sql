-- migration: 0041_own_attempts_by_equality
-- purpose: a learner's attempts are read by equality on user_id, so "recent attempts" walks the (user_id, created_at) index in order and stops at the limit; admins read another learner's attempts through list_learner_attempts()
-- rollback: recreate the attempts_select policy of 0032 (owner range: admins read every attempt); drop function public.list_learner_attempts(uuid, integer)

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

-- Why equality: with the owner range of 0032 the planner cannot know a learner's bounds are one id,
-- so `order by created_at desc limit 50` read and sorted the learner's whole history (bitmap scan +
-- sort: 2.5-2.7x its explicit twin at 1M attempts, growing with the history). `user_id = (select
-- auth.uid())` makes user_id a constant of the index order. Any second permissive policy (an admin
-- branch) would be OR-ed in and undo it, so attempts has none: the product decision of issue 13
-- (ops/docs/product-core.md) is that admins read a learner's attempts through the RPC below, and the
-- statistics through v_drill_stats (server).
drop policy if exists attempts_select on public.attempts;
create policy attempts_select on public.attempts for select to authenticated
  using (user_id = (select auth.uid()));

-- noqa: PC305 admin support read: the caller must be an admin (checked first); learner is whom it reads, not who acts
create or replace function public.list_learner_attempts(learner uuid, max_rows integer default 50)
returns setof public.attempts
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if not public.is_admin() then
    raise exception 'only admins read another learner''s attempts' using errcode = '42501';
  end if;
  return query
    select a.* from public.attempts a
    where a.user_id = learner
    order by a.created_at desc
    limit least(greatest(max_rows, 1), 500);
end
$$;
comment on function public.list_learner_attempts(uuid, integer) is
  'Admins only: a learner''s most recent attempts (at most 500), newest first.';
revoke execute on function public.list_learner_attempts(uuid, integer) from public, anon;
grant execute on function public.list_learner_attempts(uuid, integer) to authenticated;
