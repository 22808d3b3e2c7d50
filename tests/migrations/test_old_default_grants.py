"""Migrations end with the same API-role privileges whether the platform's old default grants applied or not."""

from __future__ import annotations

from polaris_db import shim
from polaris_db.migrations import migrate
from polaris_db.migrations.reset import MIGRATIONS_DIR

# Every privilege anon, authenticated, service_role or PUBLIC holds on a relation, column or function of the
# app's schemas (order-independent: the ACL's item order differs between the two builds).
API_PRIVILEGES = """
with acl as (
  select 'relation ' || c.oid::regclass::text as object, c.relacl as acl
    from pg_class c where c.relnamespace::regnamespace::text in ('public', 'private') and c.relkind in ('r', 'p', 'v', 'm', 'S')
  union all
  select 'column ' || a.attrelid::regclass::text || '.' || a.attname, a.attacl
    from pg_attribute a join pg_class c on c.oid = a.attrelid
   where c.relnamespace::regnamespace::text in ('public', 'private') and a.attacl is not null
  union all
  select 'function ' || p.oid::regprocedure::text, coalesce(p.proacl, acldefault('f', p.proowner))
    from pg_proc p where p.pronamespace::regnamespace::text in ('public', 'private')
)
select object, coalesce(nullif(x.grantee, 0)::regrole::text, 'PUBLIC'), x.privilege_type
  from acl, aclexplode(acl.acl) x
 where x.grantee = 0 or x.grantee::regrole::text in ('anon', 'authenticated', 'service_role')
 order by 1, 2, 3
"""


def test_an_older_projects_objects_end_as_a_fresh_projects(empty_url, schema_url, connect):
    """Objects created while the old defaults applied keep them on hosted; 0050 revokes what the matrix does not allow."""
    older = connect(empty_url)
    older.execute(shim.PRE_2026_DEFAULT_PRIVILEGES)
    migrate(older, MIGRATIONS_DIR)
    fresh = connect(schema_url)
    assert older.execute(API_PRIVILEGES).fetchall() == fresh.execute(API_PRIVILEGES).fetchall()
