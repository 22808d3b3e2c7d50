-- seed-order: 30
-- Demo drills with items, sets, packs and expressions. Deterministic 768-d embeddings built
-- from sin() so the similarity RPC and stats views have real data. Fixed ids: re-runs update in place.
insert into public.drills (id, slug, title, skill, level, is_published, status, embedding)
select
  ('00000000-0000-4000-8000-' || lpad(to_hex(1000 + n), 12, '0'))::uuid as id,
  'demo-drill-' || n as slug,
  (array['Ordering at a cafe', 'Small talk at work', 'Describing a photo', 'Past tense stories',
         'Minimal pairs: ship and sheep', 'Phrasal verbs with get', 'Giving directions', 'Job interview answers'])[
         1 + (n - 1) % 8
         ]
    || ' ' || ((n - 1) / 8 + 1) as title,
  (array['speaking', 'listening', 'vocabulary', 'grammar', 'pronunciation'])[1 + (n - 1) % 5] as skill,
  1 + (n - 1) % 6 as level,
  n % 5 <> 0 as is_published,
  (case when n % 5 <> 0 then 'published' else 'draft' end)::public.drill_status as status,
  (select array_agg(sin(n * 0.37 + i * 0.11)::real order by i) from generate_series(1, 768) i)::extensions.vector(768)
from generate_series(1, 40) n
on conflict (id) do update set
  slug = excluded.slug, title = excluded.title, skill = excluded.skill, level = excluded.level,
  is_published = excluded.is_published, status = excluded.status, embedding = excluded.embedding
where (
  drills.slug, drills.title, drills.skill, drills.level, drills.is_published, drills.status, drills.embedding::text
)
  is distinct from (
    excluded.slug,
    excluded.title,
    excluded.skill,
    excluded.level,
    excluded.is_published,
    excluded.status,
    excluded.embedding::text
  );

insert into public.drill_items (id, drill_id, position, prompt, expected_answer)
select
  ('00000000-0000-4000-8001-' || lpad(to_hex(n * 10 + p), 12, '0'))::uuid as id,
  ('00000000-0000-4000-8000-' || lpad(to_hex(1000 + n), 12, '0'))::uuid as drill_id,
  p,
  'Prompt ' || (p + 1) || ' of demo drill ' || n as prompt,
  'Model answer ' || (p + 1) as expected_answer
from generate_series(1, 40) n, generate_series(0, 2) p
on conflict (id) do update
  set prompt = excluded.prompt, expected_answer = excluded.expected_answer, position = excluded.position
where (drill_items.prompt, drill_items.expected_answer, drill_items.position) is distinct from (
  excluded.prompt, excluded.expected_answer, excluded.position
);

insert into public.drill_sets (id, slug, title, is_published) values
  ('00000000-0000-4000-8002-000000000001', 'everyday-english', 'Everyday English', true),
  ('00000000-0000-4000-8002-000000000002', 'interview-prep', 'Interview preparation', true)
on conflict (id) do update set slug = excluded.slug, title = excluded.title, is_published = excluded.is_published
where (drill_sets.slug, drill_sets.title, drill_sets.is_published) is distinct from (
  excluded.slug, excluded.title, excluded.is_published
);

insert into public.drill_set_members (set_id, drill_id, position)
select
  ('00000000-0000-4000-8002-00000000000' || (1 + n % 2))::uuid,
  ('00000000-0000-4000-8000-' || lpad(to_hex(1000 + n), 12, '0'))::uuid,
  n
from generate_series(1, 16) n
on conflict (set_id, drill_id) do update set position = excluded.position
where (drill_set_members.position) is distinct from (excluded.position);

insert into public.practice_packs (id, slug, title, description, is_free, is_published) values
  ('00000000-0000-4000-8003-000000000001', 'starter-pack', 'Starter pack', 'Free drills to begin with.', true, true),
  (
    '00000000-0000-4000-8003-000000000002',
    'expressions-pack',
    'Expressions pack',
    'Idioms for natural speech.',
    false,
    true
  )
on conflict (id) do update set slug = excluded.slug, title = excluded.title, description = excluded.description,
  is_free = excluded.is_free, is_published = excluded.is_published
where (
  practice_packs.slug,
  practice_packs.title,
  practice_packs.description,
  practice_packs.is_free,
  practice_packs.is_published
) is distinct from (excluded.slug, excluded.title, excluded.description, excluded.is_free, excluded.is_published);

insert into public.pack_drills (pack_id, drill_id, position)
select
('00000000-0000-4000-8003-00000000000' || (1 + n % 2))::uuid,
       ('00000000-0000-4000-8000-' || lpad(to_hex(1000 + n), 12, '0'))::uuid,
n
from generate_series(1, 12) n
on conflict (pack_id, drill_id) do update set position = excluded.position
where (pack_drills.position) is distinct from (excluded.position);

insert into public.expressions (id, pack_id, phrase, meaning, example, is_published) values
  (
    '00000000-0000-4000-8004-000000000001',
    '00000000-0000-4000-8003-000000000002',
    'break the ice',
    'start a conversation in a relaxed way',
    'A quick joke helped break the ice.',
    true
  ),
  (
    '00000000-0000-4000-8004-000000000002',
    '00000000-0000-4000-8003-000000000002',
    'on the same page',
    'agreeing about something',
    'Let us make sure we are on the same page.',
    true
  ),
  (
    '00000000-0000-4000-8004-000000000003',
    '00000000-0000-4000-8003-000000000002',
    'a piece of cake',
    'very easy',
    'The quiz was a piece of cake.',
    true
  ),
  (
    '00000000-0000-4000-8004-000000000004',
    '00000000-0000-4000-8003-000000000002',
    'hit the books',
    'study hard',
    'I need to hit the books tonight.',
    false
  )
on conflict (id) do update set phrase = excluded.phrase, meaning = excluded.meaning, example = excluded.example,
  is_published = excluded.is_published, pack_id = excluded.pack_id
where (
  expressions.phrase, expressions.meaning, expressions.example, expressions.is_published, expressions.pack_id
) is distinct from (excluded.phrase, excluded.meaning, excluded.example, excluded.is_published, excluded.pack_id);
