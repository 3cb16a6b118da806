"""Take conversations in: store new messages and reports, scan what is new, open cases."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from decimal import Decimal

import sqlalchemy as sa

from backoffice.audit.operations import Actor, record
from backoffice.cases.models import Flag, FlagSource, Report
from backoffice.cases.operations import add_flags
from backoffice.conversations.models import Channel, Conversation, Message, SenderRole
from backoffice.db import db, utcnow
from backoffice.detection.conversation import scan_conversation
from backoffice.detection.runtime import current_model, current_scanner, review_thresholds
from backoffice.ingest.validation import InvalidConversation, validate
from backoffice.merchants import operations as merchants
from backoffice.merchants.models import Platform
from backoffice.policy import get_rulebook
from backoffice.timeutil import platform_tz

#: Earlier messages re-read as context when new ones arrive (split phone numbers, reply times).
CONTEXT_MESSAGES = 20


@dataclass
class IngestResult:
    conversation_id: int
    external_id: str
    new_messages: int = 0
    new_reports: int = 0
    flags: int = 0
    cases_opened: list[int] = field(default_factory=list)
    cases_updated: list[int] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "conversation": self.external_id, "new_messages": self.new_messages,
            "new_reports": self.new_reports, "flags": self.flags,
            "cases_opened": self.cases_opened, "cases_updated": sorted(set(self.cases_updated)),
        }


def ingest(actor: Actor, payload: object, *, now: datetime | None = None) -> IngestResult:
    """Ingest one conversation, all or nothing (the caller commits or rolls back)."""
    data = validate(payload)
    now = now or utcnow()
    platform = Platform(data["platform"])
    conversation, created = _conversation(actor, data, platform)
    known = set() if created else set(db.session.scalars(
        sa.select(Message.external_id).where(Message.conversation_id == conversation.id)))
    fresh = [m for m in data["messages"] if m["external_id"] not in known]
    result = IngestResult(conversation.id, conversation.external_id, new_messages=len(fresh))
    new_rows = _insert_messages(conversation, fresh)
    by_rule: dict[tuple[str | None, str | None], list[Flag]] = {}
    for flag in _detector_flags(conversation, platform, new_rows, now, created):
        by_rule.setdefault((flag.rule_code, flag.category), []).append(flag)
    for flag in _report_flags(conversation, platform, data.get("reports") or [], result):
        by_rule.setdefault((flag.rule_code, flag.category), []).append(flag)
    for (rule_code, category), flags in by_rule.items():
        db.session.add_all(flags)
        case, opened = add_flags(actor, conversation, rule_code, category, flags, now)
        (result.cases_opened if opened else result.cases_updated).append(case.id)
        result.flags += len(flags)
    if result.new_messages or result.new_reports:
        record(actor, "conversation.ingest", "conversation", conversation.id, after=result.to_dict())
    return result


def _conversation(actor: Actor, data: dict, platform: Platform) -> tuple[Conversation, bool]:
    merchant = merchants.find(data["merchant"]["external_id"])
    if merchant is None:
        merchant, _ = merchants.upsert(actor, data["merchant"]["external_id"], platform,
                                       data["merchant"]["name"], Decimal("0.00"))
    elif merchant.platform is not platform:
        raise InvalidConversation(
            f"merchant.external_id: merchant {merchant.external_id} is on {merchant.platform.value}, "
            f"not {platform.value}")
    stmt = sa.select(Conversation).filter_by(platform=platform, external_id=data["external_id"])
    conversation = db.session.scalar(stmt.with_for_update())
    if conversation is None:
        conversation = Conversation(
            platform=platform, external_id=data["external_id"], channel=Channel(data["channel"]),
            merchant_id=merchant.id, customer_external_id=data["customer"]["external_id"],
            customer_name=data["customer"]["name"],
        )
        db.session.add(conversation)
        db.session.flush()
        return conversation, True
    if conversation.merchant_id != merchant.id:
        raise InvalidConversation(f"merchant.external_id: conversation {conversation.external_id} "
                                  "belongs to another merchant")
    return conversation, False


def _insert_messages(conversation: Conversation, fresh: list[dict]) -> dict[int, dict]:
    """Insert the new messages; return their rows by id."""
    if not fresh:
        return {}
    rows = [{
        "conversation_id": conversation.id, "external_id": m["external_id"],
        "sender_role": SenderRole(m["sender_role"]), "sent_at": m["_sent_at"], "text": m["text"],
        "attachments": [{k: a[k] for k in ("kind", "name", "sha256", "text") if k in a}
                        for a in m.get("attachments") or []],
    } for m in fresh]
    stmt = sa.insert(Message).returning(Message.id, sort_by_parameter_order=True)
    ids = db.session.scalars(stmt, rows).all()
    return {id_: row | {"id": id_} for id_, row in zip(ids, rows, strict=True)}


def _detector_flags(conversation: Conversation, platform: Platform, new_rows: dict[int, dict], now: datetime,
                    created: bool) -> list[Flag]:
    if not new_rows:
        return []
    if created:  # the whole conversation is new and in hand: no need to read anything back
        context = sorted(new_rows.values(), key=lambda m: (m["sent_at"], m["id"]))
        already_timed: set[int | None] = set()
    else:
        context = _context(conversation, min(m["sent_at"] for m in new_rows.values()))
        already_timed = set(db.session.scalars(sa.select(Flag.message_id).where(
            Flag.conversation_id == conversation.id, Flag.detector == "reply_time")))
    conv = {"messages": [{
        "external_id": m["external_id"], "sender_role": m["sender_role"].value,
        "sent_at": m["sent_at"].isoformat(), "text": m["text"], "attachments": m["attachments"] or [],
    } for m in context]}
    rule_map = _rule_map(platform)
    review, _ = get_rulebook().detection_thresholds(platform.value)
    flags = []
    for hit in scan_conversation(conv, platform.value, rule_map, str(platform_tz()),
                                 scanner=current_scanner(), now=now, model=current_model(),
                                 review=review_thresholds(platform.value), **_reply_settings(platform)):
        message_id = context[hit.message_index]["id"]
        is_new = message_id in new_rows
        late_reply = hit.detector == "reply_time" and message_id not in already_timed
        if hit.rule is None or not (is_new or late_reply):
            continue
        score = hit.score if hit.score is not None else hit.confidence
        if score < review.get(hit.category, 0.0):  # too unsure to spend a reviewer's time on
            continue
        flags.append(Flag(
            conversation_id=conversation.id, message_id=message_id, source=FlagSource.detector,
            rule_code=hit.rule, category=hit.category, detector=hit.detector, term=hit.term,
            start=hit.start, end=hit.end, matched=(hit.matched or "")[:500], where=hit.source,
            attachment_index=hit.attachment_index, confidence=hit.confidence, view=hit.view,
            score=hit.score, model_version=hit.model_version[:40] if hit.model_version else None,
            features=list(hit.features),
        ))
    return flags


def _context(conversation: Conversation, earliest: datetime) -> list[dict]:
    """Stored messages from CONTEXT_MESSAGES before the earliest new one on, in time order.

    New messages may be back-filled between old ones; every one of them must be scanned.
    """
    in_conversation = Message.conversation_id == conversation.id
    floor = db.session.scalar(
        sa.select(Message.sent_at).where(in_conversation, Message.sent_at < earliest)
        .order_by(Message.sent_at.desc()).offset(CONTEXT_MESSAGES - 1).limit(1))
    columns = [Message.id, Message.external_id, Message.sender_role, Message.sent_at, Message.text,
               Message.attachments]
    stmt = sa.select(*columns).where(in_conversation).order_by(Message.sent_at, Message.id)
    rows = db.session.execute(stmt if floor is None else stmt.where(Message.sent_at >= floor))
    return [row._asdict() for row in rows]


def _reply_settings(platform: Platform) -> dict:
    """The negative-service rule's own service hours and reply limit (defaults where it has none)."""
    rule = get_rulebook().rule_for(platform.value, "negative_service")
    params = rule.detector if rule else {}
    settings = {}
    if "reply_minutes" in params:
        settings["reply_limit"] = timedelta(minutes=int(params["reply_minutes"]))
    for key in ("service_start", "service_end"):
        if key in params:
            settings[key] = time.fromisoformat(str(params[key]))
    return settings


