"""Errors the tasks turn into one masked line on stderr and a non-zero exit."""

import re

# psycopg prefixes what libpq says ("connection failed: ...", one line per host tried, hints after a tab).
_LIBPQ_PREFIX = re.compile(r"^(connection failed|connection is bad):\s*")


def first_line(error: BaseException, default: str = "database error") -> str:
    """An error's first meaningful line, stripped: what an `error: ...` line shows (libpq's hints, which psycopg
    puts on tab-indented lines below, and its `connection failed:` prefix dropped)."""
    for line in str(error).splitlines():
        line = _LIBPQ_PREFIX.sub("", line.strip())
        if line:
            return line
    return default


class PolarisError(Exception):
    """A failure the user can act on; its message is the whole story in one line.

    Exit 1 is also what a check with findings returns (lint, rls-test): the findings are the output.
    """

    exit_code = 1


class AuthHookOff(PolarisError):
    """The hosted project's custom access token hook differs from supabase/config.toml while the migrations need it."""

    exit_code = 1


class ConfigError(PolarisError):
    """Missing or invalid configuration (URL, environment name, flag)."""

    exit_code = 2


class MigrationFileError(PolarisError):
    """A file in the migrations folder that does not fit the naming rules."""

    exit_code = 2


class DriftError(PolarisError):
    """The database history disagrees with the migration files."""

    exit_code = 3


class MigrationFailed(PolarisError):
    """A migration raised; its transaction and history row were rolled back."""

    exit_code = 4


class ServerError(PolarisError):
    """The embedded Postgres could not be initialised, started or reached."""

    exit_code = 5


class Aborted(PolarisError):
    """The user declined a confirmation prompt."""

    exit_code = 6


class BackupError(PolarisError):
    """A backup that cannot be taken, trusted or restored (checksum, archive, counts, history)."""

    exit_code = 7


class StaleFile(PolarisError):
    """A generated file (types, rls_tests.sql, mirrors) differs from a fresh generation: run `inv db.sync`."""

    exit_code = 8


class SqlFileFailed(PolarisError):
    """`db.psql --file`: the SQL file raised; its single transaction was rolled back."""

    exit_code = 9


class Interrupted(PolarisError):
    """Ctrl-C, with what it left behind (`db.reset`: the database as it was, or marked incomplete)."""

    exit_code = 130
