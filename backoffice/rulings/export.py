"""Bulk export: every ruling matching a filter as one ZIP of PDFs, restartable without duplicates.

Rulings whose documents are stored (rulings/issued.py) are copied from storage as issued: nothing
is rendered. For the others the calling process reads the database and renders the HTML (fast); a
pool of long-lived worker processes turns HTML into PDF (slow), each importing WeasyPrint once.
Each finished PDF is stored as the ruling's issued document and written atomically into a staging
folder beside the target; a restarted export skips the rulings already there or stored. The ZIP is
built from both and renamed into place.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import zipfile
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path

import sqlalchemy as sa

from backoffice.cases.models import Case, CaseDecision, DecisionStatus, Verdict
from backoffice.db import db, utcnow
from backoffice.merchants.models import Merchant
from backoffice.rulings.context import content_hash, ruling_facts
from backoffice.rulings.issued import facts_at, keep_rendered, latest_documents, rulings_storage
from backoffice.rulings.queries import changed_on_appeal, get_ruling
from backoffice.rulings.render import document_for
from backoffice.timeutil import platform_day_bounds

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportFilter:
    since: date
    until: date | None = None  # inclusive, in platform days
    platform: str | None = None
    rule: str | None = None
    lang: str = "zh"
    merchant: str | None = None  # the merchant's external id

    def __post_init__(self) -> None:
        if self.until is not None and self.until < self.since:
            raise ValueError("the last day is before the first day")

    def to_dict(self) -> dict:
        data = asdict(self)
        data["since"] = self.since.isoformat()
        data["until"] = self.until.isoformat() if self.until else None
        return data


def known_rule(code: str | None) -> bool:
    """Whether ``code`` (None: any rule) names a rule of the loaded rule book."""
    from backoffice.policy import UnknownRuleError, get_rulebook

    if code is None:
        return True
    try:
        get_rulebook().rule(code)
    except UnknownRuleError:
        return False
    return True


def ruling_ids(flt: ExportFilter) -> list[int]:
    """Ids of the applied violation rulings whose effective time falls in the filter's platform days."""
    start, _ = platform_day_bounds(flt.since)
    when = sa.func.coalesce(CaseDecision.approved_at, CaseDecision.decided_at)
    query = (sa.select(CaseDecision.id).join(Case, Case.id == CaseDecision.case_id)
             .where(CaseDecision.verdict == Verdict.violation, CaseDecision.status == DecisionStatus.applied,
                    when >= start).order_by(CaseDecision.id))
    if flt.until:
        query = query.where(when < platform_day_bounds(flt.until)[1])
    if flt.platform:
        query = query.where(Case.platform == flt.platform)
    if flt.rule:
        query = query.where(CaseDecision.rule_code == flt.rule)
    if flt.merchant:
        query = query.join(Merchant, Merchant.id == Case.merchant_id).where(Merchant.external_id == flt.merchant)
    return list(db.session.scalars(query))


# --- worker side: nothing here touches Flask or the database -------------------------------------

def _init_worker() -> None:
    import backoffice.rulings.pdf  # noqa: F401  (WeasyPrint and the shared FontConfiguration, once)


def _render(name: str, html: str) -> tuple[str, bytes, str]:
    from backoffice.rulings.pdf import html_to_pdf
    from backoffice.rulings.pdftext import pdf_text_digest

    data = html_to_pdf(html)
    return name, data, pdf_text_digest(data)


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


# --- the export --------------------------------------------------------------------------------

def staging_dir(out: Path) -> Path:
    return out.with_name(out.name + ".parts")


