"""Evidence files go back to the browser inert: never an active document in the app's origin.

A merchant's file is untrusted. A PDF can carry JavaScript and a text file can be sniffed as HTML,
so everything but a picture is a download (``Content-Disposition: attachment``), and every answer,
pictures included, forbids sniffing and carries a sandboxing policy that lets nothing run or load.
"""

from __future__ import annotations

from backoffice.appeals import storage
from backoffice.storage.serving import send_stored

#: The policy of raw user content on GitHub: a browser shows a picture, runs nothing, loads nothing.
EVIDENCE_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"


def send_evidence(item, thumbnail: bool = False):
    """The stored file (or its preview picture) as a response that cannot run in the app's origin."""
    preview = thumbnail and item.has_thumbnail
    picture = preview or item.kind == "image"
    response = send_stored(storage.evidence_storage(), storage.key_for(item.sha256, thumbnail=preview),
                           mimetype="image/jpeg" if preview else item.mime, as_attachment=not picture,
                           download_name=item.name)
    response.headers["Content-Security-Policy"] = EVIDENCE_CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
