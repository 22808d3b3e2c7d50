-- RLS policies on public.diagnostic_answers
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0013_adaptive_and_diagnostics.sql
drop policy if exists diagnostic_answers_insert on public.diagnostic_answers;

create policy diagnostic_answers_insert on public.diagnostic_answers for insert to authenticated
  with check (user_id = (select auth.uid()) and exists (
    select 1
    from public.diagnostic_runs r
    where r.id = diagnostic_answers.run_id and r.user_id = (select auth.uid()) and r.finished_at is null
    )
    );

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists diagnostic_answers_select on public.diagnostic_answers;

create policy diagnostic_answers_select on public.diagnostic_answers for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));
