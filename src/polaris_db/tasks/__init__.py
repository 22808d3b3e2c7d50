"""Invoke collections. Each area module defines TASKS; `namespace()` puts them all under `db`."""

from importlib import import_module

from invoke import Collection

# One module per area; add a module name here when an area gains tasks.
AREAS = ("cluster", "migrate", "backup", "rehearse", "rls", "lint", "types", "sync")


def namespace() -> Collection:
    db = Collection("db")
    for area in AREAS:
        for task in import_module(f"{__name__}.{area}").TASKS:
            db.add_task(task)
    root = Collection()
    root.add_collection(db)
    return root
