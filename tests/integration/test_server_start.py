"""Starting the hall server: off the loopback it speaks TLS only (without a certificate and
key it refuses to listen there; with them, the command line reaches it trusting the hall's
own certificate), and it will not serve a store whose evidence was tampered with."""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from shared.services.devices import enrol_device
from shared.store.database import open_store
from tests.integration.hall_server import REPO, running_server

pytestmark = [pytest.mark.integration]


def hallq(*args: str, **environment: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shared.cli", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **environment},
    )


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, as a hall's own CA would issue."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "hallq test hall")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "hall.pem", folder / "hall.key"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_path.chmod(0o600)
    return cert_path, key_path


def test_the_server_refuses_plain_http_off_the_loopback(store_target: str) -> None:
    refused = hallq("--db", store_target, "serve", "--host", "0.0.0.0", "--port", "18470")
    assert refused.returncode == 1
    assert refused.stderr.strip().count("\n") == 0 and "--cert and --key" in refused.stderr


def test_the_command_line_reaches_the_server_over_tls(store_target: str, tmp_path: Path) -> None:
    cert, key = self_signed(tmp_path)
    store = open_store(store_target)
    board = enrol_device(store, None, None, "board-1", "board")
    store.close()
    with running_server(store_target, tmp_path, "--cert", str(cert), "--key", str(key)) as server:
        url = f"https://127.0.0.1:{server.port}"
        trusted = hallq(
            "--server", url, "status", "--json", HALLQ_DEVICE_KEY=board, HALLQ_CA_FILE=str(cert)
        )
        assert trusted.returncode == 0, trusted.stderr
        untrusted = hallq("--server", url, "status", HALLQ_DEVICE_KEY=board, HALLQ_CA_FILE="")
        assert untrusted.returncode == 1 and "CERTIFICATE_VERIFY_FAILED" in untrusted.stderr


def test_the_server_will_not_serve_a_store_whose_audit_triggers_were_dropped(
    store_target: str, sqlite_only: None
) -> None:
    store = open_store(store_target)
    with store.engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER audit_log_no_delete")
    store.close()
    refused = hallq("--db", store_target, "serve", "--port", "18471")
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
    assert (
        "does not hold its evidence" in refused.stderr and "audit_log_no_delete" in refused.stderr
    )
