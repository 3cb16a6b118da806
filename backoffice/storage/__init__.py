"""Files behind one interface (``Storage``): a local directory by default, or S3-compatible object storage.

Three areas keep their files apart: ``evidence`` (appeal uploads), ``rulings`` (issued ruling PDFs)
and ``exports`` (bulk export ZIPs). ``BACKOFFICE_STORAGE_URL`` picks the backend (docs/storage.md):

- empty (default): each area is a local directory, the folders used before this interface existed
  (``UPLOAD_DIR``, ``RULING_DIR``, ``EXPORT_DIR``), so files already there keep working as they are;
- ``s3://bucket/prefix``: one bucket, each area under ``prefix/<area>/``; the endpoint, region and
  keys come from ``BACKOFFICE_STORAGE_S3_*`` or else boto3's own chain (``AWS_*`` variables, profile, role).
"""

from __future__ import annotations

from typing import Literal
from urllib.parse import urlsplit

from flask import Flask, current_app

from backoffice.storage.base import InvalidKey, ObjectMissing, Storage
from backoffice.storage.local import LocalStorage

__all__ = ["AREAS", "InvalidKey", "ObjectMissing", "Storage", "StorageConfigError", "init_app", "storage_for"]

Area = Literal["evidence", "rulings", "exports"]
AREAS: dict[str, str] = {"evidence": "UPLOAD_DIR", "rulings": "RULING_DIR", "exports": "EXPORT_DIR"}


class StorageConfigError(RuntimeError):
    """BACKOFFICE_STORAGE_URL names no backend this application knows."""


def build(config) -> dict[str, Storage]:
    """One storage per area, from the configuration. :raises StorageConfigError:"""
    url = (config.get("STORAGE_URL") or "").strip()
    if not url:
        return {area: LocalStorage(config[key]) for area, key in AREAS.items()}
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.netloc:
        raise StorageConfigError(
            f"BACKOFFICE_STORAGE_URL must be empty (local folders) or s3://bucket/prefix, not {url!r}")
    from backoffice.storage.clients import S3Settings
    from backoffice.storage.s3 import S3Storage

    settings = S3Settings.from_config(config)
    settings.client()  # made now, so a malformed endpoint stops the start; shared by this process from here on
    prefix = parts.path.strip("/")
    return {area: S3Storage(settings, parts.netloc, f"{prefix}/{area}" if prefix else area) for area in AREAS}


def init_app(app: Flask) -> None:
    app.extensions["storage"] = build(app.config)


def storage_for(area: Area, app: Flask | None = None) -> Storage:
    """The storage of ``area`` (``evidence``, ``rulings`` or ``exports``) of the current application."""
    return (app or current_app).extensions["storage"][area]
