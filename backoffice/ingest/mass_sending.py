"""Mass sending (群发): one merchant's look-alike advertisement in many conversations makes one case.

The index is a table of MinHash band keys in the database (``models.SignatureBand``), not an
in-memory LSH: ingestion runs in several processes (API workers, ``flask ingest``), and each must
find the messages the others stored, without rebuilding anything at start-up and without a
window's worth of signatures in every process's memory. A new message's candidates are the
merchant's messages sharing a band key (an indexed lookup); the pack's similarity threshold is
applied to their signatures, which are kept beside the keys.

Only messages the detector finds ads- or contact-like are signed: the same greeting or auto-reply
sent to every customer is not advertising. A burst is a set of look-alike messages within the
window sent to the pack's number of different customers (群发 is sending to many people; one
customer's several conversations are not many); it gets one case (under the platform's ads
rule, on the conversation of its earliest message) that lists every conversation, and later
look-alike messages join that case while it is open. A per-conversation case of that rule that a member
message opened before the burst formed is folded into it while nobody has taken it
(``cases/merging.py``). Writers of one merchant's index hold the
merchant's row lock, so concurrent ingestions find one burst, not one each.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from backoffice.audit.operations import Actor
from backoffice.cases import merging
from backoffice.cases.models import OPEN_STATUSES, Case, Flag, FlagSource
from backoffice.cases.operations import add_flags
from backoffice.conversations.models import Conversation, Message
from backoffice.db import db
from backoffice.detection.near_dup import band_keys, signature, similarity
from backoffice.ingest.models import MassSending, MessageSignature, SignatureBand
from backoffice.merchants.links import lock_merchant
from backoffice.policy import get_rulebook

#: The detector's categories that make a message worth comparing.
ADS_LIKE = frozenset({"ads_spam", "offsite_contact"})


@dataclass(frozen=True)
class Burst:
    case: Case
    opened: bool  # the burst's case was opened by this ingestion
    flags: int  # messages that joined it now


@dataclass(frozen=True)
class Settings:
    similarity: float
    customers: int
    window: timedelta


def settings_of(platform: str) -> Settings | None:
    """The pack's mass-sending settings; None where the pack has none (the platform is not checked)."""
    book = get_rulebook()
    try:
        return Settings(int(book.setting(platform, "mass_sending_similarity_percent").value) / 100,
                        int(book.setting(platform, "mass_sending_customers").value),
                        timedelta(hours=int(book.setting(platform, "mass_sending_window_hours").value)))
    except KeyError:
        return None


def gather(actor: Actor, conversation: Conversation, messages: list[dict], at: datetime) -> Burst | None:
    """Index the new ads-like ``messages`` (rows: id, text, sent_at); return the burst case they are in."""
    platform = conversation.platform.value
    settings = settings_of(platform)
    rule = get_rulebook().rule_for(platform, "ads_spam")
    signed = [(m, sig) for m in messages if (sig := signature(m["text"])) is not None]
    if settings is None or rule is None or not signed:
        return None
    merchant_id = conversation.merchant_id
    lock_merchant(merchant_id)
    for m, sig in signed:
        db.session.add(MessageSignature(message_id=m["id"], merchant_id=merchant_id,
                                        conversation_id=conversation.id, sent_at=m["sent_at"], signature=sig))
    db.session.flush()
    db.session.add_all(SignatureBand(message_id=m["id"], merchant_id=merchant_id, key=key)
                       for m, sig in signed for key in band_keys(sig))
    group = _look_alikes(conversation, signed, settings)
    if not group:
        return None
    case, opened = _open_burst_case(group), False
    if case is None:
        fresh = [s for s in group if s.mass_sending_id is None]
        if _customers(fresh) < settings.customers:
            return None
        first = min(fresh, key=lambda s: (s.sent_at, s.message_id))
        anchor = db.session.get(Conversation, first.conversation_id)
        case, opened = add_flags(actor, anchor, rule.code, rule.category, [], at)  # or the anchor's open ads case
    burst = db.session.scalar(sa.select(MassSending).filter_by(case_id=case.id))
    if burst is None:
        burst = MassSending(merchant_id=merchant_id, case_id=case.id, created_at=at)
        db.session.add(burst)
        db.session.flush()
    joining = sorted((s for s in group if s.mass_sending_id is None), key=lambda s: (s.sent_at, s.message_id))
    for s in joining:
        s.mass_sending_id = burst.id
    flags = [_flag(s, rule.code, rule.category, group, at) for s in joining]
    db.session.add_all(flags)
    add_flags(actor, conversation, rule.code, rule.category, flags, at, into=case)
    for other in merging.cases_judging({s.message_id for s in joining}, rule.code, but=case):
        merging.fold_into(actor, other, case, at)  # one message, one case per rule
    return Burst(case, opened, len(flags))


