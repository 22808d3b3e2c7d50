"""`inv(...)`: run an `inv db.*` command as a user does: its own process, exit code and output, no
DATABASE_URL/SUPABASE_* leaking in.

The process is forked from a pre-imported Python (tests/inv_zygote.py, one per test process, started at the first
call) rather than a new interpreter: the same `python -m invoke` runs in it, with tasks.py and polaris_db imported
afresh, so only the interpreter's start-up is skipped (~0.3 of the ~0.4 CPU-seconds a call costs; the suite makes
~150). POLARIS_TEST_INV=subprocess starts a new interpreter per call instead; tests/tasks/test_namespace.py always
does, since start-up is what it measures.
"""

from __future__ import annotations

import atexit
import io
import json
import locale
import os
import selectors
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from polaris_db import REPO_ROOT

TIMEOUT = 300
_zygote: dict = {}


def inv(*args, url=None, env=None, timeout=TIMEOUT):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "SUPABASE_"))}
    if url:
        environment["DATABASE_URL"] = url
    environment.update(env or {})
    if os.environ.get("POLARIS_TEST_INV") == "subprocess":
        return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=REPO_ROOT, env=environment,
                              capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=timeout)
    return _forked(list(args), environment, timeout)


def inv_path(folder: Path) -> dict[str, str]:
    """Environment for a shell script under test whose `inv` should be this module's: PATH with an `inv` that calls
    the zygote (tests/inv_client.py), or the virtualenv's own `inv` under POLARIS_TEST_INV=subprocess."""
    venv_bin = str(Path(sys.executable).parent)
    if os.environ.get("POLARIS_TEST_INV") == "subprocess":
        return {"PATH": f"{venv_bin}:{os.environ['PATH']}"}
    folder.mkdir(parents=True, exist_ok=True)
    wrapper = folder / "inv"
    client = Path(__file__).with_name("inv_client.py")
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -I -S "{client}" "$@"\n')
    wrapper.chmod(0o755)
    return {"PATH": f"{folder}:{venv_bin}:{os.environ['PATH']}", "POLARIS_INV_ZYGOTE": _socket_path()}


def _socket_path() -> str:
    if _zygote.get("process") and _zygote["process"].poll() is None:
        return _zygote["path"]
    folder = tempfile.mkdtemp(prefix="polaris-inv-")
    path = os.path.join(folder, "zygote.sock")
    process = subprocess.Popen([sys.executable, str(Path(__file__).with_name("inv_zygote.py")), path],
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, cwd=REPO_ROOT)
    if process.stdout.readline().strip() != b"ready":
        process.kill()
        raise RuntimeError(f"the inv zygote did not start (exit {process.wait(timeout=10)})")
    _zygote.update(process=process, path=path)
    atexit.register(_stop, process, folder)
    return path


def _stop(process: subprocess.Popen, folder: str) -> None:
    process.kill()
    process.wait(timeout=10)
    for name in os.listdir(folder):
        os.unlink(os.path.join(folder, name))
    os.rmdir(folder)


def _forked(argv: list[str], env: dict[str, str], timeout: float) -> subprocess.CompletedProcess:
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    conn.connect(_socket_path())
    out_read, out_write = os.pipe()
    err_read, err_write = os.pipe()
    with open(os.devnull, "rb") as devnull:
        socket.send_fds(conn, [json.dumps({"argv": argv, "env": env, "cwd": str(REPO_ROOT)}).encode()],
                        [devnull.fileno(), out_write, err_write])
    os.close(out_write)
    os.close(err_write)
    replies = conn.makefile("rb")
    pid = json.loads(replies.readline())["pid"]
    chunks: dict[int, list[bytes]] = {out_read: [], err_read: []}
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        for fd in chunks:
            selector.register(fd, selectors.EVENT_READ)
        while selector.get_map():
            left = deadline - time.monotonic()
            if left <= 0:
                os.kill(pid, signal.SIGKILL)
                for fd in chunks:
                    os.close(fd)
                conn.close()
                raise subprocess.TimeoutExpired(["inv", *argv], timeout)
            for key, _ in selector.select(left):
                data = os.read(key.fd, 65536)
                if data:
                    chunks[key.fd].append(data)
                else:
                    selector.unregister(key.fd)
                    os.close(key.fd)
    code = json.loads(replies.readline())["exit"]
    conn.close()
    # as subprocess.run(text=True) decodes: the locale's encoding, universal newlines
    stdout, stderr = (io.TextIOWrapper(io.BytesIO(b"".join(chunks[fd])), encoding=locale.getpreferredencoding(False)).read()
                      for fd in (out_read, err_read))
    return subprocess.CompletedProcess(["inv", *argv], code, stdout, stderr)