def run_export(flt: ExportFilter, out: Path, *, processes: int = 2, progress: Progress | None = None,
               pool_factory=None) -> int:
    """Write the ZIP to ``out``; return the number of rulings in it. Needs an application context."""
    out = Path(out)
    staging = staging_dir(out)
    staging.mkdir(parents=True, exist_ok=True)
    ids = ruling_ids(flt)
    stored = {d.ruling_id: d for d in latest_documents(ids, flt.lang)}
    done_names = {p.name for p in staging.glob("*.pdf")}
    manifest_path = staging / "manifest.jsonl"
    manifest = _read_manifest(manifest_path)
    for ruling_id, document in stored.items():
        manifest[str(ruling_id)] = {"number": document.number, "sha256": document.content_sha256,
                                    "key": document.storage_key}
    todo = [i for i in ids if i not in stored and f"{i:08d}.pdf" not in done_names]
    total, done = len(ids), len(ids) - len(todo)
    if progress:
        progress(done, total)

    def finished(name: str, pdf: bytes, text_sha256: str) -> None:
        nonlocal done
        ruling_id = int(name.removesuffix(".pdf"))
        entry = manifest[str(ruling_id)]
        # Rendered now, so issued now: the ruling's stored document from here on.
        keep_rendered(ruling_id, flt.lang, entry["number"], entry["sha256"], datetime.fromisoformat(entry["facts_at"]),
                      pdf, text_sha256=text_sha256)
        db.session.commit()
        _write_atomic(staging / name, pdf)
        done += 1
        if progress:
            progress(done, total)

    documents = (_document(ruling_id, flt.lang, manifest, manifest_path) for ruling_id in todo)
    if processes <= 0 or not todo:  # every ruling stored: no worker processes to start
        for name, html in documents:
            finished(*_render(name, html))
    else:
        ctx = multiprocessing.get_context("spawn")  # no forked copies of database connections
        with (pool_factory or ctx.Pool)(processes, initializer=_init_worker, maxtasksperchild=200) as pool:
            pending: deque = deque()
            for name, html in documents:
                pending.append(pool.apply_async(_render, (name, html)))
                while len(pending) >= processes * 2:
                    finished(*pending.popleft().get())
            while pending:
                finished(*pending.popleft().get())
    _zip(staging, out, ids, manifest, flt)
    shutil.rmtree(staging)
    return total


def _document(ruling_id: int, lang: str, manifest: dict, manifest_path: Path) -> tuple[str, str]:
    facts = ruling_facts(get_ruling(ruling_id))
    document = document_for(facts, lang, content_hash(facts))
    entry = {"number": document.number, "sha256": document.content_hash, "facts_at": facts_at(facts).isoformat()}
    manifest[str(ruling_id)] = entry
    with manifest_path.open("a") as fh:
        fh.write(json.dumps({str(ruling_id): entry}) + "\n")
    db.session.expire_all()  # keep the session small over thousands of rulings
    return f"{ruling_id:08d}.pdf", document.html


def _read_manifest(path: Path) -> dict:
    """Numbers and hashes noted by an earlier, interrupted run (a torn last line is ignored)."""
    manifest: dict = {}
    if path.exists():
        for line in path.read_text().splitlines():
            try:
                manifest.update(json.loads(line))
            except ValueError:
                continue
    return manifest


def in_order(fn: Callable, items: list, workers: int) -> Iterator:
    """``fn`` of each item, in the items' order, with up to ``workers`` calls running at once and at
    most twice that many results held (memory stays bounded however slow the consumer is)."""
    if workers <= 1:
        yield from map(fn, items)
        return
    pool = ThreadPoolExecutor(workers)
    try:
        pending: deque = deque()
        for item in items:
            pending.append(pool.submit(fn, item))
            if len(pending) >= workers * 2:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(cancel_futures=True)  # a consumer that stopped early leaves nothing running


def _zip(staging: Path, out: Path, ids: list[int], manifest: dict, flt: ExportFilter) -> None:
    tmp = out.with_name(out.name + ".tmp")
    index = []
    changed = changed_on_appeal(ids)
    files = rulings_storage()

    def read(ruling_id: int) -> tuple[bytes, str]:
        staged = staging / f"{ruling_id:08d}.pdf"
        data = staged.read_bytes() if staged.exists() else files.get_in_bulk(manifest[str(ruling_id)]["key"])
        return data, hashlib.sha256(data).hexdigest()  # in the reader's thread: hashlib lets go of the GIL

    # Object storage is read with a few requests in flight (files.read_concurrency); written in order.
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED) as archive:
        for ruling_id, (data, file_sha256) in zip(ids, in_order(read, ids, files.read_concurrency), strict=True):
            entry = manifest.get(str(ruling_id)) or {}
            arcname = f"{entry.get('number', ruling_id)}.pdf"
            archive.writestr(arcname, data)
            # The hash printed on the ruling (verifiable on the platform), and the file's own checksum.
            index.append({"file": arcname, "ruling_id": ruling_id, "number": entry.get("number"),
                          "content_sha256": entry.get("sha256"), "file_sha256": file_sha256,
                          # "overturned" or "reduced" when an appeal changed the ruling (page 1 says so too).
                          "changed_on_appeal": changed.get(ruling_id)})
        archive.writestr("index.json", json.dumps(
            {"created_at": utcnow().isoformat(), "time_zone": "UTC", "filter": flt.to_dict(), "count": len(index),
             "rulings": index}, ensure_ascii=False, indent=1))
    os.replace(tmp, out)
