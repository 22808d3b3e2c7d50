from __future__ import annotations

import re

from ...rls.catalog import app_schemas
from ..base import Rule

# Definer functions in the app schemas that anon or authenticated may execute, with their parameters.
CALLABLE_DEFINERS = """
select format('%%I.%%I', n.nspname, p.proname),
       coalesce(p.proargnames, array[]::text[]),
       array(select format_type(t, null) from unnest(p.proargtypes::oid[]) t)
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
where p.prosecdef and n.nspname = any(%(schemas)s)
  and (has_function_privilege('anon', p.oid, 'execute') or has_function_privilege('authenticated', p.oid, 'execute'))
  and not exists (select 1 from pg_depend d
                  where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
order by 1, p.oid
"""
# Names that say "the user this acts for": p_user, target_user, user_id, uid, learner, for_owner, member_id...
USER_ID = re.compile(r"^_?(?:p_|in_|arg_)?(?:[a-z]+_)?(?:user|uid|learner|owner|member|profile|account|actor)(?:_?id)?$")
ID_TYPES = ("uuid", "text", "character varying")


class DefinerActsForCaller(Rule):
    """A `security definer` function clients can call takes the acting user from `auth.uid()`, not a parameter.

    Why: a definer function runs as its owner and bypasses RLS. If anon or authenticated can execute it
    and it takes a user id (`p_user`, `target_user`, `user_id`...), any caller can act for any user by
    passing their id: RLS and the access matrix never see it, because the function itself is allowed.
    Take the user from `auth.uid()` (or check the parameter against it), or revoke execute from anon and
    authenticated and keep the function for service_role. A function that must take a user id on
    purpose carries `-- noqa: PC305 <reason>` on its `create function` line. Checked on the scratch
    database, so later grants and revokes count.

    **Anti-pattern**

    ```sql
    create or replace function public.start_session(p_user uuid) returns uuid
    language sql security definer set search_path = '' as $$
        insert into public.sessions (user_id) values (p_user) returning id
    $$;
    grant execute on function public.start_session(uuid) to authenticated;
    ```

    **Best practice**

    ```sql
    create or replace function public.start_session() returns uuid
    language sql security definer set search_path = '' as $$
        insert into public.sessions (user_id) values (auth.uid()) returning id
    $$;
    revoke execute on function public.start_session() from public, anon;
    grant execute on function public.start_session() to authenticated;
    ```
    """

    id = "PC305"
    name = "definer-acts-for-caller"
    catalog = True

    def check_catalog(self, tree, scratch):
        conn = scratch.conn
        for name, arg_names, arg_types in conn.execute(CALLABLE_DEFINERS, {"schemas": app_schemas(conn)}):
            suspects = [arg for arg, kind in zip(arg_names, arg_types) if kind in ID_TYPES and USER_ID.match(arg)]
            if suspects:
                signature = f"{name}({', '.join(arg_types)})"
                yield self.at_location(tree, tree.locate("function", name),
                                       f"security definer function {signature} is executable by anon/authenticated "
                                       f"and takes a user id ({', '.join(suspects)}): use auth.uid() or revoke execute")
