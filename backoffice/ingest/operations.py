"""Take conversations in: store new messages and reports, scan what is new, open cases."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from decimal import Decimal

import sqlalchemy as sa

from backoffice.audit.operations import Actor, record
from backoffice.cases.models import Case, Flag, FlagSource, Report
from backoffice.cases.operations import add_customer_flags, add_flags
from backoffice.conversations.models import (
    Channel,
    Conversation,
    Message,
    ReviewRating,
    SenderRole,
    ServiceReview,
)
from backoffice.db import db, utcnow
from backoffice.detection.conversation import scan_conversation
from backoffice.detection.customer_fraud import scan_customer_messages
from backoffice.detection.handles import handle_of
from backoffice.detection.runtime import conduct_settings, current_model, current_scanner, review_thresholds
from backoffice.detection.scanner import Flag as DetectorFlag
from backoffice.ingest import mass_sending
from backoffice.ingest.mass_sending import ADS_LIKE
from backoffice.ingest.validation import InvalidConversation, validate
from backoffice.merchants import links
from backoffice.merchants import operations as merchants
from backoffice.merchants.models import Platform
from backoffice.ops import metrics
from backoffice.policy import get_rulebook
from backoffice.quality import summary as quality
from backoffice.timeutil import platform_tz

#: Earlier messages re-read as context when new ones arrive (split phone numbers, reply times).
CONTEXT_MESSAGES = 20


@dataclass
class IngestResult:
    conversation_id: int
    external_id: str
    new_messages: int = 0
    new_reports: int = 0
    new_reviews: int = 0
    flags: int = 0
    cases_opened: list[int] = field(default_factory=list)
    cases_updated: list[int] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "conversation": self.external_id, "new_messages": self.new_messages,
            "new_reports": self.new_reports, "new_reviews": self.new_reviews, "flags": self.flags,
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
    detected, found = _detector_flags(conversation, platform, new_rows, now, created)
    burst = _links_and_bursts(actor, conversation, new_rows, found, now, result)
    for flag in detected:
        by_rule.setdefault((flag.rule_code, flag.category), []).append(flag)
    reports: list[Report] = []
    for flag in _report_flags(conversation, platform, data.get("reports") or [], result, reports):
        by_rule.setdefault((flag.rule_code, flag.category), []).append(flag)
    for (rule_code, category), flags in by_rule.items():
        db.session.add_all(flags)
        into = burst if burst is not None and burst.rule_code == rule_code else None
        case, opened = add_flags(actor, conversation, rule_code, category, flags, now, into=into)
        (result.cases_opened if opened else result.cases_updated).append(case.id)
        result.flags += len(flags)
        metrics.count_flags(db.session(), flags)
    for rule_code, flags in _customer_flags(conversation, platform, new_rows).items():
        db.session.add_all(flags)
        case, opened = add_customer_flags(actor, conversation, rule_code, flags, now)
        (result.cases_opened if opened else result.cases_updated).append(case.id)
        result.flags += len(flags)
        metrics.count_flags(db.session(), flags)
    reviews = _insert_reviews(conversation, data.get("reviews") or [])
    result.new_reviews = len(reviews)
    quality.record_ingest(conversation, new_rows.values(), reviews, reports, created=created)
    if result.new_messages or result.new_reports or result.new_reviews:
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


def _links_and_bursts(actor: Actor, conversation: Conversation, new_rows: dict[int, dict],
                      found: dict[int, list[DetectorFlag]], now: datetime, result: IngestResult) -> Case | None:
    """Keep the handles of the merchant's new messages and index its ads-like ones (mass sending).

    Returns the open mass-sending case the new messages belong to, for their own ads flags to join.
    A removed shop's handle reappearing opens (or joins) a case for review of its own.
    """
    handles = [links.Found(message_id, *handle, hit.start, hit.end, hit.matched)
               for message_id, hits in found.items() for hit in hits
               if (handle := handle_of(hit.detector, hit.matched, hit.detail)) is not None]
    removed = links.record_handles(actor, conversation, handles, now)
    if removed:
        db.session.add_all(removed)
        case, opened = add_flags(actor, conversation, None, None, removed, now)
        (result.cases_opened if opened else result.cases_updated).append(case.id)
        result.flags += len(removed)
    ads_like = [new_rows[i] for i, hits in found.items() if any(h.category in ADS_LIKE for h in hits)]
    burst = mass_sending.gather(actor, conversation, sorted(ads_like, key=lambda m: m["id"]), now)
    if burst is None:
        return None
    (result.cases_opened if burst.opened else result.cases_updated).append(burst.case.id)
    result.flags += burst.flags
    return burst.case


def _insert_messages(conversation: Conversation, fresh: list[dict]) -> dict[int, dict]:
    """Insert the new messages; return their rows by id."""
    if not fresh:
        return {}
    rows = [{
        "conversation_id": conversation.id, "external_id": m["external_id"],
        "sender_role": SenderRole(m["sender_role"]), "sent_at": m["_sent_at"], "text": m["text"],
        "attachments": [{k: a[k] for k in ("kind", "name", "sha256", "text") if k in a}
                        for a in m.get("attachments") or []],
        "is_automated": bool(m.get("automated")),
    } for m in fresh]
    stmt = sa.insert(Message).returning(Message.id, sort_by_parameter_order=True)
    ids = db.session.scalars(stmt, rows).all()
    return {id_: row | {"id": id_} for id_, row in zip(ids, rows, strict=True)}


def _insert_reviews(conversation: Conversation, reviews: list[dict]) -> list[ServiceReview]:
    """Store the customer's service reviews not received before; return the new ones."""
    known = set(db.session.scalars(sa.select(ServiceReview.external_id)
                                   .where(ServiceReview.conversation_id == conversation.id)))
    fresh = {r["external_id"]: r for r in reviews if r["external_id"] not in known}
    added = [ServiceReview(conversation_id=conversation.id, external_id=r["external_id"],
                           rating=ReviewRating(r["rating"]), reviewed_at=r["_reviewed_at"]) for r in fresh.values()]
    db.session.add_all(added)
    return added


