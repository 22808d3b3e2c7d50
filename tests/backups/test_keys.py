"""POLARIS_BACKUP_IDENTITY_FILE reads the files people make: `age-keygen`'s and backup.md's one-liner's."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pyrage import x25519

from polaris_db import OPS_DIR, REPO_ROOT
from polaris_db.backups import keys
from polaris_db.errors import ConfigError


def age_keygen_file(identity: x25519.Identity) -> str:
    """Byte for byte what `age-keygen -o key.txt` writes."""
    return f"# created: 2026-12-04T18:00:00Z\n# public key: {identity.to_public()}\n{identity}\n"


def use_file(monkeypatch, path: Path) -> None:
    monkeypatch.delenv(keys.IDENTITY_VAR, raising=False)
    monkeypatch.setenv(keys.IDENTITY_FILE_VAR, str(path))


def test_an_age_keygen_file_is_read(tmp_path, monkeypatch):
    identity = x25519.Identity.generate()
    (tmp_path / "key.txt").write_text(age_keygen_file(identity))
    use_file(monkeypatch, tmp_path / "key.txt")
    assert [str(k) for k in keys.identities()] == [str(identity)]
    assert keys.matching([keys.fingerprint(str(identity.to_public()))], "x.backup")


def test_the_one_liner_in_backup_md_writes_a_file_that_is_read(tmp_path, monkeypatch):
    """The documented command, run as written (it used to print the public key on a line of its own)."""
    command = re.search(r"```bash\n\s*(\(umask 077; \.venv/bin/python -c .*? > backup-key\.txt\))\n",
                        (OPS_DIR / "backup.md").read_text())[1]
    command = command.replace(".venv/bin/python", sys.executable).replace("backup-key.txt", str(tmp_path / "key.txt"))
    subprocess.run(["bash", "-c", command], check=True, cwd=REPO_ROOT, timeout=60)
    assert (tmp_path / "key.txt").stat().st_mode & 0o077 == 0
    text = (tmp_path / "key.txt").read_text()
    public = re.search(r"^# public key: (age1\S+)$", text, re.M)[1]
    use_file(monkeypatch, tmp_path / "key.txt")
    [identity] = keys.identities()
    assert str(identity.to_public()) == public
    assert re.fullmatch(r"# created: \S+Z\n# public key: age1\S+\nAGE-SECRET-KEY-1\S+\n", text)


def test_a_file_from_the_old_one_liner_still_reads(tmp_path, monkeypatch):
    identity = x25519.Identity.generate()
    (tmp_path / "key.txt").write_text(f"{identity}\n{identity.to_public()}\n")
    use_file(monkeypatch, tmp_path / "key.txt")
    assert [str(k) for k in keys.identities()] == [str(identity)]


def test_a_file_with_only_the_public_key_is_refused_named(tmp_path, monkeypatch):
    identity = x25519.Identity.generate()
    (tmp_path / "key.txt").write_text(f"{identity.to_public()}\n")
    use_file(monkeypatch, tmp_path / "key.txt")
    with pytest.raises(ConfigError, match=r"holds only a public key \(age1…\): it needs the private key"):
        keys.identities()


def test_a_broken_line_is_refused_without_echoing_it(tmp_path, monkeypatch):
    identity = x25519.Identity.generate()
    (tmp_path / "key.txt").write_text(age_keygen_file(identity).replace("AGE-SECRET-KEY-1", "AGE-SECRET-KEY-9"))
    use_file(monkeypatch, tmp_path / "key.txt")
    with pytest.raises(ConfigError) as raised:
        keys.identities()
    assert str(identity)[20:] not in str(raised.value)
