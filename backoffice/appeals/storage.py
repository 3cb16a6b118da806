"""Evidence files: checked by content, stored content-addressed by SHA-256, never half-written.

An upload is copied to a local scratch file while it is hashed and checked; only then does it go to
the evidence storage (``backoffice.storage``, a local folder or object storage) under
``files/<ab>/<cd>/<sha256>``, its preview picture under ``thumbs/<ab>/<cd>/<sha256>.jpg``.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import tempfile
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import Path

import filetype
from flask import current_app
from flask_babel import lazy_gettext as _l
from PIL import Image, UnidentifiedImageError

from backoffice.failures import DomainError
from backoffice.storage import Storage, storage_for

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_FILES = 10
MAX_TOTAL_BYTES = 50 * 1024 * 1024
#: What a merchant may upload, by the type read from the content (never the name).
ALLOWED = {
    "image/jpeg": "image", "image/png": "image", "image/webp": "image",
    "application/pdf": "pdf",
    "audio/mpeg": "audio", "audio/x-wav": "audio", "audio/mp4": "audio", "audio/amr": "audio",
    "audio/ogg": "audio", "video/mp4": "audio",  # phone call recordings are often saved as .m4a / mp4
}
THUMBNAIL_SIZE = (320, 320)
PREVIEW_SECONDS = 10  # a PDF whose first page takes longer simply has no preview


class UploadRejected(DomainError, ValueError):
    """The file cannot be accepted; the message tells the merchant what to do."""

    code = "upload_rejected"


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    mime: str
    kind: str
    name: str
    has_thumbnail: bool
    is_new: bool = False  # this call created the stored file (it did not exist before)


def scratch_root() -> Path:
    """The local folder uploads are checked in before they are stored (``UPLOAD_DIR/tmp``)."""
    return Path(current_app.config["UPLOAD_DIR"]) / "tmp"


def key_for(sha256: str, thumbnail: bool = False) -> str:
    """The evidence storage key of a file (or of its preview picture)."""
    sub = f"{'thumbs' if thumbnail else 'files'}/{sha256[:2]}/{sha256[2:4]}"
    return f"{sub}/{sha256}.jpg" if thumbnail else f"{sub}/{sha256}"


def evidence_storage() -> Storage:
    return storage_for("evidence")


def clean_name(name: str | None) -> str:
    """Keep letters, digits and a few marks of a file name; drop paths and control characters."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = unicodedata.normalize("NFC", base)
    kept = "".join(ch for ch in base if ch.isalnum() or ch in "._-()（） ")
    kept = kept.strip(" .")[:100]
    return kept or "file"


def _sniff(head: bytes, data_path: Path) -> tuple[str, str]:
    kind = filetype.guess(head)
    if kind is not None and kind.mime in ALLOWED:
        return kind.mime, ALLOWED[kind.mime]
    if kind is None and _is_text(data_path):
        return "text/plain", "text"
    raise UploadRejected(_l("Only photos (JPEG, PNG, WebP), PDF files, call recordings (MP3, M4A, WAV, AMR, OGG) "
                            "and plain text can be uploaded; this file's content is none of these."))


def _is_text(path: Path) -> bool:
    data = path.read_bytes()
    if b"\x00" in data:
        return False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return "<script" not in text.lower() and "<html" not in text.lower()


def _check_image(path: Path, mime: str) -> None:
    """Reject images that do not decode or that carry another file after the picture (polyglots)."""
    data = path.read_bytes()
    try:
        with warnings.catch_warnings():
            # An enormous picture in a small file (decompression bomb) is refused, not decoded.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                img.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombWarning,
            Image.DecompressionBombError) as exc:
        raise UploadRejected(_l("The photo is damaged or not really an image.")) from exc
    end = {"image/jpeg": b"\xff\xd9", "image/png": b"IEND\xaeB`\x82"}.get(mime)
    if end:
        cut = data.rfind(end)
        trailing = data[cut + len(end):] if cut >= 0 else data
        if cut < 0 or trailing.strip(b"\x00\r\n "):
            raise UploadRejected(_l("The photo carries extra data after the picture; export it again and upload that."))
    for marker in (b"<script", b"<html", b"%PDF-", b"PK\x03\x04", b"<?php"):
        if marker in data.lower() if marker.startswith(b"<") else marker in data:
            raise UploadRejected(_l("The photo carries embedded content that is not part of a picture."))


