"""Signed checkpoints of the service-form chain and the audit log's chain, kept outside
the store.

Someone who can write the store, its audit log included, can chain every form and every
entry again and write matching chain ends. A checkpoint is both chains' heads (hall, form
number and chain hash, audit entry number and chain hash, time) signed with an Ed25519 key
held in a file outside the store: `hallq forms verify --checkpoints FOLDER` checks each
signature and that both chains still hold each signed head, which no rewrite of the store
can match without the key. A checkpoint is signed at each day's close when a folder and a
key are configured (`day_close_checkpoint`).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy.orm import Session

from shared.archive.heads import chain_heads
from shared.errors import Rejected
from shared.store.models import Hall

KEY_ENVIRONMENT = "HALLQ_CHECKPOINT_KEY"  # the key file when no --key is given
FOLDER_ENVIRONMENT = "HALLQ_CHECKPOINT_DIR"  # where the day close signs one, when set


@dataclass(frozen=True)
class Checkpoint:
    """`sequence` is 0 while the hall has no form; `audit_sequence` is None in checkpoints
    signed before the audit log was chained."""

    hall: str
    sequence: int
    chain_hash: str
    at: dt.datetime
    file: str = ""
    audit_sequence: int | None = None
    audit_hash: str = ""

    def message(self) -> bytes:
        """What the key signs: the same bytes for the same checkpoint, everywhere."""
        fields: dict[str, object] = {
            "hall": self.hall,
            "sequence": self.sequence,
            "chain_hash": self.chain_hash,
            "at": self.at.isoformat(timespec="seconds"),
        }
        if self.audit_sequence is not None:
            fields |= {"audit_sequence": self.audit_sequence, "audit_hash": self.audit_hash}
        return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode()


def key_path(given: str | None) -> Path:
    """The key file named by --key, else by $HALLQ_CHECKPOINT_KEY."""
    chosen = given or os.environ.get(KEY_ENVIRONMENT)
    if not chosen:
        raise Rejected(f"name the checkpoint key file with --key or ${KEY_ENVIRONMENT}")
    return Path(chosen).expanduser()


def load_key(path: Path, *, create: bool) -> Ed25519PrivateKey:
    """The signing key in `path`; with `create`, a new one is made there first (mode 0600)
    when the file does not exist."""
    if create and not path.exists():
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError as error:
            raise Rejected(f"cannot create the key file {path}: {error.strerror}") from None
        with os.fdopen(descriptor, "wb") as file:
            file.write(pem)
        return key
    try:
        loaded = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except OSError as error:
        raise Rejected(f"cannot read the key file {path}: {error.strerror}") from None
    except (ValueError, TypeError):
        raise Rejected(f"{path} holds no checkpoint key") from None
    if not isinstance(loaded, Ed25519PrivateKey):
        raise Rejected(f"{path} holds no Ed25519 checkpoint key")
    return loaded


def write_checkpoint(
    session: Session, hall: Hall, folder: Path, key: Ed25519PrivateKey, at: dt.datetime
) -> Checkpoint | None:
    """Sign the hall's chain heads now into `folder`; None when the hall has neither a form
    nor an audit log entry yet."""
    heads = chain_heads(session, hall)
    if heads.empty:
        return None
    point = Checkpoint(
        hall.code,
        heads.form_sequence,
        heads.form_hash,
        at.replace(microsecond=0),
        audit_sequence=heads.audit_sequence,
        audit_hash=heads.audit_hash,
    )
    signature = base64.b64encode(key.sign(point.message())).decode()
    text = json.dumps({**json.loads(point.message()), "signature": signature}, indent=2)
    path = folder / f"{hall.code}-{point.sequence:08d}-{point.audit_sequence:08d}.json"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".checkpoint.")
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text + "\n")
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except OSError as error:
        raise Rejected(f"cannot write the checkpoint {path}: {error.strerror}") from None
    return replace(point, file=str(path))


def read_checkpoints(folder: Path, hall: Hall, public: Ed25519PublicKey) -> list[Checkpoint]:
    """The hall's checkpoints in `folder`, each signature checked; Rejected naming a file
    whose signature does not hold (written by someone without the key)."""
    if not folder.is_dir():
        raise Rejected(f"{folder} is not a folder of checkpoints")
    found = []
    for path in sorted(folder.glob(f"{hall.code}-*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            point = Checkpoint(
                str(data["hall"]),
                int(data["sequence"]),
                str(data["chain_hash"]),
                dt.datetime.fromisoformat(str(data["at"])),
                str(path),
                int(data["audit_sequence"]) if "audit_sequence" in data else None,
                str(data.get("audit_hash", "")),
            )
            public.verify(base64.b64decode(str(data["signature"])), point.message())
        except InvalidSignature:
            raise Rejected(f"checkpoint {path.name} is not signed by this key") from None
        except (OSError, ValueError, KeyError, TypeError):
            raise Rejected(f"checkpoint {path.name} cannot be read") from None
        if point.hall != hall.code:
            raise Rejected(f"checkpoint {path.name} is of hall {point.hall!r}")
        found.append(point)
    return found


def day_close_checkpoint(session: Session, hall: Hall, at: dt.datetime) -> Checkpoint | None:
    """Sign the hall's heads into $HALLQ_CHECKPOINT_DIR with the key in
    $HALLQ_CHECKPOINT_KEY (made when missing); None when either is not set."""
    folder, key = os.environ.get(FOLDER_ENVIRONMENT), os.environ.get(KEY_ENVIRONMENT)
    if not folder or not key:
        return None
    signing = load_key(Path(key).expanduser(), create=True)
    return write_checkpoint(session, hall, Path(folder).expanduser(), signing, at)
