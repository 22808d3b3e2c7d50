-- seed-order: 20
-- Demo coach personas (neutral, fictional). Fixed ids so re-runs update in place.
insert into public.coaches (id, slug, display_name, persona, is_published) values
  ('00000000-0000-4000-8000-000000000c01', 'ava', 'Ava', 'Warm and patient; corrects gently and explains why.', true),
  (
    '00000000-0000-4000-8000-000000000c02',
    'kai',
    'Kai',
    'Energetic sparring partner for fast conversation drills.',
    true
  ),
  (
    '00000000-0000-4000-8000-000000000c03',
    'mira',
    'Mira',
    'Precise grammar coach who focuses on one pattern at a time.',
    true
  ),
  (
    '00000000-0000-4000-8000-000000000c04',
    'sol',
    'Sol',
    'Pronunciation specialist (draft persona, not yet published).',
    false
  )
on conflict (id) do update set
  slug = excluded.slug, display_name = excluded.display_name, persona = excluded.persona,
  is_published = excluded.is_published
where (coaches.slug, coaches.display_name, coaches.persona, coaches.is_published)
  is distinct from (excluded.slug, excluded.display_name, excluded.persona, excluded.is_published);