def _rule_map(platform: Platform) -> dict[str, str | None]:
    return get_rulebook().detection_map(platform.value)


def _report_flags(conversation: Conversation, platform: Platform, reports: list[dict],
                  result: IngestResult) -> list[Flag]:
    flags = []
    for report in reports:
        text = report.get("text") or ""
        key = "|".join([report["reporter_role"], report["reason"], report["reported_at"], text])
        fingerprint = hashlib.sha256(key.encode("utf-8")).hexdigest()
        exists = db.session.scalar(sa.select(Report.id).filter_by(conversation_id=conversation.id,
                                                                 fingerprint=fingerprint))
        if exists:
            continue
        category = None if report["reason"] == "other" else report["reason"]
        rule = get_rulebook().rule_for(platform.value, category) if category else None
        flag = Flag(conversation_id=conversation.id, source=FlagSource.report,
                    rule_code=rule.code if rule else None, category=category, detector="customer_report",
                    matched=text[:500], where="report", confidence=1.0)
        db.session.add(flag)
        db.session.flush()
        db.session.add(Report(conversation_id=conversation.id, reporter_role=report["reporter_role"],
                              reason=report["reason"], text=text, reported_at=report["_reported_at"],
                              fingerprint=fingerprint, flag_id=flag.id))
        result.new_reports += 1
        flags.append(flag)
    return flags
