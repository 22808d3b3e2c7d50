"""The hosted auth hook: `inv db.status --env staging` reports it, `inv db.auth-hook` sets it.

The Management API is a real HTTP server on 127.0.0.1 serving the answers in tests/fixtures/management_api
and applying PATCH bodies to them; the tasks reach it through SUPABASE_API_URL, as a user would. Each task and
flag runs once through `inv` (the CLI contract); the other cases call the task in this process
(tests/run_task.py).
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from polaris_db import auth_hooks
from polaris_db.errors import ConfigError
from polaris_db.tasks.auth import auth_hook
from polaris_db.tasks.cluster import status
from run_inv import inv
from run_task import task_run

ANSWERS = Path(__file__).parent / "fixtures" / "management_api"
REF = "abcdefghijklmnopqrst"
TOKEN = "sbp_0123456789abcdef0123456789abcdef01234567"
HOOK_URI = "pg-functions://postgres/public/set_role_claim"


class FakeProject:
    """One project's auth config behind the two endpoints; records every request."""

    def __init__(self, answer: str):
        self.config = json.loads((ANSWERS / answer).read_text())
        self.requests: list[tuple[str, str, dict | None]] = []


def _handler(project: FakeProject):
    class Handler(BaseHTTPRequestHandler):
        def _answer(self, code: int, body: dict) -> None:
            data = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _route(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length)) if length else None
            project.requests.append((method, self.path, body))
            if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                return self._answer(401, {"message": "Unauthorized"})
            if self.path != f"/v1/projects/{REF}/config/auth":
                return self._answer(404, {"message": "Project not found"})
            if method == "PATCH":
                project.config.update(body)
            self._answer(200, project.config)

        def do_GET(self):  # noqa: N802 (http.server's naming)
            self._route("GET")

        def do_PATCH(self):  # noqa: N802
            self._route("PATCH")

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def management_api():
    """start(answer) -> (project, base URL): a loopback Management API serving that answer file."""
    servers = []

    def start(answer: str):
        project = FakeProject(answer)
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(project))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return project, f"http://127.0.0.1:{server.server_port}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def _env(url: str, api: str | None = None, token: str | None = TOKEN) -> dict:
    env = {"SUPABASE_STAGING_URL": url, "SUPABASE_STAGING_PROJECT_REF": REF, "NO_PROXY": "127.0.0.1",
           "no_proxy": "127.0.0.1"}
    if api:
        env["SUPABASE_API_URL"] = api
    if token:
        env["SUPABASE_ACCESS_TOKEN"] = token
    return env


def _hook_line(stdout: str) -> str:
    return next(line for line in stdout.splitlines() if line.startswith("hook"))


def test_status_without_a_token_says_unknown_and_passes(schema_url, capsys):
    result = task_run(status, capsys, _env(schema_url, token=None), env="staging")
    assert result.returncode == 0, result.stderr
    assert _hook_line(result.stdout).split(None, 1)[1] == "unknown (SUPABASE_ACCESS_TOKEN not set)"


def test_status_fails_when_the_hook_is_off_and_the_migrations_need_it(schema_url, management_api):
    project, api = management_api("auth_config_hook_off.json")
    result = inv("db.status", "--env", "staging", env=_env(schema_url, api))
    assert result.returncode == 1
    assert _hook_line(result.stdout).split(None, 1)[1] == "off"
    assert result.stderr.startswith("error: the custom access token hook is off on staging, but the migrations need "
                                    f"on ({HOOK_URI})") and result.stderr.count("\n") == 1
    assert "inv db.auth-hook --env staging" in result.stderr
    assert TOKEN not in result.stdout + result.stderr
    assert [(method, path) for method, path, _ in project.requests] == [("GET", f"/v1/projects/{REF}/config/auth")]


