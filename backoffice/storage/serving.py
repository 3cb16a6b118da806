"""A stored object as a download: ``send_file`` from a local file (ranges, conditional requests), or
from object storage (held in memory when small, so ranges still work; streamed otherwise)."""

from __future__ import annotations

import io

from flask import abort, current_app, send_file

from backoffice.storage.base import ObjectMissing, Storage

#: Objects up to this size are read whole before sending, so range requests (audio seeking) work.
BUFFER_BYTES = 16 * 1024 * 1024


def send_stored(storage: Storage, key: str, *, mimetype: str, download_name: str, as_attachment: bool,
                conditional: bool = True):
    """The object under ``key`` as a response; 404 when nothing is stored there."""
    path = storage.local_path(key)
    if path is not None:
        if not path.is_file():
            abort(404)
        return send_file(path, mimetype=mimetype, as_attachment=as_attachment, download_name=download_name,
                         conditional=conditional, max_age=0)
    try:
        stream, size = storage.open(key)
    except ObjectMissing:
        abort(404)
    if size <= BUFFER_BYTES:
        with stream:
            stream = io.BytesIO(stream.read())
        return send_file(stream, mimetype=mimetype, as_attachment=as_attachment, download_name=download_name,
                         conditional=conditional, max_age=0)
    response = send_file(stream, mimetype=mimetype, as_attachment=as_attachment, download_name=download_name,
                         conditional=False, max_age=0)
    response.content_length = size
    return response


def redirects_enabled() -> bool:
    """Whether ``BACKOFFICE_STORAGE_REDIRECT`` is on (it is off by default)."""
    from backoffice.config import _as_bool

    return _as_bool(current_app.config.get("STORAGE_REDIRECT"))


def redirect_url(storage: Storage, key: str, *, mimetype: str, download_name: str) -> str | None:
    """With ``BACKOFFICE_STORAGE_REDIRECT`` on, a short-lived presigned URL of the object (an attachment
    named ``download_name``), for a redirect instead of passing the bytes through; None when the
    setting is off (the default) or the backend has no URLs (local folders). The caller checks access
    first: whoever holds the URL can fetch the object until it expires."""
    if not redirects_enabled():
        return None
    expires = int(current_app.config.get("STORAGE_REDIRECT_SECONDS") or 60)
    return storage.url(key, expires=expires, download_name=download_name, mimetype=mimetype)
