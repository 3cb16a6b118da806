"""Issued rulings are kept, not re-rendered.

A ruling's PDF is rendered once for each state of its facts (when it is issued, and again when an
appeal decision or the penalty's end supersedes what it stated), in each language, and stored
(``backoffice.storage``, area ``rulings``). Downloads and exports hand out the stored file, so a
later change to fonts or templates never changes a copy already issued, and a download costs a
lookup instead of a render. ``store_issued_ruling`` is the unit of work a job queue can run.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

import sqlalchemy as sa

from backoffice.db import added_once, db
from backoffice.rulings.context import content_hash, ruling_facts
from backoffice.rulings.copies import record_copy
from backoffice.rulings.document import LANG_MODES
from backoffice.rulings.facts import Ruling
from backoffice.rulings.models import IssuedDocument
from backoffice.rulings.queries import get_ruling
from backoffice.storage import ObjectMissing, Storage, storage_for

ISSUED_MODES = tuple(LANG_MODES)  # zh, en and bilingual: every language a download may ask for


def rulings_storage() -> Storage:
    return storage_for("rulings")


def storage_key(ruling_id: int, lang: str, file_sha256: str) -> str:
    """Content-addressed: two workers that render the same document write the same key."""
    return f"{ruling_id:08d}/{lang}-{file_sha256}.pdf"


def facts_at(facts: dict) -> datetime:
    """The latest moment the facts record: the ruling, its appeal decision, the penalty's end."""
    later = facts.get("later") or {}
    moments = [facts["effective_at"], (later.get("appeal") or {}).get("decided_at"), later.get("penalty_ended_at")]
    return max(datetime.fromisoformat(m) for m in moments if m)


def latest_documents(ruling_ids: list[int], lang: str) -> list[IssuedDocument]:
    """The document handed out for each of these rulings that has one (one query per 500 rulings)."""
    found: list[IssuedDocument] = []
    for start in range(0, len(ruling_ids), 500):
        ranked = (sa.select(IssuedDocument.id, sa.func.row_number().over(
            partition_by=IssuedDocument.ruling_id,
            order_by=(IssuedDocument.facts_at.desc(), IssuedDocument.id.desc())).label("rank"))
            .where(IssuedDocument.ruling_id.in_(ruling_ids[start:start + 500]), IssuedDocument.lang == lang)
            .subquery())
        found += db.session.scalars(sa.select(IssuedDocument).join(ranked, ranked.c.id == IssuedDocument.id)
                                    .where(ranked.c.rank == 1))
    return found


def latest_document(ruling_id: int, lang: str) -> IssuedDocument | None:
    """The document handed out for this ruling and language: the newest state of its facts."""
    return db.session.scalar(sa.select(IssuedDocument).filter_by(ruling_id=ruling_id, lang=lang)
                             .order_by(IssuedDocument.facts_at.desc(), IssuedDocument.id.desc()).limit(1))


def is_stored(ruling_id: int, digest: str) -> bool:
    """Whether the ruling's documents of the state sealed by ``digest`` are kept in every language."""
    langs = db.session.scalar(sa.select(sa.func.count(sa.distinct(IssuedDocument.lang)))
                              .filter_by(ruling_id=ruling_id, content_sha256=digest))
    return langs == len(ISSUED_MODES)


def rulings_to_store(*, every: bool = False) -> list[int]:
    """Ids of the applied violation rulings without any stored document (``every``: all of them)."""
    from backoffice.cases.models import CaseDecision, DecisionStatus, Verdict

    query = sa.select(CaseDecision.id).where(CaseDecision.verdict == Verdict.violation,
                                             CaseDecision.status == DecisionStatus.applied)
    if not every:
        query = query.where(~sa.exists().where(IssuedDocument.ruling_id == CaseDecision.id))
    return list(db.session.scalars(query.order_by(CaseDecision.id)))


def store_issued_ruling(ruling_id: int) -> list[IssuedDocument]:
    """Render and store the ruling's documents for its facts as they stand, in every language; commit.

    Idempotent: a state already stored is not rendered again, and two runs at once (two processes,
    a retried job) leave one document per state and language (the second insert loses on the unique
    constraint and takes the first one's row).
    """
    ruling = get_ruling(ruling_id)
    if ruling is None:  # not (or no longer) an applied violation ruling: nothing is issued
        return []
    facts = ruling_facts(ruling)
    digest = content_hash(facts)
    documents = [store_document(ruling_id, mode, facts, digest) for mode in ISSUED_MODES]
    db.session.commit()
    return documents


def issued_pdf(ruling: Ruling, lang: str) -> tuple[IssuedDocument, bytes]:
    """The stored document of the ruling in ``lang`` and its bytes; rendered and stored first when it
    never was, or when its file is lost. The caller commits."""
    document = latest_document(ruling.id, lang)
    if document is not None:
        try:
            return document, rulings_storage().get(document.storage_key)
        except ObjectMissing:
            pass  # lost (a restore without the files): render the ruling as it stands and store it
    facts = ruling_facts(ruling)
    document = store_document(ruling.id, lang, facts, content_hash(facts))
    return document, rulings_storage().get(document.storage_key)


def store_document(ruling_id: int, lang: str, facts: dict, digest: str) -> IssuedDocument:
    """The stored document of these facts in ``lang``; rendered and stored unless it already is."""
    files = rulings_storage()
    existing = _document(ruling_id, lang, digest)
    if existing is not None and files.exists(existing.storage_key):
        return existing
    data = render_pdf(facts, lang, digest)
    return keep_rendered(ruling_id, lang, facts["number"], digest, facts_at(facts), data, existing=existing)


def render_pdf(facts: dict, lang: str, digest: str) -> bytes:
    from backoffice.rulings.pdf import html_to_pdf
    from backoffice.rulings.render import document_for

    return html_to_pdf(document_for(facts, lang, digest).html)


def keep_rendered(ruling_id: int, lang: str, number: str, digest: str, moment: datetime, data: bytes, *,
                  existing: IssuedDocument | None = None, text_sha256: str | None = None) -> IssuedDocument:
    """Store a rendered PDF as the document of the facts sealed by ``digest`` (as of ``moment``, see
    ``facts_at``), unless another worker stored one first. The caller commits."""
    from backoffice.rulings.pdftext import pdf_text_digest

    files = rulings_storage()
    file_sha256 = hashlib.sha256(data).hexdigest()
    key = storage_key(ruling_id, lang, file_sha256)
    files.put(key, data)
    record_copy(ruling_id, lang, digest, text_sha256 or pdf_text_digest(data), file_sha256)
    if existing is not None:  # its file was lost: this one replaces it
        existing.file_sha256, existing.size, existing.storage_key = file_sha256, len(data), key
        db.session.flush()
        return existing
    document = IssuedDocument(ruling_id=ruling_id, lang=lang, number=number, content_sha256=digest,
                              file_sha256=file_sha256, size=len(data), storage_key=key, facts_at=moment)
    if not added_once(document):
        # Another worker stored this state first: theirs is the document. Rendering is deterministic,
        # so theirs is normally this very file; a different one is removed (no row refers to it).
        winner = _document(ruling_id, lang, digest)
        if winner.storage_key != key:
            files.delete(key)
        return winner
    return document


def _document(ruling_id: int, lang: str, digest: str) -> IssuedDocument | None:
    return db.session.scalar(sa.select(IssuedDocument).filter_by(ruling_id=ruling_id, lang=lang,
                                                                 content_sha256=digest))