def _look_alikes(conversation: Conversation, signed: list[tuple[dict, bytes]],
                 settings: Settings) -> list[MessageSignature]:
    """The new messages with look-alikes in other conversations, and those look-alikes (not in closed bursts)."""
    keys = {key for _, sig in signed for key in band_keys(sig)}
    earliest = min(m["sent_at"] for m, _ in signed) - settings.window
    latest = max(m["sent_at"] for m, _ in signed) + settings.window
    candidates = db.session.scalars(
        sa.select(MessageSignature).where(
            MessageSignature.message_id.in_(sa.select(SignatureBand.message_id).where(
                SignatureBand.merchant_id == conversation.merchant_id, SignatureBand.key.in_(keys))),
            MessageSignature.conversation_id != conversation.id,
            MessageSignature.sent_at.between(earliest, latest))).all()
    closed = _closed_bursts({c.mass_sending_id for c in candidates} - {None})
    candidates = [c for c in candidates if c.mass_sending_id not in closed]
    group: dict[int, MessageSignature] = {}
    for m, sig in signed:
        alike = [c for c in candidates if abs(c.sent_at - m["sent_at"]) <= settings.window
                 and similarity(sig, c.signature) >= settings.similarity]
        if alike:
            group[m["id"]] = db.session.get(MessageSignature, m["id"])
            group.update((c.message_id, c) for c in alike)
    return list(group.values())


def _customers(signatures: list[MessageSignature]) -> int:
    """How many different customers the conversations of ``signatures`` are with."""
    ids = {s.conversation_id for s in signatures}
    return db.session.scalar(sa.select(sa.func.count(sa.distinct(Conversation.customer_external_id)))
                             .where(Conversation.id.in_(ids)))


def _closed_bursts(ids: set[int]) -> set[int]:
    if not ids:
        return set()
    return set(db.session.scalars(sa.select(MassSending.id).join(Case, Case.id == MassSending.case_id)
                                  .where(MassSending.id.in_(ids), Case.status.not_in(OPEN_STATUSES))))


def _open_burst_case(group: list[MessageSignature]) -> Case | None:
    """The open case of the earliest burst the group's messages already belong to."""
    ids = {s.mass_sending_id for s in group} - {None}
    if not ids:
        return None
    return db.session.scalar(sa.select(Case).join(MassSending, MassSending.case_id == Case.id)
                             .where(MassSending.id.in_(ids)).order_by(MassSending.id).limit(1))


def _flag(s: MessageSignature, rule_code: str, category: str, group: list[MessageSignature],
          at: datetime) -> Flag:
    text = db.session.scalar(sa.select(Message.text).where(Message.id == s.message_id)) or ""
    closest = max((similarity(s.signature, o.signature) for o in group
                   if o.conversation_id != s.conversation_id), default=1.0)
    return Flag(conversation_id=s.conversation_id, message_id=s.message_id, source=FlagSource.detector,
                rule_code=rule_code, category=category, detector="mass_sending", start=0, end=len(text),
                matched=text[:500], confidence=round(closest, 4), created_at=at)


def conversations_of(case: Case) -> list[tuple[Conversation, Flag]]:
    """The conversations of the case's burst with the flagged message of each, earliest first."""
    rows = db.session.execute(
        sa.select(Conversation, Flag).join(Flag, Flag.conversation_id == Conversation.id)
        .join(Message, Message.id == Flag.message_id)
        .where(Flag.case_id == case.id, Flag.detector == "mass_sending").order_by(Message.sent_at, Flag.id))
    seen, out = set(), []
    for conversation, flag in rows:
        if conversation.id not in seen:
            seen.add(conversation.id)
            out.append((conversation, flag))
    return out


def judged_elsewhere(case: Case) -> list[Case]:
    """Other cases holding the burst's messages under its rule: those taken before the burst formed."""
    members = set(db.session.scalars(sa.select(MessageSignature.message_id).join(
        MassSending, MassSending.id == MessageSignature.mass_sending_id).where(MassSending.case_id == case.id)))
    return merging.cases_judging(members, case.rule_code, but=case) if case.rule_code else []
