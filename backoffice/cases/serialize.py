"""JSON shapes of cases and decisions."""

from __future__ import annotations

from backoffice.cases import queries as q
from backoffice.cases.models import Case, CaseDecision


def _iso(value):
    return value.isoformat() if value else None


def case_json(case: Case, *, full: bool = False) -> dict:
    data = {
        "id": case.id, "platform": case.platform.value, "merchant": case.merchant.external_id,
        "conversation": case.conversation.external_id, "rule": case.rule_code, "category": case.category,
        "status": case.status.value, "priority": case.priority, "flag_count": case.flag_count,
        "report_count": case.report_count, "opened_at": _iso(case.opened_at),
        "sla_due_at": _iso(case.sla_due_at), "sla_basis": case.sla_basis,
        "claimed_by": case.claimed_by.login if case.claimed_by else None,
        "claim_expires_at": _iso(case.claim_expires_at), "version": case.version,
    }
    if full:
        data["flags"] = [{
            "id": f.id, "message": f.message.external_id if f.message else None, "source": f.source.value,
            "rule": f.rule_code, "category": f.category, "detector": f.detector, "term": f.term,
            "start": f.start, "end": f.end, "matched": f.matched, "confidence": f.confidence,
            "view": f.view, "score": f.score, "model_version": f.model_version, "features": f.features or [],
            "status": f.status.value,
        } for f in q.conversation_flags(case)]
        data["messages"] = [{
            "id": m.external_id, "sender_role": m.sender_role.value, "sent_at": _iso(m.sent_at),
            "text": m.text, "attachments": m.attachments,
        } for m in q.case_messages(case)]
        data["decisions"] = [decision_json(d) for d in q.decisions_of(case)]
    return data


def decision_json(d: CaseDecision) -> dict:
    measures = (d.preview or {}).get("measures", [])
    return {
        "id": d.id, "case": d.case_id, "verdict": d.verdict.value, "rule": d.rule_code,
        "severity": d.severity, "rationale": d.rationale, "parameters": d.params, "status": d.status.value,
        "needs_approval": d.approval_reasons, "left_out": d.dropped,
        "measures": [m for m in measures if m["type"] not in (d.dropped or [])],
        "decided_at": _iso(d.decided_at), "decided_by": d.decided_by.login if d.decided_by else None,
        "approved_by": d.approved_by.login if d.approved_by else None, "approval_note": d.approval_note,
        "penalty_decision": d.penalty_decision_id,
    }
