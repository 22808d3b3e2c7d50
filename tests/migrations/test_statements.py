"""The splitter stores exactly what Supabase CLI 3.1.0 stored for the same files (captured in fixtures)."""

import json
from pathlib import Path

import pytest

from polaris_db.migrations.statements import split_statements, statement_spans

FIXTURES = Path(__file__).parents[1] / "fixtures" / "statements"
EXPECTED = json.loads((FIXTURES / "expected_by_cli_3.1.0.json").read_text())


@pytest.mark.parametrize("filename", sorted(EXPECTED))
def test_split_matches_the_cli(filename):
    sql = (FIXTURES / "migrations" / filename).read_bytes().decode()
    assert split_statements(sql) == EXPECTED[filename]


def test_spans_point_at_the_statement_start():
    sql = "-- header\nselect 1;\n\n  select 2;"
    assert [(sql[offset:offset + 6], text) for offset, text in statement_spans(sql)] == [
        ("-- hea", "-- header\nselect 1"),
        ("select", "select 2"),
    ]
