-- updated_at: the generic trigger function and every table that uses it
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0001_init.sql
create or replace function public.set_updated_at() returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

-- from migrations/0002_profiles_and_sessions.sql
create or replace trigger coaches_set_updated_at before update on public.coaches
  for each row execute function public.set_updated_at();

create or replace trigger profiles_set_updated_at before update on public.profiles
  for each row execute function public.set_updated_at();

create or replace trigger sessions_set_updated_at before update on public.sessions
  for each row execute function public.set_updated_at();

create or replace trigger attempts_set_updated_at before update on public.attempts
  for each row execute function public.set_updated_at();

-- from migrations/0003_drill_items_sets.sql
create or replace trigger drills_set_updated_at before update on public.drills
  for each row execute function public.set_updated_at();

create or replace trigger drill_items_set_updated_at before update on public.drill_items
  for each row execute function public.set_updated_at();

create or replace trigger drill_sets_set_updated_at before update on public.drill_sets
  for each row execute function public.set_updated_at();

-- from migrations/0004_assignments.sql
create or replace trigger assignments_set_updated_at before update on public.assignments
  for each row execute function public.set_updated_at();

-- from migrations/0005_support_tickets.sql
create or replace trigger support_tickets_set_updated_at before update on public.support_tickets
  for each row execute function public.set_updated_at();

-- from migrations/0011_practice_packs.sql
create or replace trigger practice_packs_set_updated_at before update on public.practice_packs
  for each row execute function public.set_updated_at();

-- from migrations/0013_adaptive_and_diagnostics.sql
create or replace trigger skill_estimates_set_updated_at before update on public.skill_estimates
  for each row execute function public.set_updated_at();

-- from migrations/0017_limits_and_tiers.sql
create or replace trigger limits_set_updated_at before update on public.limits
  for each row execute function public.set_updated_at();

create or replace trigger tiers_set_updated_at before update on public.tiers
  for each row execute function public.set_updated_at();

create or replace trigger daily_usage_set_updated_at before update on public.daily_usage
  for each row execute function public.set_updated_at();

-- from migrations/0018_entitlements.sql
create or replace trigger entitlements_set_updated_at before update on public.entitlements
  for each row execute function public.set_updated_at();

-- from migrations/0021_filters.sql
create or replace trigger saved_filters_set_updated_at before update on public.saved_filters
  for each row execute function public.set_updated_at();

-- from migrations/0025_expressions_pack.sql
create or replace trigger expressions_set_updated_at before update on public.expressions
  for each row execute function public.set_updated_at();

create or replace trigger expression_progress_set_updated_at before update on public.expression_progress
  for each row execute function public.set_updated_at();
