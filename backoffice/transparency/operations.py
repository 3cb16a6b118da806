"""Record statements when measures take effect, check them, backfill, and export them in batches.

Recording happens inside the operation that applies the measures (``review.decisions._apply``,
``penalties.automatic.apply_automatic``), in its transaction: a decision that rolls back leaves no
statement, and no restriction takes effect without one (DSA Art. 17(2)). A statement that breaks
the schema or contains personal data is still recorded, with its problems, so that it is seen and
never silently lost; it is not exported until it passes.

Overturn and reduction on appeal: the Transparency Database has no update, so the statement
already recorded (and perhaps submitted) stays as it is; nothing new is issued. The page shows the
appeal outcome next to it.
"""

from __future__ import annotations

import io
import json
import os
import secrets
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import sqlalchemy as sa

from backoffice.cases.models import Case, CaseDecision, CaseKind, DecisionStatus, Verdict
from backoffice.db import db, utcnow
from backoffice.failures import Conflict
from backoffice.ledger.models import LedgerEntry
from backoffice.penalties.models import PenaltyDecision
from backoffice.transparency import build
from backoffice.transparency.models import StatementOfReasons, StatementTrigger
from backoffice.transparency.personal_data import KnownIndex, scan
from backoffice.transparency.schema import BATCH_LIMIT, validate

BATCH_FILE = "statements-{:04d}.json"


# -- recording ---------------------------------------------------------------------------------
def _store(case: Case, payload: dict, trigger: StatementTrigger, decision_id: int | None,
           rule_code: str | None) -> StatementOfReasons:
    row = StatementOfReasons(puid=payload["puid"], case_id=case.id, case_decision_id=decision_id,
                             trigger=trigger, payload=payload,
                             application_date=date.fromisoformat(payload["application_date"]))
    row.problems, row.checked_at = problems_of(payload, build.known_for(case, rule_code)), utcnow()
    db.session.add(row)
    db.session.flush()
    return row


def record_decision(case: Case, decision: CaseDecision,
                    penalty: PenaltyDecision) -> StatementOfReasons | None:
    """The statement of an applied violation decision (none when its measures restrict nothing)."""
    payload = build.for_decision(case, decision, penalty)
    if payload is None:
        return None
    return _store(case, payload, StatementTrigger.decision, decision.id, penalty.rule_code)


def record_automatic(case_id: int, entries: Sequence[LedgerEntry]) -> StatementOfReasons | None:
    """The statement of measures applied on a flag before any review, at the moment they apply."""
    case = db.session.get(Case, case_id)
    if case is None or not entries:
        return None
    payload = build.for_automatic(case, entries)
    if payload is None:
        return None
    return _store(case, payload, StatementTrigger.automatic, None, case.rule_code)


# -- checking ----------------------------------------------------------------------------------
def problems_of(payload: dict, known) -> list[str]:
    return validate(payload) + [str(f) for f in scan(payload, known)]


def check(row: StatementOfReasons, cache: dict | None = None) -> list[str]:
    """Validate and scan the statement again; store and return its problems.

    ``cache`` keeps what is known about each case across the statements of one export.
    """
    rule_code = None
    if row.case_decision_id is not None:
        decision = db.session.get(CaseDecision, row.case_decision_id)
        rule_code = decision.rule_code if decision else None
    cache = {} if cache is None else cache
    key = (row.case_id, rule_code)
    if key not in cache:
        cache[key] = KnownIndex(build.known_for(row.case, rule_code))
    problems = problems_of(row.payload, cache[key])
    if row.payload.get("puid") != row.puid:
        problems.append("puid: differs from the PUID recorded for this statement")
    row.problems, row.checked_at = problems, utcnow()
    return problems


class NotRebuildable(Conflict, ValueError):
    """The statement was exported, or its measures no longer call for one; it stays as it is."""


