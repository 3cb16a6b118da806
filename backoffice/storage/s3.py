"""S3-compatible object storage through boto3 (AWS S3, SeaweedFS, MinIO, Ceph RGW, ...).

An S3 PUT is atomic by itself: a reader gets the previous object or the whole new one, never a part.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from botocore.exceptions import ClientError

from backoffice.storage.base import ObjectMissing, Storage, check_key

_MISSING = {"NoSuchKey", "404", "NotFound"}


class S3Storage(Storage):
    def __init__(self, client, bucket: str, prefix: str = "") -> None:
        self.client, self.bucket = client, bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""

    def _key(self, key: str) -> str:
        return self.prefix + check_key(key)

    def put(self, key: str, data: bytes | BinaryIO) -> None:
        if isinstance(data, bytes | bytearray | memoryview):
            self.client.put_object(Bucket=self.bucket, Key=self._key(key), Body=bytes(data))
        else:  # multipart for large streams, handled by boto3's transfer manager
            self.client.upload_fileobj(data, self.bucket, self._key(key))

    def put_file(self, key: str, path: Path) -> None:
        self.client.upload_file(str(path), self.bucket, self._key(key))
        Path(path).unlink()

    def _object(self, key: str) -> dict:
        try:
            return self.client.get_object(Bucket=self.bucket, Key=self._key(key))
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in _MISSING:
                raise ObjectMissing(key) from exc
            raise

    def get(self, key: str) -> bytes:
        body = self._object(key)["Body"]
        with body:
            return body.read()

    def open(self, key: str) -> tuple[BinaryIO, int]:
        found = self._object(key)
        return found["Body"], found["ContentLength"]

    def exists(self, key: str) -> bool:
        try:
            self.client.head_object(Bucket=self.bucket, Key=self._key(key))
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in _MISSING:
                return False
            raise
        return True

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=self._key(key))

    def keys(self, prefix: str = "") -> Iterator[str]:
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=self.prefix + prefix)
        for page in pages:
            for item in page.get("Contents", ()):
                yield item["Key"][len(self.prefix):]
