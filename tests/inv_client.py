"""`inv` for shell scripts under test (the restore runbook): the same call as tests/run_inv.py makes, from a shell.

Started by the `inv` wrapper that `run_inv.inv_path()` writes (`python -I -S inv_client.py ARGS`: no site, no
imports beyond the standard library, ~0.02 CPU-s). It hands the zygote named by POLARIS_INV_ZYGOTE its own
stdin/stdout/stderr, its environment and directory, and exits with the worker's code (128+N for signal N), so to
the shell it is `inv`. SIGINT/SIGTERM are passed on to the worker.
"""

import json
import os
import signal
import socket
import sys


def main() -> int:
    env = dict(os.environ)
    path = env.pop("POLARIS_INV_ZYGOTE")
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    conn.connect(path)
    socket.send_fds(conn, [json.dumps({"argv": sys.argv[1:], "env": env, "cwd": os.getcwd()}).encode()], [0, 1, 2])
    replies = conn.makefile("rb")
    pid = json.loads(replies.readline())["pid"]
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda received, frame: os.kill(pid, received))
    line = replies.readline()
    if not line:
        print("error: the inv zygote went away", file=sys.stderr)
        return 1
    code = json.loads(line)["exit"]
    return 128 - code if code < 0 else code


if __name__ == "__main__":
    sys.exit(main())
