"""Migration numbers in the docs (README.md, ops/**/*.md, the workflows' comments) name migrations that exist:
a file name is a file under ops/supabase/migrations, a bare number (`0034`, `migration 0010`, `0033-0038`)
a migration's number. Examples of a new file say `NNNN_name.sql`; `0012_x.sql`-style one-letter names are
placeholders."""

import re

from polaris_db import MIGRATIONS_DIR, REPO_ROOT

FILE_NAME = re.compile(r"(?<![\w/.-])(?:[\w./-]*/)?(\d{4})_([a-z0-9_]+)\.sql\b")
BARE_NUMBER = re.compile(r"(?<![\w.:/\-])0\d{3}(?![\w.:])|(?<=\d{4}-)0\d{3}\b")
NOT_MIGRATIONS = {("ops/supabase/backup.md", "0600")}  # a file mode


def docs():
    paths = [REPO_ROOT / "README.md", *sorted((REPO_ROOT / "ops").rglob("*.md"))]
    for path in paths:
        yield path.relative_to(REPO_ROOT).as_posix(), path.read_text()
    for path in sorted((REPO_ROOT / ".github" / "workflows").glob("*.y*ml")):
        comments = "\n".join(line.split("#", 1)[1] if "#" in line else "" for line in path.read_text().splitlines())
        yield path.relative_to(REPO_ROOT).as_posix(), comments


def stale_references() -> list[str]:
    files = {path.name for path in MIGRATIONS_DIR.glob("*.sql")}
    numbers = {name[:4] for name in files}
    found = []
    for where, text in docs():
        for match in FILE_NAME.finditer(text):
            name = f"{match[1]}_{match[2]}.sql"
            line = text.count("\n", 0, match.start()) + 1
            if len(match[2]) == 1 or match[0] != name and (REPO_ROOT / match[0]).is_file():
                continue  # a placeholder (0012_x.sql), or a file elsewhere named by its path
            if name not in files:
                found.append(f"{where}:{line}: {name} is not a migration")
        names = [match.span() for match in FILE_NAME.finditer(text)]
        for match in BARE_NUMBER.finditer(text):
            if any(start <= match.start() < end for start, end in names):
                continue
            if match[0] not in numbers and (where, match[0]) not in NOT_MIGRATIONS:
                found.append(f"{where}:{text.count(chr(10), 0, match.start()) + 1}: migration {match[0]} does not exist")
    return found


def test_every_migration_the_docs_name_exists():
    assert stale_references() == []


def test_a_number_that_does_not_exist_is_caught(monkeypatch, tmp_path):
    """The check can fail: a doc naming a missing file, and a number past the head."""
    head = max(int(path.name[:4]) for path in MIGRATIONS_DIR.glob("*.sql"))
    doc = tmp_path / "ops" / "x.md"
    doc.parent.mkdir()
    doc.write_text(f"Run `0033_add_streaks.sql` first, then migration {head + 1:04d}; `0012_x.sql` is a placeholder.\n")
    monkeypatch.setattr(f"{__name__}.REPO_ROOT", tmp_path)
    (tmp_path / "README.md").write_text("")
    assert stale_references() == ["ops/x.md:1: 0033_add_streaks.sql is not a migration",
                                  f"ops/x.md:1: migration {head + 1:04d} does not exist"]
