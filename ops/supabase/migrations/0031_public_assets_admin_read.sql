-- migration: 0031_public_assets_admin_read
-- purpose: admins can list public-assets objects, which update and delete need in order to find them
-- rollback: drop policy "public assets: admins read" on storage.objects

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

-- Postgres applies the select policy to the rows an update or delete looks for, so without this the
-- admin update/delete policies of 0008 matched nothing (found by the RLS access matrix). Listing
-- stays closed to everyone else: public URLs serve the files without RLS.
drop policy if exists "public assets: admins read" on storage.objects;
create policy "public assets: admins read" on storage.objects
  for select to authenticated
  using (bucket_id = 'public-assets' and (select public.is_admin()));
