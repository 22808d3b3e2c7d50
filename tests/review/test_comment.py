"""pr.yml's review job posts ONE comment and edits it on every push: its step's script run as the job runs it,
with the runner's `gh api`, against a recorded GitHub API on loopback (HTTPS, a throwaway certificate)."""

from __future__ import annotations

import copy
import json
import shutil
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from polaris_db import REPO_ROOT
from polaris_db.review.render import MARKER

RECORDED = json.loads((Path(__file__).parents[1] / "fixtures" / "review" / "github" / "comments.json").read_text())
PAGE = 2  # comments per page: the marker comment is on the second page
REPO, PR = "polaris/coach-db", 7

pytestmark = pytest.mark.skipif(not shutil.which("gh") or not shutil.which("openssl"), reason="needs gh and openssl")


class GitHub(BaseHTTPRequestHandler):
    comments: list[dict] = []
    calls: list[tuple[str, str]] = []

    def log_message(self, *args) -> None:
        pass

    def _send(self, status: int, payload, link: str | None = None) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        if link:
            self.send_header("Link", link)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        url = urlparse(self.path)
        self.calls.append(("GET", url.path))
        assert self.headers["Authorization"] == "token pr-token" and url.path == f"/api/v3/repos/{REPO}/issues/{PR}/comments"
        page = int(dict(p.split("=") for p in url.query.split("&") if "=" in p).get("page", 1))
        chunk = self.comments[(page - 1) * PAGE:page * PAGE]
        more = page * PAGE < len(self.comments)
        host = self.headers["Host"]
        self._send(200, chunk, f'<https://{host}{url.path}?page={page + 1}>; rel="next"' if more else None)

    def _body(self) -> dict:
        return json.loads(self.rfile.read(int(self.headers["Content-Length"])))

    def do_PATCH(self) -> None:
        self.calls.append(("PATCH", self.path))
        found = next(c for c in self.comments if self.path == f"/api/v3/repos/{REPO}/issues/comments/{c['id']}")
        found["body"] = self._body()["body"]
        self._send(200, found)

    def do_POST(self) -> None:
        self.calls.append(("POST", self.path))
        assert self.path == f"/api/v3/repos/{REPO}/issues/{PR}/comments"
        comment = {"id": 900 + len(self.comments), "user": {"login": "github-actions[bot]"}, "body": self._body()["body"]}
        self.comments.append(comment)
        self._send(201, comment)


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A throwaway certificate for 127.0.0.1 (one per module: the servers only read it)."""
    folder = tmp_path_factory.mktemp("github-cert")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(folder / "key.pem"),
                    "-out", str(folder / "cert.pem"), "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True, timeout=60)
    return folder / "cert.pem", folder / "key.pem"


@pytest.fixture
def github(certificate):
    cert, key = certificate
    server = ThreadingHTTPServer(("127.0.0.1", 0), GitHub)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    GitHub.comments, GitHub.calls = [], []
    try:
        yield server, cert
    finally:
        server.shutdown()
        server.server_close()


def _job_step():
    steps = yaml.safe_load((REPO_ROOT / ".github" / "workflows" / "pr.yml").read_text())["jobs"]["review"]["steps"]
    return next(s for s in steps if s.get("name", "").startswith("post or update the review comment"))


def run_step(github, body: str, tmp_path: Path):
    """The job's step as the runner runs it: its `run` line in bash, its env with the event's values."""
    server, cert = github
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    (work / "review.md").write_text(body)
    step = _job_step()
    env = {"PATH": "/usr/bin:/bin", "GH_TOKEN": "pr-token", "REPO": REPO, "PR": str(PR),
           "GH_HOST": f"127.0.0.1:{server.server_port}", "GH_ENTERPRISE_TOKEN": "pr-token",
           "SSL_CERT_FILE": str(cert), "GH_CONFIG_DIR": str(tmp_path / "gh"), "HOME": str(tmp_path)}
    assert set(step["env"]) == {"GH_TOKEN", "REPO", "PR"}
    command = step["run"].replace(".venv/bin/", f"{REPO_ROOT}/.venv/bin/")  # the checkout's venv, from the job's folder
    return subprocess.run(["bash", "-e", "-c", command], cwd=work, env=env, capture_output=True, text=True,
                          timeout=120)


def test_the_marker_comment_is_edited_in_place_across_pages(github, tmp_path):
    GitHub.comments = copy.deepcopy(RECORDED)
    result = run_step(github, f"{MARKER}\n## Database review: no blockers\n", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"updated the review comment 202 on {REPO}#{PR}"
    assert [c for c in GitHub.calls if c[0] != "GET"] == [("PATCH", f"/api/v3/repos/{REPO}/issues/comments/202")]
    assert len(GitHub.comments) == len(RECORDED)  # no new comment
    assert GitHub.comments[3]["body"] == f"{MARKER}\n## Database review: no blockers\n"
    assert GitHub.comments[0]["body"] == RECORDED[0]["body"]  # a human quoting the marker is never edited


def test_the_first_push_posts_and_the_next_ones_update(github, tmp_path):
    GitHub.comments = copy.deepcopy(RECORDED[:3])  # no review comment yet
    first = run_step(github, f"{MARKER}\n## Database review: 1 blocker(s)\n", tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == f"posted the review comment on {REPO}#{PR}"
    second = run_step(github, "## Database review: no blockers\n", tmp_path)  # the marker is added when missing
    assert second.returncode == 0, second.stderr
    (ours,) = [c for c in GitHub.comments if c["body"].startswith(MARKER)]
    assert second.stdout.strip() == f"updated the review comment {ours['id']} on {REPO}#{PR}"
    assert ours["body"] == f"{MARKER}\n## Database review: no blockers\n"
    assert [c[0] for c in GitHub.calls if c[0] != "GET"] == ["POST", "PATCH"]


def test_a_refused_call_is_one_error_line(github, tmp_path):
    GitHub.comments = copy.deepcopy(RECORDED)
    server, cert = github
    server.server_close()  # nobody answers
    result = run_step(github, "x", tmp_path)
    assert result.returncode != 0 and result.stderr.strip().startswith("error: gh api ")
    assert len(result.stderr.strip().splitlines()) == 1


def test_no_review_file_is_one_error_line_and_no_call(github, tmp_path):
    GitHub.comments = copy.deepcopy(RECORDED)
    (tmp_path / "work").mkdir()
    step = _job_step()
    command = step["run"].replace(".venv/bin/", f"{REPO_ROOT}/.venv/bin/")
    result = subprocess.run(["bash", "-e", "-c", command], cwd=tmp_path / "work", capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "REPO": REPO, "PR": str(PR)}, timeout=120)
    assert result.returncode == 1 and result.stderr.startswith("error: review.md: no review to post")
    assert GitHub.calls == []


def test_only_the_review_job_may_write_to_pull_requests_and_forks_only_get_the_summary():
    workflow = yaml.safe_load((REPO_ROOT / ".github" / "workflows" / "pr.yml").read_text())
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert jobs["review"]["permissions"] == {"contents": "read", "pull-requests": "write"}
    assert all("permissions" not in job for name, job in jobs.items() if name != "review")
    steps = jobs["review"]["steps"]
    assert _job_step()["if"] == "github.event.pull_request.head.repo.full_name == github.repository"
    review = next(s for s in steps if s.get("id") == "review")
    assert "inv db.review --base" in review["run"] and "GITHUB_STEP_SUMMARY" in review["run"]
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["if"] == "always()" and upload["with"]["name"] == "db-review"
