"""What every task shares: one-line masked errors with the error's exit code."""

from __future__ import annotations

import functools

import psycopg
from invoke import Exit

from ..config import mask
from ..errors import PolarisError, first_line
from ..interrupts import in_task


def reports_errors(body):
    """Turn known failures into `error: ...` on stderr and a non-zero exit, never a traceback with secrets."""

    @functools.wraps(body)
    def wrapper(*args, **kwargs):
        try:
            with in_task():
                return body(*args, **kwargs)
        except PolarisError as error:
            raise Exit(mask(f"error: {error}"), code=error.exit_code) from None
        except psycopg.Error as error:
            raise Exit(mask(f"error: {first_line(error)}"), code=1) from None
        except KeyboardInterrupt:
            raise Exit("error: interrupted", code=130) from None

    return wrapper