def test_status_json_carries_the_hook(schema_url, management_api, capsys):
    _, api = management_api("auth_config_hook_on.json")
    result = task_run(status, capsys, _env(schema_url, api), env="staging", json_=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["auth_hook"] == {"state": f"on ({HOOK_URI})", "needed": True, "problem": None}


def test_status_passes_when_the_hook_is_off_and_nothing_needs_it(empty_url, management_api, capsys):
    """A database without 0040's hook function: tokens without the claim are what it expects."""
    _, api = management_api("auth_config_hook_off.json")
    result = task_run(status, capsys, _env(empty_url, api), env="staging")
    assert result.returncode == 0, result.stderr
    assert _hook_line(result.stdout).split(None, 1)[1] == "off"


def test_auth_hook_switches_it_on_with_only_its_fields_then_leaves_it(schema_url, management_api, capsys):
    project, api = management_api("auth_config_hook_off.json")
    before = dict(project.config)
    check = inv("db.auth-hook", "--env", "staging", "--check", env=_env(schema_url, api))
    assert check.returncode == 1 and "supabase/config.toml says on" in check.stderr
    assert [method for method, _, _ in project.requests] == ["GET"]  # --check changes nothing

    result = inv("db.auth-hook", "--env", "staging", env=_env(schema_url, api))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"auth hook on staging: on ({HOOK_URI}) (was off)"
    patches = [body for method, _, body in project.requests if method == "PATCH"]
    assert patches == [{"hook_custom_access_token_enabled": True, "hook_custom_access_token_uri": HOOK_URI}]
    changed = {key for key in project.config if project.config[key] != before[key]}
    assert changed == {"hook_custom_access_token_enabled", "hook_custom_access_token_uri"}  # site_url etc. untouched

    again = task_run(auth_hook, capsys, _env(schema_url, api), env="staging")
    assert again.stdout.strip() == f"auth hook on staging: on ({HOOK_URI}) (already so)"
    assert [method for method, _, _ in project.requests].count("PATCH") == 1
    after = task_run(status, capsys, _env(schema_url, api), env="staging")
    assert after.returncode == 0 and _hook_line(after.stdout).endswith(f"on ({HOOK_URI})")


def test_a_refused_token_is_one_line_exit_2_without_the_token(schema_url, management_api, capsys):
    _, api = management_api("auth_config_hook_off.json")
    result = task_run(auth_hook, capsys, _env(schema_url, api, token="sbp_wrong_token_value_123456"), env="staging")
    assert result.returncode == 2
    assert result.stderr.startswith("error: Management API GET /v1/projects/") and result.stderr.count("\n") == 1
    assert "HTTP 401" in result.stderr and "sbp_wrong" not in result.stdout + result.stderr


def test_auth_hook_needs_a_token_and_a_hosted_env(schema_url, capsys):
    result = task_run(auth_hook, capsys, _env(schema_url, token=None), env="staging")
    assert result.returncode == 2 and "SUPABASE_ACCESS_TOKEN is not set" in result.stderr
    local = task_run(auth_hook, capsys, env="local")
    assert local.returncode == 2 and "--env takes staging or prod" in local.stderr


def test_an_unreachable_api_is_exit_5(schema_url, capsys):
    result = task_run(auth_hook, capsys, _env(schema_url, "http://127.0.0.1:9"), env="staging")
    assert result.returncode == 5 and "unreachable" in result.stderr


@pytest.mark.parametrize(("url", "ref"), [
    ("postgresql://postgres:pw@db.abcdefghijklmnopqrst.supabase.co:5432/postgres", REF),
    ("postgresql://postgres.abcdefghijklmnopqrst:pw@aws-0-eu-central-1.pooler.supabase.com:5432/postgres", REF),
])
def test_project_ref_from_the_database_url(url, ref, monkeypatch):
    monkeypatch.delenv("SUPABASE_STAGING_PROJECT_REF", raising=False)
    assert auth_hooks.project_ref("staging", url) == ref


def test_no_project_ref_names_the_variable(monkeypatch):
    monkeypatch.delenv("SUPABASE_PROD_PROJECT_REF", raising=False)
    with pytest.raises(ConfigError, match="SUPABASE_PROD_PROJECT_REF"):
        auth_hooks.project_ref("prod", "postgresql://postgres:pw@127.0.0.1:5432/postgres")


def test_config_toml_declares_the_hook_0040_created():
    assert auth_hooks.wanted() == auth_hooks.Hook(True, HOOK_URI)
    assert auth_hooks.hook_function(HOOK_URI) == "public.set_role_claim"
