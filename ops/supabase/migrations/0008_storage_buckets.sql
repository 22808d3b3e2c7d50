-- migration: 0008_storage_buckets
-- purpose: buckets user-media (private, per-user folders) and public-assets (public read, admin/server write) with their policies
-- rollback: drop the policies below; delete from storage.buckets where id in ('user-media', 'public-assets') once empty

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values
  ('user-media', 'user-media', false, 52428800,
   array['audio/mpeg', 'audio/mp4', 'audio/webm', 'audio/ogg', 'audio/wav', 'image/png', 'image/jpeg', 'image/webp']),
  ('public-assets', 'public-assets', true, 10485760,
   array['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml', 'audio/mpeg'])
on conflict (id) do update set
  name = excluded.name,
  public = excluded.public,
  file_size_limit = excluded.file_size_limit,
  allowed_mime_types = excluded.allowed_mime_types;

-- user-media: a learner touches only objects whose first folder is their own id: <uid>/...
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

-- public-assets: public bucket URLs serve files without policies; writes by admins (server bypasses RLS).
drop policy if exists "public assets: admins write" on storage.objects;
drop policy if exists "public assets: admins upload" on storage.objects;
create policy "public assets: admins upload" on storage.objects
  for insert to authenticated
  with check (bucket_id = 'public-assets' and (select public.is_admin()));

drop policy if exists "public assets: admins update" on storage.objects;
create policy "public assets: admins update" on storage.objects
  for update to authenticated
  using (bucket_id = 'public-assets' and (select public.is_admin()))
  with check (bucket_id = 'public-assets' and (select public.is_admin()));

drop policy if exists "public assets: admins delete" on storage.objects;
create policy "public assets: admins delete" on storage.objects
  for delete to authenticated
  using (bucket_id = 'public-assets' and (select public.is_admin()));
