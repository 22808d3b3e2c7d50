-- migration: 0043_match_drills_iterative_scan
-- purpose: match_drills() returns as many readable drills as asked (up to 50): its HNSW scan continues past hnsw.ef_search candidates while RLS and the published filter drop rows
-- rollback: recreate public.match_drills(extensions.vector, integer) as in 0010 (without the hnsw.iterative_scan setting)

-- Fail fast instead of queueing behind a lock on a busy table (squawk requires both).
set local lock_timeout = '5s';
set local statement_timeout = '120s';

-- An HNSW index scan yields at most hnsw.ef_search (40) candidates; rows the filter or the drills
-- policies (paywall, drafts) reject were simply missing from the answer, so a free learner on a
-- catalogue of paid drills got few or none. pgvector >= 0.8 scans on until the limit is met (bounded by
-- hnsw.max_scan_tuples). relaxed_order, as pgvector advises: strict_order may stop before the limit
-- (seen here: a free learner got none of 20 open drills once); the materialized CTE restores the exact
-- nearest-first order. Set in the body, not as a `set` clause: Postgres refuses a non-superuser a
-- function `set` of an extension's parameter while the extension's library is not loaded, which is how
-- pg_restore and a fresh `db push` session on hosted Supabase create it. The setting lasts to the end
-- of the caller's transaction (one PostgREST request): later vector scans in it only get more complete.
-- Still `stable` (GET requests may call it): setting a parameter changes no data.
create or replace function public.match_drills(query_embedding extensions.vector, match_count integer default 10)
returns table (drill_id uuid, slug text, title text, similarity double precision)
language sql stable
security invoker
set search_path = ''
as $$
  select set_config('hnsw.iterative_scan', 'relaxed_order', true);
  with nearest as materialized (
    select d.id, d.slug, d.title, d.embedding operator(extensions.<=>) query_embedding as distance
    from public.drills d
    where d.is_published and d.embedding is not null
    order by d.embedding operator(extensions.<=>) query_embedding
    limit least(greatest(match_count, 1), 50)
  )
  select n.id, n.slug, n.title, 1 - n.distance as similarity
  from nearest n
  order by n.distance;
$$;
comment on function public.match_drills(extensions.vector, integer) is
  'Published drills the caller may read, nearest to an embedding (cosine), as many as asked up to 50.';
