"""The one interface every stored file goes through: evidence, issued rulings, exports."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

#: Keys are relative paths of plain segments: no "..", no leading slash, no backslash, no control character.
_SEGMENT = re.compile(r"[A-Za-z0-9._-]+")


class InvalidKey(ValueError):
    """A key that is not a plain relative path (it could escape its area)."""


class ObjectMissing(KeyError):
    """No object is stored under this key."""


def check_key(key: str) -> str:
    parts = key.split("/")
    if not key or any(not _SEGMENT.fullmatch(p) or p in (".", "..") for p in parts):
        raise InvalidKey(f"not a storage key: {key[:80]!r}")
    return key


class Storage(ABC):
    """Objects by key, written whole or not at all (a reader never sees half a file)."""

    #: How many objects a bulk reader (the ruling export) fetches at once: one at a time from a local
    #: disk, several where each read waits on the network.
    read_concurrency: int = 1

    @abstractmethod
    def put(self, key: str, data: bytes | BinaryIO) -> None:
        """Store ``data`` (bytes, or a binary stream read to its end) under ``key``, replacing any object."""

    @abstractmethod
    def put_file(self, key: str, path: Path) -> None:
        """Store the local file ``path`` under ``key`` and remove it (a move where the backend allows)."""

    @abstractmethod
    def get(self, key: str) -> bytes:
        """The whole object. :raises ObjectMissing:"""

    def get_in_bulk(self, key: str) -> bytes:
        """``get`` for one of many objects read in a row (an export): a backend may take a path that
        costs less per object. :raises ObjectMissing:"""
        return self.get(key)

    @abstractmethod
    def open(self, key: str) -> tuple[BinaryIO, int]:
        """A stream of the object for reading in chunks, and its size. :raises ObjectMissing:"""

    @abstractmethod
    def exists(self, key: str) -> bool: ...

    @abstractmethod
    def delete(self, key: str) -> None:
        """Remove the object; a missing one is no error."""

    @abstractmethod
    def keys(self, prefix: str = "") -> Iterator[str]:
        """Every key that starts with ``prefix``, in lexical order."""

    def url(self, key: str, *, expires: int, download_name: str | None = None,
            mimetype: str | None = None) -> str | None:
        """A URL that serves the object for ``expires`` seconds without the application, when the
        backend has one (object storage: a presigned GET); None on a local folder."""
        return None

    def local_path(self, key: str) -> Path | None:
        """The object's file on this machine, when the backend keeps one (sent with ``send_file``)."""
        return None
