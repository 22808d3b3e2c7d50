from __future__ import annotations

import re

import psycopg
from pglast import ast

from ...rls.catalog import app_schemas
from ..base import Rule
from ..nodes import bare, dotted, relation_name, walk

EVENT_NAME = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$")
EVENTS_TABLE = "events"
EVENT_COLUMN = "name"
# Helper functions whose first argument is an event name, e.g. record_event('practice_submitted', ...).
EVENT_FUNCTION = re.compile(r"(?:^|_)events?(?:$|_)")
BAD_NAME = "NotDomainAction"
EVENT_TABLES = """
select format('%%I.%%I', c.table_schema, c.table_name) from information_schema.columns c
join information_schema.tables t using (table_schema, table_name)
where c.table_schema = any(%(schemas)s) and c.table_name = 'events' and c.column_name = 'name'
  and t.table_type = 'BASE TABLE'
"""


class EventNameFormat(Rule):
    """Event names written to `events.name` are `domain_action` (`practice_submitted`, `coach_switched`).

    Why: the event log is queried by prefix (`practice_%`) and grouped by name in dashboards; one shape
    keeps those queries simple and stops near-duplicates (`PracticeSubmit`, `submitted-practice`).
    Checked in inserts into `events` and in calls to helpers named `*_event(s)` with a literal first argument,
    in migrations, function bodies and seeds; and, because clients insert events too, on the scratch
    database: inserting a badly named event must fail with a check violation (in a rolled-back
    transaction; when the insert fails for another reason the check cannot tell and stays quiet).

    **Anti-pattern**

    ```sql
    insert into public.events (user_id, name) values (auth.uid(), 'PracticeSubmitted');
    ```

    **Best practice**

    ```sql
    insert into public.events (user_id, name) values (auth.uid(), 'practice_submitted');
    ```
    """

    id = "PC104"
    name = "event-name-format"
    catalog = True

    def check(self, tree):
        for file in tree.all_files():
            for statement in file.all_statements():
                for value in _event_names(statement.node):
                    if not EVENT_NAME.match(value):
                        line = file.literal_line(statement, value)
                        yield self.at(file, line, f"event name {value!r} is not domain_action (snake_case, 2+ words)")

    def check_catalog(self, tree, scratch):
        conn = scratch.conn
        for (table,) in conn.execute(EVENT_TABLES, {"schemas": app_schemas(conn)}).fetchall():
            try:
                with conn.transaction(force_rollback=True):
                    conn.execute(f"insert into {table} (name) values (%s)", (BAD_NAME,))
            except psycopg.Error:
                continue  # a check violation (enforced), or another failure (a required column): cannot tell
            location = tree.locate("column", f"{table}.name") or tree.locate("table", table)
            yield self.at_location(tree, location, f"{table}.name accepts {BAD_NAME!r}: add a check constraint "
                                                   f"for domain_action names (clients insert events too)")


def _event_names(node):
    for child in walk(node):
        if isinstance(child, ast.InsertStmt) and bare(relation_name(child.relation)) == EVENTS_TABLE:
            yield from _inserted(child)
        elif isinstance(child, ast.FuncCall) and EVENT_FUNCTION.search(dotted(child.funcname)[-1]) and child.args:
            first = child.args[0]
            if isinstance(first, ast.A_Const) and isinstance(first.val, ast.String):
                yield first.val.sval


def _inserted(insert: ast.InsertStmt):
    columns = [c.name for c in insert.cols or ()]
    if EVENT_COLUMN not in columns:
        return
    index = columns.index(EVENT_COLUMN)
    select = insert.selectStmt
    rows = select.valuesLists if isinstance(select, ast.SelectStmt) and select.valuesLists else ()
    if not rows and isinstance(select, ast.SelectStmt) and select.targetList:
        rows = [[target.val for target in select.targetList]]
    for row in rows:
        row = getattr(row, "items", row)
        if index < len(row) and isinstance(row[index], ast.A_Const) and isinstance(row[index].val, ast.String):
            yield row[index].val.sval
