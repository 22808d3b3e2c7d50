import sys
from pathlib import Path

import psycopg
import pytest

from polaris_db.database import scratch_database

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="module")
def module_schema_url(cluster, schema_template, request) -> str:
    """One clone of the schema template per test module; its tests work in transactions rolled back
    (schema_conn), so each sees the template's state."""
    name = "schema_" + request.module.__name__.rsplit(".", 1)[-1]
    with scratch_database(cluster.url("postgres"), name, template=schema_template, strategy="file_copy") as url:
        yield url


@pytest.fixture
def schema_conn(module_schema_url):
    """A connection to the module's database in a transaction rolled back after the test (acting_as nests
    its own as savepoints): what a fresh clone per test gave, for a test that commits nothing."""
    with psycopg.connect(module_schema_url) as conn:
        yield conn
        conn.rollback()
