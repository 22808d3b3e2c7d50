"""Issue 20: learners and anon never see a staff member's user id; the server stamps the sender of a message."""

import psycopg
import pytest

from helpers import acting_as, make_user

STAFF_ID_COLUMNS = [("public.drills", "created_by"), ("public.drills", "reviewed_by"),
                    ("public.admin_messages", "sender_id")]


@pytest.mark.parametrize(("table", "column"), STAFF_ID_COLUMNS)
@pytest.mark.parametrize("role", ["anon", "authenticated"])
def test_no_client_role_selects_a_staff_id(schema_conn, table, column, role):
    conn = schema_conn
    granted = conn.execute("select has_column_privilege(%s, %s, %s, 'select')", (role, table, column)).fetchone()[0]
    assert granted is False


def test_a_message_is_stamped_with_the_sending_admin(schema_conn):
    conn = schema_conn
    admin, learner = make_user(conn, "admin"), make_user(conn)
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        with acting_as(conn, admin, user_role="admin"):
            conn.execute("insert into public.admin_messages (recipient_id, sender_id, title, body) "
                         "values (%s, %s, 'hi', 'in your name')", (learner, learner))
    with acting_as(conn, admin, user_role="admin"):
        message = conn.execute("insert into public.admin_messages (recipient_id, title, body) "
                               "values (%s, 'hi', 'there') returning id", (learner,)).fetchone()[0]
        conn.execute("reset role")
        sender = conn.execute("select sender_id from public.admin_messages where id = %s", (message,)).fetchone()[0]
        assert sender == admin
