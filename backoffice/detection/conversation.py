"""Conversation-level scanning: merchant messages, attachments, split phones, reply times, conduct.

Accepts the issue's conversation JSON shape as a dict. Only the merchant's own
messages are flagged; customer and system messages are context (the
reply-time detector reads the customer's message times).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time, timedelta

from backoffice.detection import reply_time
from backoffice.detection.combine import CONVERSATION_MODEL_ONLY, combine, joined_runs
from backoffice.detection.conduct import ConductHit, load_words
from backoffice.detection.harassment import HarassmentSettings, find_harassment
from backoffice.detection.mechanical import MechanicalSettings, find_mechanical
from backoffice.detection.model import Model
from backoffice.detection.normalize import Views, normalize
from backoffice.detection.scanner import Flag, Scanner, default_scanner
from backoffice.detection.split import drop_answers, find_number_fragments, find_phone_tails, find_split_phones

ROLES = ("merchant", "customer", "system")
ATTACHMENT_KINDS = ("image", "file", "audio", "qr_code")


class ConversationError(ValueError):
    """The input does not have the conversation shape; the message names the field."""


def parse_time(value: object, where: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ConversationError(f"{where}: expected an ISO 8601 string")
    try:
        t = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise ConversationError(f"{where}: not an ISO 8601 time: {value!r}") from exc
    if t.tzinfo is None:
        raise ConversationError(f"{where}: time {value!r} has no UTC offset")
    return t


def check_messages(conv: Mapping) -> list[tuple[int, str, datetime | None, str, list]]:
    """Validate the parts this layer reads; (index, role, sent_at, text, attachments)."""
    msgs = conv.get("messages")
    if not isinstance(msgs, list):
        raise ConversationError("messages: expected a list")
    out = []
    for i, m in enumerate(msgs):
        where = f"messages[{i}]"
        if not isinstance(m, Mapping):
            raise ConversationError(f"{where}: expected an object")
        role = m.get("sender_role")
        if role not in ROLES:
            raise ConversationError(f"{where}.sender_role: expected one of {', '.join(ROLES)}, got {role!r}")
        text = m.get("text", "")
        if text is None:
            text = ""
        if not isinstance(text, str):
            raise ConversationError(f"{where}.text: expected a string")
        atts = m.get("attachments") or []
        if not isinstance(atts, list) or not all(isinstance(a, Mapping) for a in atts):
            raise ConversationError(f"{where}.attachments: expected a list of objects")
        for k, a in enumerate(atts):
            if a.get("kind") not in ATTACHMENT_KINDS:
                raise ConversationError(
                    f"{where}.attachments[{k}].kind: expected one of {', '.join(ATTACHMENT_KINDS)}"
                )
        out.append((i, role, parse_time(m.get("sent_at"), f"{where}.sent_at"), text, atts))
    return out


def _attachment_flags(scanner: Scanner, i: int, atts: list) -> list[Flag]:
    flags = []
    contacts = scanner.contacts
    for k, att in enumerate(atts):
        text = att.get("text") or ""
        label = normalize(f"{att.get('name') or ''} {text}")
        official = any(mk in label for mk in contacts.qr_markers)
        hits = scanner.hits(text)
        for h in hits:
            flags.append(Flag(i, h.category, h.start, h.end, h.matched, h.detector, h.term, h.confidence,
                              source="attachment", attachment_index=k, view=h.view, detail=h.detail))
        if att["kind"] == "qr_code" and not official:
            flags.append(Flag(i, "offsite_contact", 0, 0, "", "qr_code", "二维码", contacts.conf["qr_code"],
                              source="attachment", attachment_index=k, detail=f"attachment {att.get('name')}"))
        elif att["kind"] == "image" and not official and not hits and any(mk in label for mk in contacts.image_markers):
            flags.append(Flag(i, "offsite_contact", 0, 0, "", "contact_image", "联系方式图片",
                              contacts.conf["contact_image"], source="attachment", attachment_index=k,
                              detail=f"attachment {att.get('name')}"))
    return flags


def scan_conversation(
    conv: Mapping,
    platform: str = "zbj",
    rule_map: Mapping[str, str | None] | None = None,
    tz: str = "Asia/Shanghai",
    *,
    scanner: Scanner | None = None,
    now: datetime | None = None,
    service_start: time = reply_time.DEFAULT_START,
    service_end: time = reply_time.DEFAULT_END,
    reply_limit: timedelta = reply_time.DEFAULT_LIMIT,
    model: Model | None = None,
    review: Mapping[str, float] | None = None,
    mechanical: MechanicalSettings | None = None,
    harassment: HarassmentSettings | None = None,
) -> list[Flag]:
    """All flags for one conversation; ``rule_map`` maps category (or ``category/label``) -> rule code.

    With a ``model``, the merchant's messages are scored by rules and model together and only
    categories reaching their ``review`` threshold (category -> score, default 0.5) are flagged
    (``combine.combine``); without one, every rule hit is a flag. ``mechanical`` and
    ``harassment`` switch on the conduct detectors (the platform's pack says which, and with what
    thresholds): negative service by canned replies, harassment by conduct.
    """
    scanner = scanner or default_scanner()
    rule_map = rule_map or {}
    messages = check_messages(conv)
    flags: list[Flag] = []
    merchant_views = []
    texts, text_hits = [], []
    for i, role, sent_at, text, atts in messages:
        if role != "merchant":
            continue
        v = Views(text)
        merchant_views.append((i, sent_at, v))
        texts.append(text)
        text_hits.append(scanner.hits_views(v) if text else [])
        flags.extend(_attachment_flags(scanner, i, atts))
    # read together, the merchant's messages need more from the model alone than one read by itself
    model_only = CONVERSATION_MODEL_ONLY if len(texts) > 1 else 0.0
    for (i, _, _), scored in zip(merchant_views, combine(texts, text_hits, model, review, model_only), strict=True):
        for s in scored:
            h = s.hit
            flags.append(Flag(i, h.category, h.start, h.end, h.matched, h.detector, h.term, h.confidence,
                              view=h.view, score=s.score, model_version=s.model_version, features=s.features,
                              detail=h.detail))
    split_parts = drop_answers(find_split_phones(merchant_views, scanner.contacts), messages)
    for p in split_parts:
        text = messages[p.message_index][3]
        flags.append(Flag(p.message_index, "offsite_contact", p.start, p.end, text[p.start:p.end], "phone_split",
                          "phone", scanner.contacts.conf["phone_split"], detail=f"joined number {p.number}",
                          view="joined"))
    taken = {(p.message_index, p.start) for p in split_parts}
    for p in drop_answers(find_number_fragments(merchant_views, scanner.contacts), messages):
        if (p.message_index, p.start) in taken:
            continue
        taken.add((p.message_index, p.start))
        text = messages[p.message_index][3]
        det, conf = ("phone_split", "phone_split") if p.kind == "phone" else ("qq_split", "qq_split")
        flags.append(Flag(p.message_index, "offsite_contact", p.start, p.end, text[p.start:p.end], det,
                          p.kind, scanner.contacts.conf[conf], detail=p.detail, view="joined"))
    for p in find_phone_tails(messages, merchant_views, scanner.contacts):
        if (p.message_index, p.start) in taken:
            continue
        text = messages[p.message_index][3]
        flags.append(Flag(p.message_index, "offsite_contact", p.start, p.end, text[p.start:p.end], "phone_partial",
                          "phone", scanner.contacts.conf["phone_partial"], detail=p.detail, view="joined"))
    if model is not None:
        flagged: dict[int, set[str]] = {}
        for f in flags:
            flagged.setdefault(f.message_index, set()).add(f.category)
        items = [(i, t, text) for (i, t, _), text in zip(merchant_views, texts, strict=True)]
        for i, first, s in joined_runs(items, flagged, model, review, scanner.contacts.split_window,
                                       scanner.contacts.split_max, model_only):
            h = s.hit
            flags.append(Flag(i, h.category, h.start, h.end, h.matched, h.detector, h.term, h.confidence,
                              view="joined", score=s.score, model_version=s.model_version, features=s.features,
                              detail=f"read with messages {first}-{i - 1}"))
    lapses = reply_time.find_lapses([(i, r, t) for i, r, t, _, _ in messages], tz, service_start,
                                    service_end, reply_limit, now)
    for lp in lapses:
        text = messages[lp.message_index][3]
        detail = ("no merchant reply" if lp.waited is None
                  else f"merchant replied after {int(lp.waited.total_seconds())} s")
        flags.append(Flag(lp.message_index, "negative_service", 0, len(text), text, "reply_time",
                          f"reply within {int(reply_limit.total_seconds())} s", 0.8 if lp.waited is None else 0.9,
                          source="timing", detail=f"{detail}; {lp.stretch} customer message(s) waiting"))
    flags.extend(_conduct_flags(conv, messages, scanner, tz, mechanical, harassment))
    flags.sort(key=lambda f: (f.message_index, f.source, f.start, f.category))
    return [f if f.rule else _with_rule(f, _rule_of(rule_map, f)) for f in flags]


def _rule_of(rule_map: Mapping[str, str | None], f: Flag) -> str | None:
    """The rule a label of its own goes to (None: not policed), else its category's rule."""
    key = f"{f.category}/{f.term}"
    return rule_map[key] if key in rule_map else rule_map.get(f.category)


def _conduct_flags(conv: Mapping, messages: list, scanner: Scanner, tz: str,
                   mechanical: MechanicalSettings | None, harassment: HarassmentSettings | None) -> list[Flag]:
    if mechanical is None and harassment is None:
        return []
    words = load_words(scanner.directory)
    said = [(i, role, t, text) for i, role, t, text, _ in messages]
    ids = [m.get("external_id") for m in conv["messages"]]

    def ref(i: int) -> str:
        return str(ids[i] or i + 1)

    found: list[tuple[str, ConductHit]] = []
    if mechanical is not None:
        found += [("negative_service", h) for h in find_mechanical(said, words, mechanical, ref)]
    if harassment is not None:
        found += [("abuse", h) for h in find_harassment(said, words, harassment, tz, ref)]
    out = []
    for category, h in found:
        text = messages[h.message_index][3]
        out.append(Flag(h.message_index, category, 0, len(text), text, h.detector, h.detector, h.confidence,
                        source="conduct", evidence=h.evidence))
    return out


def _with_rule(f: Flag, rule: str | None) -> Flag:
    if rule is None:
        return f
    d = {name: getattr(f, name) for name in f.__slots__}
    d["rule"] = rule
    return Flag(**d)
