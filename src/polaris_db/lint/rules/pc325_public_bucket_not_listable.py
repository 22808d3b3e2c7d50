from __future__ import annotations

from ..base import Rule
from ..splinter import message

LINT = "public_bucket_allows_listing"  # splinter 0025, dashboard level WARN
# splinter 0025: public buckets with a permissive SELECT (or ALL) policy on storage.objects for the API
# roles whose condition is empty, always true, or only `bucket_id = '<this bucket>'`.
BROAD_POLICIES = r"""
select b.id, b.name, array_agg(p.policyname::text order by p.policyname)
from storage.buckets b
join pg_policies p
  on p.schemaname = 'storage' and p.tablename = 'objects' and p.cmd in ('SELECT', 'ALL')
 and p.permissive = 'PERMISSIVE' and p.roles && array['public', 'anon', 'authenticated']::name[]
where b.public
  and (p.qual is null
       or replace(replace(replace(lower(p.qual), ' ', ''), E'\n', ''), E'\t', '') in ('true', '(true)', '1=1', '(1=1)')
       or (regexp_match(p.qual, $re$\A\s*\(*\s*bucket_id\s*=\s*('(?:[^']|'')*')(\s*::\s*[[:alnum:]_\.]+)?\s*\)*\s*\Z$re$,
                        'i'))[1] = quote_literal(b.id))
group by b.id, b.name
order by b.id
"""


class PublicBucketNotListable(Rule):
    """A public bucket has no broad SELECT policy on `storage.objects` (splinter 0025, WARN).

    Why: a public bucket serves each object by its URL without any policy. A SELECT policy on
    `storage.objects` that only says `bucket_id = '<bucket>'` (or `true`) adds one thing: any client
    may list every file in the bucket, including ones whose names were meant to be unguessable. The
    hosted dashboard's Security Advisor reports it as `public_bucket_allows_listing`; the Supabase
    CLI's advisors do not run that lint, so this rule does, with the same catalog query (public
    buckets; permissive SELECT/ALL policies for public, anon or authenticated whose condition is empty,
    always true, or only the bucket id). Drop the policy, or narrow it to the rows a caller owns.

    **Anti-pattern**

    ```sql
    insert into storage.buckets (id, name, public) values ('avatars', 'avatars', true)
    on conflict (id) do nothing;
    create policy "avatars: anyone reads" on storage.objects
      for select to anon, authenticated using (bucket_id = 'avatars');
    ```

    **Best practice**

    ```sql
    insert into storage.buckets (id, name, public) values ('avatars', 'avatars', true)
    on conflict (id) do nothing;
    -- object URLs work without a policy; owners may list their own folder
    create policy "avatars: owner lists own folder" on storage.objects
      for select to authenticated
      using (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid())::text);
    ```
    """

    id = "PC325"
    name = "public-bucket-not-listable"
    catalog = True
    advisor_lints = (LINT,)

    def check_catalog(self, tree, scratch):
        conn = scratch.conn
        if conn.execute("select to_regclass('storage.buckets') is null").fetchone()[0]:
            return
        for bucket_id, bucket_name, policies in conn.execute(BROAD_POLICIES):
            if (LINT, f"storage.{bucket_name}") in self.advisor_exceptions:
                continue
            location = tree.locate("policy", f"storage.objects.{policies[0]}") or tree.locate("bucket", bucket_id)
            listed = ", ".join(f'"{policy}"' for policy in policies)
            yield self.at_location(tree, location, message(
                "WARN", LINT, f"public bucket {bucket_name} has broad SELECT polic{'y' if len(policies) == 1 else 'ies'} "
                f"{listed} on storage.objects: any client can list all its files; object URLs need no policy"))
