"""A ruling as an HTML document (for WeasyPrint or a browser's print), with its content hash."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from flask import current_app

from backoffice.cases.models import CaseDecision
from backoffice.rulings.context import content_hash, ruling_facts
from backoffice.rulings.copies import record_copy
from backoffice.rulings.document import LANG_MODES, document_context
from backoffice.rulings.pdftext import pdf_text_digest


@dataclass(frozen=True)
class RulingDocument:
    number: str
    html: str
    content_hash: str

    def filename(self, mode: str) -> str:
        return f"ruling-{self.number}-{mode}.pdf"


def ruling_html(ruling: CaseDecision, mode: str = "zh") -> RulingDocument:
    """Render ``templates/pdf/ruling.html`` for one ruling in ``zh``, ``en`` or ``both``."""
    if mode not in LANG_MODES:
        raise ValueError(f"unknown language mode {mode!r}")
    facts = ruling_facts(ruling)
    return document_for(facts, mode, content_hash(facts))


def document_for(facts: dict, mode: str, digest: str) -> RulingDocument:
    """The document of these facts (current, or as issued), with ``digest`` printed on it."""
    # Rendered straight from the environment: no request context, no context processors (also in
    # the bulk export's worker thread); the template sees nothing but the plain-data context.
    template = current_app.jinja_env.get_template("pdf/ruling.html")
    html = template.render(**document_context(facts, mode, digest))
    return RulingDocument(facts["number"], html, digest)


def ruling_pdf(ruling: CaseDecision, mode: str = "zh") -> tuple[RulingDocument, bytes]:
    """The PDF of a ruling, recorded as issued (``RulingCopy``; the caller commits)."""
    from backoffice.rulings.pdf import html_to_pdf

    document = ruling_html(ruling, mode)
    data = html_to_pdf(document.html)
    record_copy(ruling.id, mode, document.content_hash, pdf_text_digest(data), hashlib.sha256(data).hexdigest())
    return document, data
