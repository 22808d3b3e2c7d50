-- migration: 0010_embeddings
-- purpose: pgvector, 768-d drill embeddings with an HNSW index, and a similarity RPC over published drills
-- rollback: drop function public.match_drills(extensions.vector, integer); drop index public.drills_embedding_hnsw_idx; alter table public.drills drop column embedding

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

create extension if not exists vector with schema extensions;

alter table public.drills add column if not exists embedding extensions.vector(768);
comment on column public.drills.embedding is 'Text embedding (768-d) of title and items, written by the server.';

-- noqa: squawk:require-concurrent-index-creation drills is a small editorial catalogue; a short write block is acceptable
create index if not exists drills_embedding_hnsw_idx on public.drills
  using hnsw (embedding extensions.vector_cosine_ops);

-- Invoker: the drills RLS applies, and the explicit filter keeps drafts out even for editors.
create or replace function public.match_drills(query_embedding extensions.vector, match_count integer default 10)
returns table (drill_id uuid, slug text, title text, similarity double precision)
language sql stable
security invoker
set search_path = ''
as $$
  select d.id, d.slug, d.title, 1 - (d.embedding operator(extensions.<=>) query_embedding) as similarity
  from public.drills d
  where d.is_published and d.embedding is not null
  order by d.embedding operator(extensions.<=>) query_embedding
  limit least(greatest(match_count, 1), 50)
$$;
comment on function public.match_drills(extensions.vector, integer) is 'Published drills nearest to an embedding (cosine), at most 50.';
revoke execute on function public.match_drills(extensions.vector, integer) from public;
grant execute on function public.match_drills(extensions.vector, integer) to anon, authenticated, service_role;