def _detector_flags(conversation: Conversation, platform: Platform, new_rows: dict[int, dict], now: datetime,
                    created: bool) -> tuple[list[Flag], dict[int, list[DetectorFlag]]]:
    """The flags of the new messages, and every finding in each new message (kept or not) by its id."""
    if not new_rows:
        return [], {}
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
    flags, found = [], {}
    for hit in scan_conversation(conv, platform.value, rule_map, str(platform_tz()),
                                 scanner=current_scanner(), now=now, model=current_model(),
                                 review=review_thresholds(platform.value), **_reply_settings(platform),
                                 **conduct_settings(platform.value)):
        message_id = context[hit.message_index]["id"]
        is_new = message_id in new_rows
        if is_new and hit.source == "text":
            found.setdefault(message_id, []).append(hit)
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
            features=list(hit.features), evidence=hit.evidence,
        ))
    return flags, found


def _customer_flags(conversation: Conversation, platform: Platform, new_rows: dict[int, dict]) -> dict[str, list[Flag]]:
    """The customer's new messages against the pack's fraud patterns (ZBJ: part-time lures, unknown apps,
    deposits on another platform), by customer rule."""
    patterns = get_rulebook().fraud_patterns(platform.value)
    if not patterns or not new_rows:
        return {}
    rows = sorted(new_rows.values(), key=lambda m: (m["sent_at"], m["id"]))
    messages = [{"sender_role": m["sender_role"].value, "text": m["text"]} for m in rows]
    by_rule: dict[str, list[Flag]] = {}
    for hit in scan_customer_messages(messages, patterns):
        by_rule.setdefault(hit.rule, []).append(Flag(
            conversation_id=conversation.id, message_id=rows[hit.message_index]["id"], source=FlagSource.detector,
            rule_code=hit.rule, detector="customer_fraud", term=hit.pattern, start=hit.start, end=hit.end,
            matched=hit.matched[:500], where="text", confidence=hit.confidence, view="folded"))
    return by_rule


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
                  result: IngestResult, added: list[Report]) -> list[Flag]:
    """Flags for the reports not received before; the new ``Report`` rows are appended to ``added``."""
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
        added.append(Report(conversation_id=conversation.id, reporter_role=report["reporter_role"],
                            reason=report["reason"], text=text, reported_at=report["_reported_at"],
                            fingerprint=fingerprint, flag_id=flag.id))
        db.session.add(added[-1])
        result.new_reports += 1
        flags.append(flag)
    return flags