def rebuild(row: StatementOfReasons) -> list[str]:
    """Build a statement not yet exported again from current data (after a rule or setting was fixed).

    The PUID stays. An exported statement is never rebuilt: what was submitted stays as submitted.
    """
    if row.exported_at is not None:
        raise NotRebuildable(f"{row.puid} was exported on {row.exported_at:%Y-%m-%d}; it stays as submitted")
    case = row.case
    if row.trigger is StatementTrigger.decision:
        decision = db.session.get(CaseDecision, row.case_decision_id)
        penalty = db.session.get(PenaltyDecision, decision.penalty_decision_id) if decision else None
        payload = build.for_decision(case, decision, penalty) if penalty else None
    else:
        payload = build.for_automatic(case, _automatic_entries(case.id))
    if payload is None:
        raise NotRebuildable(f"{row.puid}: its measures no longer give a statement; it was left as it was")
    payload["puid"] = row.puid
    row.payload, row.application_date = payload, date.fromisoformat(payload["application_date"])
    return check(row)


def _automatic_entries(case_id: int) -> list[LedgerEntry]:
    return list(db.session.scalars(sa.select(LedgerEntry).where(
        LedgerEntry.case_id == case_id, LedgerEntry.is_provisional, LedgerEntry.reverses_id.is_(None))
        .order_by(LedgerEntry.id)))


def appeal_outcome(row: StatementOfReasons) -> str | None:
    """'overturned' or 'reduced' when the decision behind the statement changed on appeal."""
    if row.case_decision_id is None:
        return None
    penalty_id = db.session.scalar(sa.select(CaseDecision.penalty_decision_id).where(
        CaseDecision.id == row.case_decision_id))
    penalty = db.session.get(PenaltyDecision, penalty_id) if penalty_id else None
    if penalty is None or penalty.state.value == "in_force":
        return None
    return "overturned" if penalty.state.value == "overturned" else "reduced"


# -- backfill ----------------------------------------------------------------------------------
@dataclass
class BackfillResult:
    created: list[StatementOfReasons] = field(default_factory=list)
    without_restriction: int = 0


def backfill(since: date | None = None) -> BackfillResult:
    """Create the statements past applied decisions and automatic measures lack (idempotent)."""
    result = BackfillResult()
    have = select_decision_ids()
    stmt = (sa.select(CaseDecision).join(Case, Case.id == CaseDecision.case_id)
            .where(CaseDecision.status == DecisionStatus.applied, CaseDecision.verdict == Verdict.violation,
                   Case.kind == CaseKind.violation, CaseDecision.penalty_decision_id.is_not(None))
            .order_by(CaseDecision.id))
    for decision in db.session.scalars(stmt):
        if decision.id in have:
            continue
        penalty = db.session.get(PenaltyDecision, decision.penalty_decision_id)
        if since and build.platform_day(penalty.decided_at) < since.isoformat():
            continue
        row = record_decision(decision.case, decision, penalty)
        if row is None:
            result.without_restriction += 1
        else:
            result.created.append(row)
    puids = set(db.session.scalars(sa.select(StatementOfReasons.puid).where(
        StatementOfReasons.trigger == StatementTrigger.automatic)))
    entries = db.session.scalars(sa.select(LedgerEntry).where(
        LedgerEntry.is_provisional, LedgerEntry.reverses_id.is_(None), LedgerEntry.case_id.is_not(None))
        .order_by(LedgerEntry.case_id, LedgerEntry.id))
    by_case: dict[int, list[LedgerEntry]] = {}
    for entry in entries:
        by_case.setdefault(entry.case_id, []).append(entry)  # type: ignore[arg-type]
    for case_id, group in by_case.items():
        case = db.session.get(Case, case_id)
        if case is None or build.puid_for_automatic(case, group[0].id) in puids:
            continue
        if since and build.platform_day(group[0].effective_at) < since.isoformat():
            continue
        row = record_automatic(case_id, group)
        if row is not None:
            result.created.append(row)
    return result


def select_decision_ids() -> set[int]:
    return set(db.session.scalars(sa.select(StatementOfReasons.case_decision_id).where(
        StatementOfReasons.case_decision_id.is_not(None))))


