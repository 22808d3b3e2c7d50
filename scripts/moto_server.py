#!/usr/bin/env python3
"""moto's S3 server as `python -m moto.server` runs it (same arguments: -H host -p port), faster per request.

moto looks each request's Host up in a fresh listing of its ~180 service packages (listdir + isdir each), twice
per request: a third of its CPU for an S3 call. The listing never changes while a server runs, so it is made once.
`cache_services()` does the same for a server in the calling process (moto's ThreadedMotoServer).
"""

from __future__ import annotations


def cache_services() -> None:
    import moto.backends as backends

    listed = tuple(backends.list_of_moto_modules())
    backends.list_of_moto_modules = lambda: listed


if __name__ == "__main__":
    cache_services()
    from moto.server import main

    main()
