"""Fixtures for the RLS suite: a tiny schema for testing the machinery itself, and the real matrix."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
MINI_SCHEMA = FIXTURES / "mini_schema.sql"
MINI_MATRIX = FIXTURES / "mini_matrix.toml"


@pytest.fixture
def mini_url(empty_url, connect) -> str:
    """A fresh database with the shim and tests/rls/fixtures/mini_schema.sql (correct on purpose)."""
    connect(empty_url).execute(MINI_SCHEMA.read_bytes())
    return empty_url
