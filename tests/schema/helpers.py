"""Shared helpers for schema tests: users in auth.users and PostgREST-style impersonation."""

from __future__ import annotations

import json
import uuid
from contextlib import contextmanager

import psycopg


def make_user(conn: psycopg.Connection, role: str = "learner") -> uuid.UUID:
    """A throwaway auth user; its profile comes from the on_auth_user_created trigger."""
    user_id = uuid.uuid4()
    conn.execute("insert into auth.users (id, email) values (%s, %s)", (user_id, f"{user_id.hex[:10]}@example.com"))
    if role != "learner":
        conn.execute("update public.profiles set role = %s where id = %s", (role, user_id))
    return user_id


@contextmanager
def acting_as(conn: psycopg.Connection, user_id: uuid.UUID | None, *, role: str = "authenticated",
              user_role: str | None = None):
    """A transaction in which the connection is `role` with the JWT claims PostgREST would set; rolled back.

    `user_role` is the claim the custom access token hook adds (0040), e.g. "admin".
    """
    claims = {"role": role} | ({"sub": str(user_id)} if user_id else {})
    claims |= {"user_role": user_role} if user_role else {}
    with conn.transaction(force_rollback=True):
        conn.execute(f"set local role {role}")
        conn.execute("select set_config('request.jwt.claims', %s, true)", (json.dumps(claims),))
        yield conn


@contextmanager
def acting_as_committed(conn: psycopg.Connection, user_id: uuid.UUID):
    """Like acting_as, but commits (for effects that must be visible to other connections)."""
    with conn.transaction():
        conn.execute("set local role authenticated")
        conn.execute("select set_config('request.jwt.claims', %s, true)",
                     (json.dumps({"role": "authenticated", "sub": str(user_id)}),))
        yield conn