# -- export ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Selection:
    since: date | None = None
    until: date | None = None  # inclusive
    trigger: StatementTrigger | None = None
    state: str = "pending"  # pending, exported or all

    def query(self) -> sa.Select:
        stmt = sa.select(StatementOfReasons)
        if self.since:
            stmt = stmt.where(StatementOfReasons.application_date >= self.since)
        if self.until:
            stmt = stmt.where(StatementOfReasons.application_date <= self.until)
        if self.trigger:
            stmt = stmt.where(StatementOfReasons.trigger == self.trigger)
        if self.state == "pending":
            stmt = stmt.where(StatementOfReasons.exported_at.is_(None))
        elif self.state == "exported":
            stmt = stmt.where(StatementOfReasons.exported_at.is_not(None))
        return stmt


@dataclass
class Export:
    run: str
    batches: list[tuple[str, list[StatementOfReasons]]] = field(default_factory=list)
    refused: list[tuple[StatementOfReasons, list[str]]] = field(default_factory=list)

    @property
    def exported(self) -> int:
        return sum(len(rows) for _, rows in self.batches)


def batch_document(rows: Iterable[StatementOfReasons]) -> bytes:
    """A request body for ``POST /api/v1/statements``."""
    doc = {"statements": [row.payload for row in rows]}
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def export(selection: Selection, *, max_batches: int | None = None, now: datetime | None = None) -> Export:
    """Check the selected statements, and mark those that pass as exported in batches of at most 100.

    Rows are locked (PostgreSQL: ``FOR UPDATE SKIP LOCKED``) so two exports never take the same
    statement. The caller writes the files and commits; a rollback undoes the marking.
    """
    now = now or utcnow()
    result = Export(run=now.strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3))
    stmt = selection.query().order_by(StatementOfReasons.application_date, StatementOfReasons.id)
    rows = list(db.session.scalars(stmt.with_for_update(skip_locked=True, of=StatementOfReasons)))
    good: list[StatementOfReasons] = []
    known: dict = {}
    for row in rows:
        problems = check(row, known)
        (result.refused.append((row, problems)) if problems else good.append(row))
    chunks = [good[i:i + BATCH_LIMIT] for i in range(0, len(good), BATCH_LIMIT)]
    for n, chunk in enumerate(chunks[:max_batches] if max_batches else chunks, 1):
        batch = f"{result.run}-{n:04d}"
        for row in chunk:
            row.exported_at, row.export_batch = now, batch
        result.batches.append((batch, chunk))
    db.session.flush()
    return result


def write_directory(result: Export, out: Path) -> list[Path]:
    """Write each batch as ``statements-NNNN.json``, numbering on after files already in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    taken = [int(p.stem.split("-")[1]) for p in out.glob("statements-[0-9][0-9][0-9][0-9].json")]
    first = max(taken, default=0) + 1
    written: list[Path] = []
    try:
        for n, (_, rows) in enumerate(result.batches, first):
            path = out / BATCH_FILE.format(n)
            tmp = path.with_suffix(".json.tmp")
            tmp.write_bytes(batch_document(rows))
            os.replace(tmp, path)
            written.append(path)
    except OSError:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return written


def zip_document(result: Export) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for n, (_, rows) in enumerate(result.batches, 1):
            archive.writestr(BATCH_FILE.format(n), batch_document(rows))
    return buffer.getvalue()


def batch_rows(batch: str) -> list[StatementOfReasons]:
    stmt = (sa.select(StatementOfReasons).where(StatementOfReasons.export_batch == batch)
            .order_by(StatementOfReasons.application_date, StatementOfReasons.id))
    return list(db.session.scalars(stmt))


def recent_batches(limit: int = 20) -> list[tuple[str, datetime, int]]:
    last = sa.func.max(StatementOfReasons.exported_at)
    stmt = (sa.select(StatementOfReasons.export_batch, last, sa.func.count())
            .where(StatementOfReasons.export_batch.is_not(None))
            .group_by(StatementOfReasons.export_batch)
            .order_by(last.desc(), StatementOfReasons.export_batch.desc())
            .limit(limit))
    return [tuple(r) for r in db.session.execute(stmt)]  # type: ignore[misc]
