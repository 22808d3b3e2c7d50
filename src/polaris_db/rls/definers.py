"""A security definer function pins its search_path: one rule for the catalog audit and lint's PC303.

A definer function runs with its owner's rights; if it resolves names through the caller's search_path,
the caller can shadow a table or function it uses and run code as the owner. The audit reads the SET
clauses from `pg_proc.proconfig`, PC303 from the parsed `create function`; both ask this module.
"""

from __future__ import annotations

from collections.abc import Iterable

RULE = "definer-search-path"


def pins_search_path(settings: Iterable[str]) -> bool:
    """`settings`: the function's SET clauses, as names or as `name=value` (pg_proc.proconfig's form)."""
    return any(setting.partition("=")[0].strip().lower() == "search_path" for setting in settings)


def unpinned(function: str) -> str:
    """The finding's message, the same wherever it is found."""
    return (f"security definer function {function} does not set search_path "
            "(a caller's search_path can hijack it: set search_path = '' and qualify names)")
