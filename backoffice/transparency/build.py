"""Build statements of reasons from structured data: the case, its flags, the rule and the measures.

Nothing here copies free text a person wrote (a reviewer's rationale, a note, a deviation reason,
a report) or a message: ``decision_facts`` and the explanations are composed from codes, numbers,
dates and the rule's own published wording. ``personal_data.scan`` double-checks the result.

Dates are platform days (``BACKOFFICE_TIMEZONE``, Asia/Shanghai by default). Settings, all optional:

* ``DSA_TERRITORIAL_SCOPE``: country codes where the measures apply (default: the whole EEA,
  since a restriction on a merchant's account applies wherever the service is offered);
* ``DSA_REFERENCE_URLS``: ``{platform: URL}`` of the published terms, for
  ``decision_ground_reference_url``;
* ``DSA_PUID_PREFIX``: prefix of every PUID (use one per installation when several databases
  report for one platform: a PUID may never be reused).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from flask import current_app

from backoffice.accounts.models import User
from backoffice.cases.models import Case, CaseDecision, Flag, FlagSource, Report
from backoffice.conversations.models import Channel, Message
from backoffice.db import db
from backoffice.ledger.models import LedgerEntry
from backoffice.penalties.models import PenaltyDecision
from backoffice.policy import MeasurePlan, PlannedMeasure, Rule, UnknownRuleError, get_rulebook
from backoffice.timeutil import platform_tz
from backoffice.transparency import mapping
from backoffice.transparency.facts import describe, platform_day
from backoffice.transparency.personal_data import Known
from backoffice.transparency.schema import EEA_COUNTRIES, TEXT_LIMITS

AUTOMATED_SOURCES = (FlagSource.detector,)
DETECTOR_LABELS = {
    "lexicon": "keyword lexicon", "phone": "phone-number detector", "landline": "phone-number detector",
    "phone_split": "phone-number detector", "qq_number": "QQ-number detector",
    "wechat_id": "WeChat-id detector",
    "email": "e-mail detector", "url": "link detector", "qr_code": "QR-code detector",
    "contact_image": "contact-image detector", "solicit": "contact-request detector",
    "reply_time": "reply-time check",
    "mechanical_reply": "repeated-reply check", "irrelevant_reply": "repeated-reply check",
    "after_refusal": "contact-after-refusal check", "frequent_contact": "message-frequency check",
    "night_contact": "contact-hours check",
}
CHANNEL_LABELS = {
    Channel.im: "the platform's in-app chat",
    Channel.enterprise_wechat: "the platform's own enterprise-WeChat channel",
    Channel.privacy_number: "a call on the platform's privacy (virtual) number",
}
ATTACHMENT_TYPES = {"image": "CONTENT_TYPE_IMAGE", "qr_code": "CONTENT_TYPE_IMAGE",
                    "audio": "CONTENT_TYPE_AUDIO", "file": "CONTENT_TYPE_OTHER"}
CONTACT_DETECTORS = frozenset({"phone", "landline", "phone_split", "qq_number", "wechat_id", "email", "url"})
_CJK = re.compile(r"[\u3400-\u9fff]")


# -- identifiers and settings ------------------------------------------------------------------
def puid_for_decision(case: Case, decision: CaseDecision) -> str:
    return f"{_prefix()}{case.platform.value}-case-{case.id}-decision-{decision.id}"


def puid_for_automatic(case: Case, first_entry_id: int) -> str:
    return f"{_prefix()}{case.platform.value}-case-{case.id}-automatic-{first_entry_id}"


def _prefix() -> str:
    prefix = str(current_app.config.get("DSA_PUID_PREFIX") or "").strip("-")
    return f"{prefix}-" if prefix else ""


def territorial_scope() -> list[str]:
    value = current_app.config.get("DSA_TERRITORIAL_SCOPE")
    if not value:
        return sorted(EEA_COUNTRIES)
    codes = value.replace(",", " ").split() if isinstance(value, str) else list(value)
    return [c.strip().upper() for c in codes]


def _reference_url(platform: str) -> str | None:
    urls = current_app.config.get("DSA_REFERENCE_URLS") or {}
    return urls.get(platform) if isinstance(urls, dict) else None


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# -- what the case says about itself -----------------------------------------------------------
def _flags(case: Case) -> list[Flag]:
    return list(db.session.scalars(sa.select(Flag).where(Flag.case_id == case.id).order_by(Flag.id)))


def _messages(flags: Iterable[Flag]) -> list[Message]:
    ids = {f.message_id for f in flags if f.message_id is not None}
    if not ids:
        return []
    return list(db.session.scalars(sa.select(Message).where(Message.id.in_(ids)).order_by(Message.sent_at)))


def _content_types(case: Case, flags: Sequence[Flag], messages: dict[int, Message]) -> list[str]:
    types: list[str] = []
    for flag in flags:
        if flag.where == "attachment" and flag.message_id in messages:
            attachments = messages[flag.message_id].attachments or []
            index = flag.attachment_index if flag.attachment_index is not None else -1
            kind = attachments[index].get("kind") if 0 <= index < len(attachments) else None
            value = ATTACHMENT_TYPES.get(kind or "", "CONTENT_TYPE_IMAGE")
        elif case.conversation.channel is Channel.privacy_number:
            value = "CONTENT_TYPE_AUDIO"
        else:
            value = "CONTENT_TYPE_TEXT"
        if value not in types:
            types.append(value)
    return types or ["CONTENT_TYPE_TEXT"]


def _content_date(case: Case, messages: Sequence[Message]) -> str:
    if messages:
        return platform_day(min(m.sent_at for m in messages))
    first = db.session.scalar(sa.select(sa.func.min(Message.sent_at)).where(
        Message.conversation_id == case.conversation_id))
    return platform_day(first or case.opened_at)


def _how_detected(flags: Sequence[Flag]) -> tuple[str, bool, bool]:
    """A sentence on how the case arose; whether a detector flagged it; whether a customer reported it."""
    automated = [f for f in flags if f.source in AUTOMATED_SOURCES]
    reports = [f for f in flags if f.source is FlagSource.report]
    parts = []
    if automated:
        labels = sorted({DETECTOR_LABELS.get(f.detector, "automated detector") for f in automated})
        parts.append(f"automated detection ({', '.join(labels)}) flagged {len(automated)} "
                     f"{'place' if len(automated) == 1 else 'places'} in the merchant's messages")
    if reports:
        parts.append(f"{'a notice' if len(reports) == 1 else f'{len(reports)} notices'} from the customer "
                     "(report through the platform)")
    return (" and ".join(parts) or "the platform's own review"), bool(automated), bool(reports)


def _rule(code: str | None) -> Rule | None:
    if not code:
        return None
    try:
        return get_rulebook().rule(code)
    except UnknownRuleError:
        return None


def _platform_name(platform: str) -> str:
    try:
        return get_rulebook().pack(platform).name.en
    except KeyError:
        return platform


def _rule_citation(rule: Rule) -> str:
    return (f'rule "{rule.title_en}" ({rule.code}), {rule.source.document} {rule.source.clause}, '
            f"rule set {rule.ruleset_version}")


# -- the statements ----------------------------------------------------------------------------
def _common(case: Case, rule: Rule | None, flags: Sequence[Flag]) -> dict[str, Any]:
    messages = _messages(flags)
    by_id = {m.id: m for m in messages}
    detected, automated, reported = _how_detected(flags)
    cls = mapping.classify(rule) if rule else mapping.FALLBACK
    statement: dict[str, Any] = {
        "account_type": "ACCOUNT_TYPE_BUSINESS",
        "decision_ground": cls.decision_ground,
        "content_type": _content_types(case, flags, by_id),
        "category": cls.category,
        "territorial_scope": territorial_scope(),
        "content_date": _content_date(case, messages),
        "source_type": "SOURCE_ARTICLE_16" if reported else "SOURCE_VOLUNTARY",
        "automated_detection": "Yes" if automated else "No",
    }
    if "CONTENT_TYPE_OTHER" in statement["content_type"]:
        statement["content_type_other"] = "file attachment sent in the chat"
    if cls.category_addition:
        statement["category_addition"] = list(cls.category_addition)
    if cls.category_specification:
        statement["category_specification"] = list(cls.category_specification)
    if cls.category_specification_other:
        statement["category_specification_other"] = cls.category_specification_other
    if any(_CJK.search(m.text or "") for m in messages):
        statement["content_language"] = "ZH"
    url = _reference_url(case.platform.value)
    if url:
        statement["decision_ground_reference_url"] = url
    statement["_detected"] = detected  # consumed by the callers, never exported
    statement["_classification"] = cls
    return statement


def _grounds(statement: dict[str, Any], rule: Rule | None, why: str) -> None:
    cls = statement.pop("_classification")
    platform_rules = "the platform's rules"
    citation = _rule_citation(rule) if rule else platform_rules
    explanation = f"{rule.source.text.en.strip()} {why}" if rule else why
    if cls.decision_ground == mapping.ILLEGAL:
        statement["illegal_content_legal_ground"] = _clip(cls.legal_ground or "",
                                                          TEXT_LIMITS["illegal_content_legal_ground"])
        statement["illegal_content_explanation"] = _clip(explanation,
                                                         TEXT_LIMITS["illegal_content_explanation"])
    else:
        statement["incompatible_content_ground"] = _clip(
            f"Terms and conditions of the platform: {citation}.", TEXT_LIMITS["incompatible_content_ground"])
        statement["incompatible_content_explanation"] = _clip(explanation,
                                                              TEXT_LIMITS["incompatible_content_explanation"])
        if cls.incompatible_content_illegal:
            statement["incompatible_content_illegal"] = cls.incompatible_content_illegal


def _arose(case: Case, statement: dict[str, Any]) -> str:
    channel = CHANNEL_LABELS.get(case.conversation.channel, "chat")
    return f"How the case arose: {statement['_detected']}, in {channel}."


def _finish(statement: dict[str, Any], facts: list[str]) -> dict[str, Any]:
    statement.pop("_detected", None)
    statement["decision_facts"] = _clip("\n".join(facts), TEXT_LIMITS["decision_facts"])
    return {k: statement[k] for k in sorted(statement)}


def for_decision(case: Case, decision: CaseDecision, penalty: PenaltyDecision) -> dict[str, Any] | None:
    """The statement for an applied violation decision; None when it restricts nothing."""
    tz = platform_tz()
    plan = MeasurePlan.from_dict(penalty.plan)
    fields = mapping.restrictions(plan.measures, tz)
    if not fields:
        return None
    rule = _rule(penalty.rule_code)
    statement = _common(case, rule, _flags(case)) | fields
    statement.update({
        "application_date": platform_day(penalty.decided_at),
        "automated_decision": "AUTOMATED_DECISION_NOT_AUTOMATED",
        "puid": puid_for_decision(case, decision),
    })
    _grounds(statement, rule,
             "A reviewer read the complete conversation and confirmed that the merchant's own messages "
             "did this.")
    platform = _platform_name(case.platform.value)
    facts = [
        f"Platform: {platform}. The recipient is a business user (a merchant); "
        f"case {case.id}, decision {decision.id}.",
        _arose(case, statement),
        ("Decision: a human reviewer read the complete conversation and confirmed a violation of "
         + (_rule_citation(rule) if rule else f"rule {penalty.rule_code}")
         + f"; severity {penalty.severity}; offence number {penalty.offence_no} under this rule."),
    ]
    if decision.approved_by_id is not None:
        reasons = {"removal": "a removal",
                   "deposit_above_threshold": "a deposit deduction above the approval threshold",
                   "deviation": "a deviation from the computed measures"}
        why = ", ".join(reasons.get(r, r) for r in decision.approval_reasons or []) or "four-eyes review"
        facts.append(f"A manager approved the decision before it took effect ({why}).")
    if decision.dropped:
        facts.append("Measures left out by an approved deviation: "
                     + ", ".join(str(t).replace("_", " ") for t in decision.dropped) + ".")
    if penalty.is_correction:
        facts.append("Self-check correction: the violation is recorded without points "
                     "(first unintentional violation).")
    facts.append("Measures (dates in China time, UTC+8):")
    facts += [f"- {describe(m)}." for m in plan.measures]
    facts.append("The measures are those of the platform's published penalty table for this rule, severity "
                 "and offence number. Detection may be automated; the decision was taken by a person.")
    return _finish(statement, facts)


def measures_of(entries: Iterable[LedgerEntry]) -> list[PlannedMeasure]:
    return [PlannedMeasure(type=e.kind.value, starts_at=e.effective_at, ends_at=e.ends_at, trigger="on_flag",
                           until_lifted=e.ends_at is None) for e in entries]


def for_automatic(case: Case, entries: Sequence[LedgerEntry]) -> dict[str, Any] | None:
    """The statement for measures applied on a flag before review (ZBJ demotion); None if none restricts."""
    tz = platform_tz()
    everything = measures_of(entries)
    measures = [m for m in everything if mapping.restrictive(m)]
    fields = mapping.restrictions(measures, tz)
    if not fields:
        return None
    rule = _rule(case.rule_code)
    statement = _common(case, rule, _flags(case)) | fields
    statement.update({
        "application_date": platform_day(min(m.starts_at for m in measures)),
        "automated_decision": "AUTOMATED_DECISION_FULLY",
        "automated_detection": "Yes",
        "puid": puid_for_automatic(case, min(e.id for e in entries)),
    })
    _grounds(statement, rule,
             "The platform's automated detection flagged the merchant's message under this rule, and the "
             "rule provides this interim measure at once, pending a person's review.")
    platform = _platform_name(case.platform.value)
    review = f" by {platform_day(case.sla_due_at)}" if case.sla_due_at else ""
    facts = [
        f"Platform: {platform}. The recipient is a business user (a merchant); case {case.id}.",
        _arose(case, statement),
        ("Automatic interim measure: applied by the system at once, before any person reviewed the case, as "
         + (_rule_citation(rule) if rule else "the platform's rules") + " provides."),
        "Measures (dates in China time, UTC+8):",
        *[f"- {describe(m)}." for m in everything],
        (f"A reviewer judges the complete conversation{review}. If the flag is not confirmed the measure is "
         "lifted; if it is confirmed, the reviewer's decision gets its own statement of reasons."),
    ]
    return _finish(statement, facts)


# -- what must not appear ----------------------------------------------------------------------
def _contact_identifiers(matched: str) -> list[str]:
    digits = re.sub(r"\D", "", matched)
    out = [digits] if len(digits) >= 5 else []
    out += [t for t in re.findall(r"[A-Za-z0-9_.@\-]{5,}", matched) if re.search(r"[\d_@]", t)]
    return out


def known_for(case: Case, rule_code: str | None = None) -> Known:
    """Names, identifiers and texts of the case's people and conversation (see ``personal_data``).

    The wording of the rules involved (the case's and ``rule_code``) is trusted text: a merchant who
    quotes the rule in a message does not make the rule's own title personal data.
    """
    conversation = case.conversation
    merchant = case.merchant
    names = [merchant.name, conversation.customer_name]
    identifiers = [merchant.external_id, conversation.customer_external_id, conversation.external_id]
    for user in db.session.scalars(sa.select(User).where(User.merchant_id == merchant.id)):
        names.append(user.display_name)
        if user.email:
            identifiers.append(user.email)
        if not user.login.isalpha():  # "merchant" is a word of our own text; "shancheng88" is not
            identifiers.append(user.login)
    texts: list[str] = []
    for text, attachments in db.session.execute(sa.select(Message.text, Message.attachments).where(
            Message.conversation_id == conversation.id)):
        texts.append(text or "")
        texts += [a.get("text") or "" for a in attachments or [] if isinstance(a, dict)]
    texts += db.session.scalars(sa.select(Report.text).where(Report.conversation_id == conversation.id))
    for flag in _flags(case):
        if flag.detector in CONTACT_DETECTORS and flag.matched:
            identifiers += _contact_identifiers(flag.matched)
    trusted: list[str] = []
    for code in sorted({c for c in (case.rule_code, rule_code) if c}):
        if (rule := _rule(code)) is None:
            continue
        trusted += [rule.title_zh, rule.title_en, rule.source.document, rule.source.clause,
                    rule.source.text.zh, rule.source.text.en]
    return Known(names=tuple(n for n in names if n), identifiers=tuple(i for i in identifiers if i),
                 texts=tuple(texts), trusted=tuple(trusted))
