from __future__ import annotations

from ..base import Rule
from ..splinter import executable_definers, message

LINT = "anon_security_definer_function_executable"  # splinter 0028, dashboard level WARN


class AnonDefinerNotExecutable(Rule):
    """anon cannot execute a `security definer` function in an exposed schema (splinter 0028, WARN).

    Why: a definer function runs as its owner and bypasses RLS. If it sits in a schema PostgREST
    exposes and anon may execute it, anyone holding the public anon key calls it as
    `/rest/v1/rpc/<name>`, whatever it was written for (a policy helper becomes an oracle). The hosted
    dashboard's Security Advisor reports this as `anon_security_definer_function_executable`; the
    Supabase CLI's advisors do not run that lint, so this rule does, with the same catalog query:
    definer functions in `pgrst.db_schemas` (default `public`) that `has_function_privilege('anon', ...)`.
    Functions get EXECUTE for PUBLIC by default, which anon inherits: revoke it from `public` too.
    Policy helpers belong in a schema the API does not expose (`private`). A definer RPC that anon
    must call on purpose is listed in `advisor_exceptions` below with the reason (or carries
    `-- noqa: PC328 <reason>` on a new migration's `create function` line).

    **Anti-pattern**

    ```sql
    create or replace function public.has_active_pro() returns boolean
    language sql stable security definer set search_path = '' as $$
        select exists (select 1 from public.subscriptions where user_id = auth.uid() and active)
    $$;
    ```

    **Best practice**

    ```sql
    create schema if not exists private;
    create or replace function private.has_active_pro() returns boolean
    language sql stable security definer set search_path = '' as $$
        select exists (select 1 from public.subscriptions where user_id = auth.uid() and active)
    $$;
    revoke execute on function private.has_active_pro() from public, anon;
    grant usage on schema private to authenticated;
    grant execute on function private.has_active_pro() to authenticated;
    ```
    """

    id = "PC328"
    name = "anon-definer-not-executable"
    catalog = True
    advisor_lints = (LINT,)
    advisor_exceptions: dict[tuple[str, str], str] = {}  # {(LINT, "schema.function"): "why anon may call it"}

    def check_catalog(self, tree, scratch):
        for schema, function, args in executable_definers(scratch.conn, "anon"):
            if (LINT, f"{schema}.{function}") in self.advisor_exceptions:
                continue
            yield self.at_location(tree, tree.locate("function", f"{schema}.{function}"), message(
                "WARN", LINT, f"security definer function {schema}.{function}({args}) is executable by anon: "
                f"anyone with the anon key can call /rest/v1/rpc/{function}; revoke execute from public and anon, "
                "or move it out of the exposed schemas"))
