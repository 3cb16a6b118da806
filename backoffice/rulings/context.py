"""A ruling as plain data: the facts a ruling document shows, and the SHA-256 that seals them.

``ruling_facts`` returns primitives only (str, int, bool, None, lists, dicts): no ORM objects
reach a template or a worker process. The facts are language-neutral (codes, UTC ISO times,
amounts as strings); labels are added at rendering time, so the zh, en and bilingual documents
of one ruling carry the same content hash.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

import sqlalchemy as sa

from backoffice.cases.highlight import segments
from backoffice.cases.models import FlagSource
from backoffice.db import db
from backoffice.ledger.models import LedgerEntry
from backoffice.policy import get_rulebook
from backoffice.rulings.facts import Ruling, appeal_deadline, cited_of, ruling_number, ruling_time
from backoffice.rulings.masking import mask_name, mask_text
from backoffice.rulings.models import RetainedQuotes
from backoffice.rulings.queries import ruling_view

SCHEMA = 1
HASH_RE = re.compile(r"\b[0-9a-f]{64}\b")


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _plain(value: Any) -> Any:
    """Make JSON-safe primitives of a plan dict (it already is, but be strict)."""
    return json.loads(json.dumps(value, default=str))


def _quoted(view, customer_name: str) -> list[dict]:
    # Every customer named in the quoted conversations is masked: a ruling on a course of conduct quotes
    # the messages of several conversations (cases/conduct.py).
    names = tuple(dict.fromkeys(n for n in (customer_name, *(m.conversation.customer_name for m, _ in view.quoted))
                                if n))
    out = []
    for message, flags in view.quoted:
        spans = [(f.start, f.end, f.rule_code or "") for f in flags if f.where == "text"]
        segs = segments(message.text, spans, f"m{message.id}")
        out.append({
            "message_id": message.external_id,
            "sender": message.sender_role.value,
            "sent_at": _iso(message.sent_at),
            "channel": message.conversation.channel.value,
            "segments": [[mask_text(s.text, flagged=s.marked, names=names), s.marked] for s in segs],
            "detectors": sorted({f.detector for f in flags}),
        })
    return out


def _interim(case_id: int) -> list[dict]:
    """Automatic measures taken on the flag before anyone judged the case, and when they were lifted."""
    entries = db.session.scalars(sa.select(LedgerEntry).where(
        LedgerEntry.case_id == case_id, LedgerEntry.is_provisional, LedgerEntry.reverses_id.is_(None))
        .order_by(LedgerEntry.effective_at, LedgerEntry.id)).all()
    reversals = db.session.scalars(
        sa.select(LedgerEntry).where(LedgerEntry.reverses_id.in_([e.id for e in entries]))) if entries else []
    # A reversal's ends_at is the moment the original stopped having effect.
    lifted = {r.reverses_id: r.ends_at or r.effective_at for r in reversals}
    return [{"type": e.kind.value, "starts_at": _iso(e.effective_at), "ends_at": _iso(e.ends_at),
             "lifted_at": _iso(lifted.get(e.id))} for e in entries]


def ruling_facts(ruling: Ruling) -> dict[str, Any]:
    """Everything the ruling document states, as plain data."""
    view = ruling_view(ruling)
    case = ruling.case
    pack = get_rulebook().pack(case.platform.value)
    conversation = case.conversation
    sources = sorted({f.source.value for f in case.flags})
    plan = view.stored_plan
    cited = cited_of(ruling, plan)
    facts: dict[str, Any] = {
        "schema": SCHEMA,
        "number": ruling_number(ruling),
        "ruling_id": ruling.id,
        "case_id": case.id,
        "platform": case.platform.value,
        "platform_name": {"zh": pack.name.zh, "en": pack.name.en},
        "merchant": {"external_id": case.merchant.external_id, "name": case.merchant.name},
        "customer": mask_name(conversation.customer_name),
        "channel": conversation.channel.value,
        "decided_at": _iso(ruling.decided_at),
        "effective_at": _iso(ruling_time(ruling)),
        "decided_by_role": ruling.decided_by.role.value if ruling.decided_by else None,
        "approved_by_role": ruling.approved_by.role.value if ruling.approved_by else None,
        "verdict": ruling.verdict.value,
        "severity": ruling.severity,
        "offence_no": plan.get("offence_no"),
        "rationale": mask_text(ruling.rationale, flagged=True, names=(conversation.customer_name,)),
        "origin": "notice" if FlagSource.report.value in sources else "own_initiative",
        "sources": sources,
        "automated_detection": FlagSource.detector.value in sources,
        "automated_decision": "not_automated",
        "rule": {
            "code": ruling.rule_code, "title": cited["title"],
            "document": cited["document"], "clause": cited["clause"], "text": cited["text"],
            "ruleset_version": view.ruleset_version,
            "explanation": plan.get("explanation", ""),
        },
        "measures": _plain(plan.get("measures", [])),
        "interim": _interim(case.id),
        "messages": _quoted(view, conversation.customer_name),
        "appeal": {
            "days": cited["appeal_days"],
            "deadline": _iso(appeal_deadline(ruling)),
            "evidence": cited["evidence"],
        },
    }
    if conversation.purged_at is not None and (kept := db.session.get(RetainedQuotes, ruling.id)) is not None:
        # The conversation is past its retention period: what the ruling stated, as it stated it.
        facts.update(customer=kept.customer, rationale=kept.rationale, messages=kept.messages)
    if months := cited.get("appeal_min_months"):
        facts["appeal"]["min_months"] = months  # only then: other rulings keep their content hash
    later = _later(view)
    if later:
        facts["later"] = later
    return facts


def _later(view) -> dict[str, Any] | None:
    """What happened after the ruling was issued: an appeal decision, or the penalty's end."""
    later: dict[str, Any] = {}
    appeal = view.appeal
    if appeal is not None and appeal.outcome is not None:
        later["appeal"] = {
            "outcome": appeal.outcome.value, "decided_at": _iso(appeal.decided_at),
            "decided_by_role": appeal.decided_by.role.value if appeal.decided_by else None,
            "reason": mask_text(appeal.outcome_reason, flagged=True),
            "measures": _plain(view.successor_plan.to_dict()["measures"]) if view.successor_plan else None,
        }
    penalty = view.penalty
    if penalty is not None and penalty.state.value != "in_force":
        later["penalty_state"] = penalty.state.value
    if penalty is not None and penalty.ended_at is not None:
        later["penalty_ended_at"] = _iso(penalty.ended_at)
    return later or None


def canonical_json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def content_hash(facts: dict[str, Any]) -> str:
    """SHA-256 of the facts as currently recorded (including any appeal outcome)."""
    return hashlib.sha256(canonical_json(facts)).hexdigest()


def issued_hash(facts: dict[str, Any]) -> str:
    """SHA-256 of the ruling as first issued (before any appeal outcome or later end)."""
    return content_hash({k: v for k, v in facts.items() if k != "later"})
