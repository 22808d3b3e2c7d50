from __future__ import annotations

from ..base import Rule
from ..splinter import executable_definers, message

LINT = "authenticated_security_definer_function_executable"  # splinter 0029, dashboard level WARN


class AuthenticatedDefinerNotExecutable(Rule):
    """authenticated cannot execute a `security definer` function in an exposed schema (splinter 0029, WARN).

    Why: a definer function runs as its owner and bypasses RLS; one that authenticated may execute in
    a schema PostgREST exposes is `/rest/v1/rpc/<name>` for every signed-in user, and with open
    sign-up that is anyone with an email address. The hosted dashboard's Security Advisor reports it as
    `authenticated_security_definer_function_executable`; the Supabase CLI's advisors do not run that
    lint, so this rule does, with the same catalog query (definer functions in `pgrst.db_schemas`,
    default `public`, that `has_function_privilege('authenticated', ...)`). Policy helpers that
    authenticated's policies call go to a schema the API does not expose (`private`), where EXECUTE
    for authenticated is harmless. An RPC that is meant to run as its owner (for example one that
    writes server-owned columns for `auth.uid()`) is an accepted exception: listed in
    `advisor_exceptions` below with the reason (the same list applies to the advisor's own lint
    should the CLI bundle it), or `-- noqa: PC329 <reason>` on a new migration's `create function` line.

    **Anti-pattern**

    ```sql
    create or replace function public.can_read_pack(pack uuid) returns boolean
    language sql stable security definer set search_path = '' as $$
        select exists (select 1 from public.packs where id = pack and published)
    $$;
    grant execute on function public.can_read_pack(uuid) to authenticated;
    ```

    **Best practice**

    ```sql
    create schema if not exists private;
    create or replace function private.can_read_pack(pack uuid) returns boolean
    language sql stable security definer set search_path = '' as $$
        select exists (select 1 from public.packs where id = pack and published)
    $$;
    revoke execute on function private.can_read_pack(uuid) from public, anon;
    grant usage on schema private to authenticated;
    grant execute on function private.can_read_pack(uuid) to authenticated;
    ```
    """

    id = "PC329"
    name = "authenticated-definer-not-executable"
    catalog = True
    advisor_lints = (LINT,)
    # The documented client RPCs (ops/docs/product-core.md, server-owned-columns.md): each acts for auth.uid().
    advisor_exceptions: dict[tuple[str, str], str] = {
        (LINT, "public.start_session"): "0038: the session RPC; acts for auth.uid(), checks the daily limit, "
                                        "writes the server-owned sessions row",
        (LINT, "public.finish_session"): "0038: the session RPC; finishes the caller's own session, writes daily_usage",
        (LINT, "public.switch_coach"): "0024: the coach switch RPC; acts for auth.uid(), enforces the cooldown",
        (LINT, "public.transition_drill"): "0035: the editorial RPC; checks the caller's role and the allowed "
                                           "transition, writes status/reviewed_by/published_at",
        (LINT, "public.list_learner_attempts"): "0041: admin support read; refuses unless public.is_admin()",
    }

    def check_catalog(self, tree, scratch):
        for schema, function, args in executable_definers(scratch.conn, "authenticated"):
            if (LINT, f"{schema}.{function}") in self.advisor_exceptions:
                continue
            yield self.at_location(tree, tree.locate("function", f"{schema}.{function}"), message(
                "WARN", LINT, f"security definer function {schema}.{function}({args}) is executable by "
                f"authenticated: every signed-in user can call /rest/v1/rpc/{function}; revoke execute from "
                "public and authenticated, or move it out of the exposed schemas"))
