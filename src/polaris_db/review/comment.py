"""Post the review on its pull request as one comment, updated in place on every push (pr.yml's `review` job).

`python -m polaris_db.review.comment --repo OWNER/NAME --pr N --body review.md` finds the comment of ours whose
first line is the marker (`gh api --paginate`, every page), edits it (PATCH), or creates it (POST) the first
time: one comment per pull request, whatever the number of pushes. All calls go through `gh api` (GH_TOKEN,
GH_HOST), so the job needs nothing but the runner's gh and `pull-requests: write`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

BOT = "github-actions[bot]"
MARKER = "<!-- polaris-db-review -->"  # the review's first line (render.py writes it): how we find our comment
LIMIT = 65_000  # GitHub refuses a comment body over 65536 characters
GH_TIMEOUT = 60


def _gh(*args: str) -> str:
    try:
        result = subprocess.run(["gh", "api", *args], capture_output=True, text=True, timeout=GH_TIMEOUT,
                                stdin=subprocess.DEVNULL)
    except FileNotFoundError:
        raise SystemExit("error: gh is not installed (the GitHub CLI posts the comment)") from None
    except subprocess.TimeoutExpired:
        raise SystemExit(f"error: gh api {args[0]} gave no answer within {GH_TIMEOUT} s") from None
    if result.returncode != 0:
        raise SystemExit(f"error: gh api {' '.join(args[:3])} failed: "
                         f"{(result.stderr.strip().splitlines() or ['no output'])[-1]}")
    return result.stdout


def body_of(path: Path) -> str:
    if not path.is_file():
        raise SystemExit(f"error: {path}: no review to post (did `inv db.review --output {path}` run?)")
    text = path.read_text(encoding="utf-8")
    if not text.startswith(MARKER):
        text = f"{MARKER}\n{text}"
    if len(text) > LIMIT:
        text = text[:LIMIT] + "\n\n… cut here: the whole review is in the job summary and the `db-review` artifact.\n"
    return text


def existing(repo: str, pr: int) -> str | None:
    """The id of our marker comment on the pull request (the first one), or None."""
    query = f'.[] | select(.user.login == "{BOT}" and ((.body // "") | startswith("{MARKER}"))) | .id'
    ids = _gh("--paginate", f"repos/{repo}/issues/{pr}/comments", "--jq", query).split()
    return ids[0] if ids else None


def post(repo: str, pr: int, body_file: Path) -> str:
    """Create or update the comment; a line saying which."""
    staged = body_file.with_suffix(body_file.suffix + ".comment")
    staged.write_text(body_of(body_file), encoding="utf-8")
    try:
        found = existing(repo, pr)
        if found:
            _gh("--method", "PATCH", f"repos/{repo}/issues/comments/{found}", "-F", f"body=@{staged}", "--silent")
            return f"updated the review comment {found} on {repo}#{pr}"
        _gh("--method", "POST", f"repos/{repo}/issues/{pr}/comments", "-F", f"body=@{staged}", "--silent")
        return f"posted the review comment on {repo}#{pr}"
    finally:
        staged.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m polaris_db.review.comment", description=__doc__.splitlines()[0])
    parser.add_argument("--repo", required=True, help="OWNER/NAME")
    parser.add_argument("--pr", required=True, type=int, help="pull request number")
    parser.add_argument("--body", required=True, type=Path, help="the review's markdown (inv db.review --output)")
    args = parser.parse_args(argv)
    print(post(args.repo, args.pr, args.body))
    return 0


if __name__ == "__main__":
    sys.exit(main())
