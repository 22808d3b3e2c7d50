"""Fixtures for the RLS suite: a tiny schema for testing the machinery itself, and the real matrix."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from polaris_db.database import scratch_database

FIXTURES = Path(__file__).parent / "fixtures"
MINI_SCHEMA = FIXTURES / "mini_schema.sql"
MINI_MATRIX = FIXTURES / "mini_matrix.toml"


@pytest.fixture
def mini_url(empty_url, connect) -> str:
    """A fresh database with the shim and tests/rls/fixtures/mini_schema.sql (correct on purpose)."""
    connect(empty_url).execute(MINI_SCHEMA.read_bytes())
    return empty_url


@pytest.fixture(scope="module")
def mini_db(cluster, empty_template, request) -> str:
    """One database per test module with the shim and the mini schema; the module's tests change it only in
    transactions they roll back."""
    name = "rls_mini_" + request.module.__name__.rsplit(".", 1)[-1]
    with scratch_database(cluster.url("postgres"), name, template=empty_template) as url:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(MINI_SCHEMA.read_bytes())
        yield url
