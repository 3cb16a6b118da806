"""One boto3 S3 client per process and set of settings, shared by every thread and application.

Creating a client costs tens of milliseconds (it loads and parses botocore's service model and
endpoint rules) and each client keeps its own pool of connections, so a client is made once and
reused: boto3 clients are safe to share between threads. A forked child must not share its parent's
sockets, so the cache is emptied in the child after a fork and the child makes its own client on
first use; ``S3Storage`` asks for its client on every call, so a storage built before the fork
follows.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass


@dataclass(frozen=True)
class S3Settings:
    """What a client is made from; equal settings share one client within a process."""

    endpoint: str | None = None
    region: str | None = None
    access_key: str | None = None
    secret_key: str | None = None
    connections: int = 16

    @classmethod
    def from_config(cls, config) -> S3Settings:
        return cls(endpoint=config.get("STORAGE_S3_ENDPOINT") or None, region=config.get("STORAGE_S3_REGION") or None,
                   access_key=config.get("STORAGE_S3_ACCESS_KEY") or None,
                   secret_key=config.get("STORAGE_S3_SECRET_KEY") or None,
                   connections=int(config.get("STORAGE_S3_CONNECTIONS") or 16))

    def client(self):
        """This process's client for these settings, made on first use."""
        return _shared(_clients, self, make_client)

    def http(self):
        """This process's pool of plain HTTP connections for reading presigned URLs (S3Storage.get_in_bulk)."""
        return _shared(_pools, self, make_pool)


_clients: dict[S3Settings, object] = {}
_pools: dict[S3Settings, object] = {}
_lock = threading.Lock()


def _shared(cache: dict, settings: S3Settings, make):
    made = cache.get(settings)
    if made is None:
        with _lock:  # two threads asking at once make one
            made = cache.get(settings)
            if made is None:
                made = cache[settings] = make(settings)
    return made


def make_client(settings: S3Settings):
    import boto3
    from botocore.config import Config

    # A session of its own: boto3's default session is not safe to use from several threads at once.
    return boto3.session.Session().client(
        "s3", endpoint_url=settings.endpoint, region_name=settings.region,
        aws_access_key_id=settings.access_key, aws_secret_access_key=settings.secret_key,
        # Path-style addressing works with every S3-compatible server (no per-bucket DNS names).
        # SigV4 for presigned URLs too (botocore may presign with the legacy SigV2, which servers reject with
        # response-content-* parameters).
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"},
                      retries={"max_attempts": 3, "mode": "standard"}, max_pool_connections=settings.connections))


def make_pool(settings: S3Settings):
    import urllib3
    from botocore.httpsession import get_cert_path

    # The CA bundle botocore verifies with; retries of failed connections and of the server's 5xx answers.
    return urllib3.PoolManager(maxsize=settings.connections, cert_reqs="CERT_REQUIRED", ca_certs=get_cert_path(True),
                               retries=urllib3.Retry(total=3, backoff_factor=0.1, status_forcelist=(500, 502, 503, 504),
                                                     raise_on_status=False, redirect=False),
                               timeout=urllib3.Timeout(connect=60, read=60))


def _forget_after_fork() -> None:
    global _lock
    _clients.clear()  # the parent's clients and pools hold the parent's connections
    _pools.clear()
    _lock = threading.Lock()  # another thread may have held it at the fork


os.register_at_fork(after_in_child=_forget_after_fork)
