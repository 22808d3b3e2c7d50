"""The order of test files for the xdist workers (`--dist loadfile --no-loadscope-reorder`): the longest first,
so no long file is sent last and becomes the whole run's tail (xdist's own order, most tests first, sent the
one-test end-to-end files last).

Seconds per file come from the last whole runs in this checkout (pytest's cache, `polaris/file-seconds`); the
controller hands them to its workers, so every worker collects the same order. Without them (a fresh clone),
files that start servers of their own, run the Supabase CLI or a bench go first.
"""

from __future__ import annotations

import pytest

KEY = "polaris/file-seconds"
HEAVY_FIXTURES = {"cluster_dir", "fresh_cluster_dir", "s3_store"}
UNKNOWN_HEAVY = 60.0  # seconds assumed for a heavy file with no record
WHOLE_RUN = 500  # tests: smaller runs (-k, one folder) do not overwrite the record

_seconds: dict[str, float] = {}
_tests: set[str] = set()


def known_seconds(config) -> dict[str, float]:
    if hasattr(config, "workerinput"):
        return config.workerinput.get("polaris_file_seconds", {})
    cache = getattr(config, "cache", None)
    return cache.get(KEY, {}) if cache else {}


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    node.workerinput["polaris_file_seconds"] = known_seconds(node.config)


def _heavy(item) -> bool:
    return bool(HEAVY_FIXTURES & set(getattr(item, "fixturenames", ())) or item.get_closest_marker("cli")
                or item.get_closest_marker("benchmark"))


def pytest_collection_modifyitems(config, items):
    seconds = known_seconds(config)
    heavy = {item.nodeid.split("::")[0] for item in items if _heavy(item)}

    def weight(item) -> float:
        file = item.nodeid.split("::")[0]
        return -seconds.get(file, UNKNOWN_HEAVY if file in heavy else 0.0)

    items.sort(key=weight)  # stable: a file's tests stay together and in their order


def pytest_runtest_logreport(report):
    """Every phase's duration, per file (under xdist the controller receives the workers' reports)."""
    file = report.nodeid.split("::")[0]
    _seconds[file] = _seconds.get(file, 0.0) + report.duration
    _tests.add(report.nodeid)


def record_file_seconds(config) -> None:
    cache = getattr(config, "cache", None)
    if cache is None or hasattr(config, "workerinput") or len(_tests) < WHOLE_RUN:
        return
    cache.set(KEY, {**cache.get(KEY, {}), **{file: round(value, 2) for file, value in _seconds.items()}})
