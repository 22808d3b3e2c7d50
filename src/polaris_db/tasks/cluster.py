"""`inv db.start | db.stop | db.status`: the embedded cluster and what a target holds."""

import json

from invoke import task

from .. import MIGRATIONS_DIR, auth_hooks
from ..config import resolve
from ..console import say
from ..database import connection, database_name, server_version
from ..errors import MigrationFailed, ServerError
from ..migrations import discover, make_plan, read_history
from ..migrations.reset import incomplete_since
from ..cluster import local_cluster
from ._common import reports_errors


@task
@reports_errors
def start(c):
    """Start the embedded Postgres (127.0.0.1, port 54322 or the next free one); no-op if running."""
    cluster = local_cluster()
    port, started = cluster.start()
    say(f"{'started' if started else 'already running'}: {cluster.url()} (data in {cluster.pgdata})")


@task
@reports_errors
def stop(c):
    """Stop the embedded Postgres; the data stays for the next start."""
    say("stopped" if local_cluster().stop() else "not running")


@task(help={"env": "local (default), staging or prod", "json_": "print one JSON object instead of the lines"})
@reports_errors
def status(c, env="local", json_=False):
    """Server version, masked URL, migration head, pending, drift; hosted: the auth hook (exit 1 off but needed)."""
    target = resolve(env)
    if target.embedded:
        cluster = local_cluster()
        port = cluster.running_port()  # never starts it: status only looks
        if not port:
            state = "stopped" if cluster.initialized() else "not created yet"
            raise ServerError(f"embedded Postgres is {state} (data in {cluster.pgdata}): start it with `inv db.start`")
        cluster.port = port
        url = cluster.url()
    else:
        url = target.url
    with connection(url) as conn:
        plan = make_plan(discover(MIGRATIONS_DIR), read_history(conn))
        facts = {"target": env, "embedded": target.embedded, "url": url, "server": server_version(conn),
                 "head": plan.head, "applied": len(plan.applied), "pending": len(plan.pending),
                 "drift": [str(d) for d in plan.drift], "incomplete_since": incomplete_since(conn)}
        hook = auth_hooks.status(env, url, conn) if target.remote else None
        facts["auth_hook"] = hook.as_dict() if hook else None
    unfinished = (f"database {database_name(url)} is incomplete: a reset started {facts['incomplete_since']} did not "
                  "finish; run `inv db.reset`") if facts["incomplete_since"] else None
    if json_:
        say(json.dumps(facts, indent=2))
        if unfinished:
            raise MigrationFailed(unfinished)
        if hook and hook.failure:
            raise hook.failure
        return
    rows = [("target", env + (" (embedded)" if target.embedded else "")), ("url", url), ("server", facts["server"]),
            ("head", plan.head or "none applied"), ("pending", len(plan.pending)),
            ("drift", "; ".join(facts["drift"]) or "none")] + ([("hook", hook.state)] if hook else [])
    width = max(len(key) for key, _ in rows)
    for key, value in rows:
        say(f"{key.ljust(width)}  {value}")
    if unfinished:
        raise MigrationFailed(unfinished)
    if hook and hook.failure:
        raise hook.failure


TASKS = [start, stop, status]
