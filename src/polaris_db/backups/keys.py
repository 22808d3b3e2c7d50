"""Client-side encryption with age (pyrage): public recipients encrypt, only a restore needs an identity.

- `POLARIS_BACKUP_RECIPIENTS`: one or more `age1...` public keys (spaces, commas or new lines between);
  not secret. Backups to an `s3://` store are refused without one; local folders may stay plain.
- `POLARIS_BACKUP_IDENTITY` (the `AGE-SECRET-KEY-1...` line) or `POLARIS_BACKUP_IDENTITY_FILE` (an age
  key file, as `age-keygen` writes it): the private key, for restore, verify and drill only.

The manifest records each recipient's fingerprint (`age:` + 16 hex of its sha256), never a key, so a
restore can say "wrong key" before downloading anything. Custody and rotation: ops/supabase/backup.md.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from pyrage import x25519

from ..errors import BackupError, ConfigError

RECIPIENTS_VAR = "POLARIS_BACKUP_RECIPIENTS"
IDENTITY_VAR = "POLARIS_BACKUP_IDENTITY"
IDENTITY_FILE_VAR = "POLARIS_BACKUP_IDENTITY_FILE"
# Masked snapshots (snapshots/) have keys of their own: whoever holds only these never reads a raw backup.
SNAPSHOT_VARS = ("POLARIS_SNAPSHOT_RECIPIENTS", "POLARIS_SNAPSHOT_IDENTITY", "POLARIS_SNAPSHOT_IDENTITY_FILE")


def fingerprint(recipient: str) -> str:
    return "age:" + hashlib.sha256(recipient.strip().encode()).hexdigest()[:16]


def variables(kind: str) -> tuple[str, str, str]:
    """(recipients, identity, identity file) variables for a backup or a masked snapshot."""
    return SNAPSHOT_VARS if kind == "snapshot" else (RECIPIENTS_VAR, IDENTITY_VAR, IDENTITY_FILE_VAR)


def recipients(kind: str = "backup") -> list[x25519.Recipient]:
    """The configured public keys (maybe none); a malformed one is a configuration error."""
    found, variable = [], variables(kind)[0]
    for text in re.split(r"[\s,]+", os.environ.get(variable, "").strip()):
        if not text:
            continue
        try:
            found.append(x25519.Recipient.from_str(text))
        except Exception:  # pyrage.RecipientError and friends: the message may echo the value
            raise ConfigError(f"{variable}: {text[:12]}… is not an age public key (age1…)") from None
    return found


def identities(kind: str = "backup") -> list[x25519.Identity]:
    """The private key(s) for decryption; never printed.

    A key file as `age-keygen` writes it: `#` comment lines (`# created: …`, `# public key: age1…`), blank
    lines and `AGE-SECRET-KEY-1…` lines. A bare `age1…` line (the public half, which an older one-liner in
    backup.md printed below the key) is skipped; a file with no private key at all is refused, named.
    """
    _, identity_var, file_var = variables(kind)
    lines = []
    if os.environ.get(identity_var):
        lines.append(os.environ[identity_var])
    path = os.environ.get(file_var)
    public_only = False
    if path:
        try:
            lines += Path(path).read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(f"{file_var}: {path}: {getattr(error, 'strerror', None) or 'not a text file'}") from None
    keys = []
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("age1"):
            public_only = True
            continue
        try:
            keys.append(x25519.Identity.from_str(line))
        except Exception:
            raise ConfigError(f"{identity_var}/{file_var}: not an age secret key (AGE-SECRET-KEY-1…)") from None
    if public_only and not keys:
        raise ConfigError(f"{file_var}: {path} holds only a public key (age1…): it needs the private key "
                          "(AGE-SECRET-KEY-1…) from the same `age-keygen` file")
    return keys


def matching(wanted: list[str], file: str, kind: str = "backup") -> list[x25519.Identity]:
    """The identities that can decrypt a backup encrypted to `wanted` fingerprints, or a one-line refusal."""
    keys = identities(kind)
    _, identity_var, file_var = variables(kind)
    if not keys:
        raise ConfigError(f"{file} is encrypted: set {identity_var} or {file_var} to the {kind} key")
    usable = [k for k in keys if fingerprint(str(k.to_public())) in wanted]
    if not usable:
        mine = ", ".join(fingerprint(str(k.to_public())) for k in keys)
        raise BackupError(f"{file}: wrong key: encrypted to {', '.join(wanted)}, the configured key is {mine}; "
                          "nothing was touched")
    return usable
