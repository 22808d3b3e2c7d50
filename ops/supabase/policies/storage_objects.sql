-- RLS policies on storage.objects
-- Mirror of the migrations (`inv db.sync` writes it); `nox -s conventions` (PC602) checks they agree.

-- from migrations/0008_storage_buckets.sql
drop policy if exists "user media: owner reads own folder" on storage.objects;

create policy "user media: owner reads own folder" on storage.objects
  for select to authenticated
  using (bucket_id = 'user-media' and (storage.foldername(name))[1] = (select auth.uid())::text);

drop policy if exists "user media: owner uploads to own folder" on storage.objects;

create policy "user media: owner uploads to own folder" on storage.objects
  for insert to authenticated
  with check (bucket_id = 'user-media' and (storage.foldername(name))[1] = (select auth.uid())::text);

drop policy if exists "user media: owner updates own folder" on storage.objects;

create policy "user media: owner updates own folder" on storage.objects
  for update to authenticated
  using (bucket_id = 'user-media' and (storage.foldername(name))[1] = (select auth.uid())::text)
  with check (bucket_id = 'user-media' and (storage.foldername(name))[1] = (select auth.uid())::text);

drop policy if exists "user media: owner deletes own folder" on storage.objects;

create policy "user media: owner deletes own folder" on storage.objects
  for delete to authenticated
  using (bucket_id = 'user-media' and (storage.foldername(name))[1] = (select auth.uid())::text);

-- from migrations/0044_private_policy_helpers.sql
drop policy if exists "public assets: admins upload" on storage.objects;

create policy "public assets: admins upload" on storage.objects
  for insert to authenticated
  with check (bucket_id = 'public-assets' and (select private.is_admin()));

drop policy if exists "public assets: admins update" on storage.objects;

create policy "public assets: admins update" on storage.objects
  for update to authenticated
  using (bucket_id = 'public-assets' and (select private.is_admin()))
  with check (bucket_id = 'public-assets' and (select private.is_admin()));

drop policy if exists "public assets: admins delete" on storage.objects;

create policy "public assets: admins delete" on storage.objects
  for delete to authenticated
  using (bucket_id = 'public-assets' and (select private.is_admin()));

drop policy if exists "public assets: admins read" on storage.objects;

create policy "public assets: admins read" on storage.objects
  for select to authenticated
  using (bucket_id = 'public-assets' and (select private.is_admin()));
