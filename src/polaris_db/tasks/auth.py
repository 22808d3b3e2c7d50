"""`inv db.auth-hook`: the hosted project's custom access token hook, as supabase/config.toml declares it."""

from invoke import task

from .. import auth_hooks
from ..console import say
from ..errors import ConfigError
from ._common import reports_errors


@task(help={"env": "staging or prod", "check": "only compare (exit 1 when they differ); change nothing"})
@reports_errors
def auth_hook(c, env="", check=False):
    """Make the hosted project's auth hook match supabase/config.toml (Management API, SUPABASE_ACCESS_TOKEN)."""
    if env not in auth_hooks.REF_VARS:
        raise ConfigError("--env takes staging or prod: the local stack reads supabase/config.toml itself")
    say((auth_hooks.check if check else auth_hooks.sync)(env))


TASKS = [auth_hook]