def _thumbnail(src: Path, dest: Path) -> bool:
    try:
        with Image.open(src) as img:
            img = img.convert("RGB")
            img.thumbnail(THUMBNAIL_SIZE)
            img.save(dest, "JPEG", quality=80)
        return True
    except (OSError, ValueError):
        return False


def _pdf_preview(src: Path, dest: Path) -> bool:
    """The first page as a JPEG, drawn by poppler's pdftoppm (no script runs); False when it cannot be."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        return False
    prefix = dest.with_suffix(".tmp")  # pdftoppm writes <prefix>.jpg
    drawn = prefix.with_suffix(".tmp.jpg")
    try:
        subprocess.run(  # noqa: S603 - a fixed tool on a stored, hashed file name
            [tool, "-f", "1", "-l", "1", "-singlefile", "-jpeg", "-scale-to", str(THUMBNAIL_SIZE[0]), str(src),
             str(prefix)], capture_output=True, timeout=PREVIEW_SECONDS, check=True)
        os.replace(drawn, dest)
        return True
    except (OSError, subprocess.SubprocessError):
        drawn.unlink(missing_ok=True)
        return False


def store(stream, name: str | None, *, room: int | None = None) -> StoredFile:
    """Copy an upload to a temporary file while hashing it, check it, then move it into place.

    ``room`` is what is left of the appeal's total size; a file larger than that is refused before it
    is moved into place. A stream that fails midway is refused as interrupted.
    """
    scratch = scratch_root()
    scratch.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    fd, tmp_name = tempfile.mkstemp(dir=scratch, prefix="upload-")
    tmp = Path(tmp_name)
    preview = tmp.with_name(tmp.name + "-preview.jpg")
    try:
        with os.fdopen(fd, "wb") as out:
            while chunk := _read(stream):
                size += len(chunk)
                if size > MAX_FILE_BYTES:
                    raise UploadRejected(_l("Each file may be at most %(n)d MB.", n=MAX_FILE_BYTES // (1024 * 1024)))
                if room is not None and size > room:
                    raise UploadRejected(
                        _l("All files of an appeal together may be at most %(n)d MB.",
                           n=MAX_TOTAL_BYTES // (1024 * 1024)))
                digest.update(chunk)
                out.write(chunk)
        if size == 0:
            raise UploadRejected(_l("The file is empty."))
        with tmp.open("rb") as fh:
            head = fh.read(8192)
        mime, kind = _sniff(head, tmp)
        if kind == "image":
            _check_image(tmp, mime)
        sha = digest.hexdigest()
        files = evidence_storage()
        previews = {"image": _thumbnail, "pdf": _pdf_preview}
        thumb = previews[kind](tmp, preview) if kind in previews else False
        if thumb:
            files.put_file(key_for(sha, thumbnail=True), preview)
        is_new = not files.exists(key_for(sha))
        files.put_file(key_for(sha), tmp)  # whole or not at all: readers never see part of it
        return StoredFile(sha, size, mime, kind, clean_name(name), thumb, is_new)
    finally:
        tmp.unlink(missing_ok=True)
        preview.unlink(missing_ok=True)


def _read(stream) -> bytes:
    try:
        return stream.read(64 * 1024)
    except OSError as exc:
        raise UploadRejected(_l("The upload was interrupted and nothing was kept; try again.")) from exc


def discard(sha256: str) -> None:
    """Delete a stored file and its thumbnail (the caller checks that nothing refers to it)."""
    files = evidence_storage()
    files.delete(key_for(sha256))
    files.delete(key_for(sha256, thumbnail=True))
