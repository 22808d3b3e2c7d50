"""A pre-imported Python that forks one process per `inv` call of the tests (tests/run_inv.py starts it).

Started as `python inv_zygote.py <socket>`. It imports invoke and every library the tasks use, forgets the project's
own modules again (so each call imports tasks.py and polaris_db afresh, reading that call's environment), then serves
calls on a Unix socket: a JSON line {argv, env, cwd} with the call's stdin/stdout/stderr as passed descriptors. Per
call it forks a supervisor, which forks the worker and reports back `{"pid": ...}` then `{"exit": code}`. The worker
runs `python -m invoke <argv>` the way the interpreter would (runpy, threads joined and atexit run before exiting).

Why: start-up is ~0.3 of the ~0.4 CPU-seconds an `inv` call costs, and the suite makes ~150 of them on 2 cores.
Single-threaded until it forks, on purpose: forking a process with threads can copy a held lock.
"""

from __future__ import annotations

import atexit
import importlib
import io
import json
import os
import runpy
import signal
import socket
import sys
import threading
import traceback

MAX_FDS = 3


def preload() -> None:
    import boto3.s3.transfer  # noqa: F401 (imported inside the functions that use a bucket: ~0.5 CPU-s a call)
    import botocore.config  # noqa: F401
    import invoke.main  # noqa: F401

    from shared_imports import import_polaris_db

    import_polaris_db()
    for name in [name for name in sys.modules if name == "polaris_db" or name.startswith("polaris_db.")]:
        del sys.modules[name]


def _stdio() -> None:
    """Fresh sys.std* on descriptors 0-2, encoded and buffered as a new interpreter's are for pipes."""
    encoding = sys.stdout.encoding
    sys.stdin = io.TextIOWrapper(io.BufferedReader(io.FileIO(0, "r", closefd=False)), encoding=encoding)
    sys.stdout = io.TextIOWrapper(io.BufferedWriter(io.FileIO(1, "w", closefd=False)), encoding=encoding)
    sys.stderr = io.TextIOWrapper(io.BufferedWriter(io.FileIO(2, "w", closefd=False)), encoding=encoding,
                                  errors="backslashreplace", line_buffering=True)
    sys.__stdin__, sys.__stdout__, sys.__stderr__ = sys.stdin, sys.stdout, sys.stderr


def _exit_code(exit: SystemExit) -> int:
    if exit.code is None:
        return 0
    if isinstance(exit.code, int):
        return exit.code
    print(exit.code, file=sys.stderr)
    return 1


def run_invoke(argv: list[str], env: dict[str, str], cwd: str) -> int:
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    _stdio()
    sys.argv = [os.path.join(os.path.dirname(importlib.import_module("invoke").__file__), "__main__.py"), *argv]
    sys.path[0] = cwd  # as `python -m` sets it
    try:
        runpy.run_module("invoke", run_name="__main__", alter_sys=True)
        code = 0
    except SystemExit as exit:
        code = _exit_code(exit)
    except BaseException:
        traceback.print_exc()
        code = 1
    threading._shutdown()  # what the interpreter does at exit: wait for non-daemon threads, then atexit
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    return code


def serve_one(conn: socket.socket) -> None:
    """In the supervisor: start the worker, say its pid, wait, say its exit code."""
    message, fds, _, _ = socket.recv_fds(conn, 1 << 20, MAX_FDS)
    request = json.loads(message)
    worker = os.fork()
    if worker == 0:
        conn.close()
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
        for fd in fds:
            if fd > 2:
                os.close(fd)
        os._exit(run_invoke(request["argv"], request["env"], request["cwd"]))
    for fd in fds:
        os.close(fd)
    conn.sendall(json.dumps({"pid": worker}).encode() + b"\n")
    _, status = os.waitpid(worker, 0)
    conn.sendall(json.dumps({"exit": os.waitstatus_to_exitcode(status)}).encode() + b"\n")


def main(path: str) -> None:
    preload()
    parent = os.getppid()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(16)
    listener.settimeout(1.0)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # supervisors are reaped by the kernel
    print("ready", flush=True)
    while os.getppid() == parent:  # the test worker that started us is gone: so are we
        try:
            conn, _ = listener.accept()
        except TimeoutError:
            continue
        if os.fork() == 0:
            listener.close()
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            conn.settimeout(None)
            try:
                serve_one(conn)
            finally:
                os._exit(0)
        conn.close()


if __name__ == "__main__":
    main(sys.argv[1])
