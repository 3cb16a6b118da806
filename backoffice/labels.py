"""People-facing names for the product's codes (translated), shared by pages, notices and PDFs."""

from __future__ import annotations

import re
from decimal import Decimal

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from backoffice.timeutil import to_platform_tz

CATEGORY_LABELS = {
    "offsite_contact": _l("Off-platform contact"),
    "ads_spam": _l("Ads and spam"),
    "illegal_service": _l("Illegal information or services"),
    "abuse": _l("Abuse and harassment"),
    "negative_service": _l("Negative service"),
    "prohibited_content": _l("Prohibited content"),
    None: _l("Unclassified report"),
}
STATUS_LABELS = {
    "active": _l("All open"),
    "open": _l("Waiting"),
    "in_review": _l("In review"),
    "on_hold": _l("On hold for help"),
    "escalated": _l("Escalated"),
    "awaiting_approval": _l("Awaiting approval"),
    "decided": _l("Decided"),
    "dismissed": _l("Dismissed"),
}
#: Why a case closed without a decision of its own (``Case.close_reason``), shown instead of its status.
CLOSE_REASON_LABELS = {"merchant_removed": _l("Closed: the shop was removed")}
VERDICT_LABELS = {
    "violation": _l("Violation"),
    "no_violation": _l("No violation"),
    "insufficient_evidence": _l("Insufficient evidence"),
}
SEVERITY_LABELS = {
    "general": _l("General"),
    "serious": _l("Serious"),
    "especially_serious": _l("Especially serious"),
}
# The languages a ruling document comes in (backoffice.rulings.document.LANG_MODES).
LANG_LABELS = {"zh": "中文", "en": "English", "both": _l("Bilingual")}
# Taobao's violation-point tracks (一般违规扣分 / 严重违规扣分 / 售假扣分): where points are counted, not the
# case's severity (a serious case of repeated harassment takes 12 points on the general-violation track).
TRACK_LABELS = {"general": _l("general-violation track"), "serious": _l("serious-violation track"),
                "counterfeit": _l("counterfeit-goods track")}
SOURCE_LABELS = {"detector": _l("Detector"), "report": _l("Customer report"), "sweep": _l("Daily manual sweep"),
                 "merchant_report": _l("Merchant report")}
#: An appeal file's kind (backoffice.appeals.storage.ALLOWED), as the reviewer reads it.
EVIDENCE_KIND_LABELS = {"image": _l("Image"), "pdf": "PDF", "audio": _l("Audio recording"), "text": _l("Text")}
CHANNEL_LABELS = {"im": _l("In-app chat"), "enterprise_wechat": _l("Enterprise WeChat"),
                  "privacy_number": _l("Privacy number call")}
#: The kinds of contact handle that link shops (detection/handles.py).
HELP_KIND_LABELS = {"help": _l("Help requested"), "escalation": _l("Escalated")}
HANDLE_LABELS = {"phone": _l("Phone"), "qq": _l("QQ"), "wechat": _l("WeChat"), "email": _l("E-mail")}
#: Shown where chat text, a customer's name, a statement or evidence was purged at the end of the
#: retention period (backoffice.retention), instead of a blank.
PURGED = _l("Deleted under the retention period")

SENDER_LABELS = {"merchant": _l("Merchant"), "customer": _l("Customer"), "system": _l("System")}
STANDING_LABELS = {"active": _l("Active"), "restricted": _l("Business restricted"), "muted": _l("Muted"),
                   "removed": _l("Removed")}
APPEAL_STATUS_LABELS = {"draft": _l("Draft"), "submitted": _l("With the reviewers"),
                        "awaiting_evidence": _l("More evidence requested"), "decided": _l("Appeal decided")}
APPEAL_OUTCOME_LABELS = {"upheld": _l("Ruling upheld"), "overturned": _l("Ruling overturned"),
                         "reduced": _l("Penalty reduced")}
#: Where the merchant's appeal stands, in the merchant's words (``merchant_appeal_state``).
MERCHANT_APPEAL_LABELS = {"submitted": _l("Appeal: under review"),
                          "awaiting_evidence": _l("Appeal: more material needed"),
                          "overturned": _l("Appeal: ruling revoked"), "reduced": _l("Appeal: penalty reduced"),
                          "upheld": _l("Appeal: ruling upheld")}


def merchant_appeal_state(appeal) -> str | None:
    """The key of ``MERCHANT_APPEAL_LABELS`` for an appeal; None when none was filed (no appeal, or a draft)."""
    if appeal is None or appeal.status.value == "draft":
        return None
    if appeal.status.value == "decided":
        return appeal.outcome.value
    return appeal.status.value


def ruleset_words(version: str) -> str:
    """A rule-set version as people say it: "taobao-2022.2" is the 2nd edition of 2022; others say nothing."""
    match = re.fullmatch(r"[a-z]+-(\d{4})\.(\d+)", version or "")
    return _("%(year)s, edition %(n)s", year=match[1], n=match[2]) if match else ""
DECISION_STATUS_LABELS = {"pending_approval": _l("Awaiting approval"), "applied": _l("In force"),
                          "refused": _l("Refused"), "withdrawn": _l("Undone by the reviewer"),
                          "joined": _l("Decided with another case (one course of conduct)")}
PENALTY_STATE_LABELS = {"in_force": _l("In force"), "overturned": _l("Overturned on appeal"),
                        "superseded": _l("Reduced on appeal"), "withdrawn": _l("Undone by the reviewer")}
#: What an audit event is about (``AuditEvent.subject_type``).
SUBJECT_LABELS = {"api_token": _l("API token"), "appeal": _l("Appeal"), "calibration_review": _l("Calibration review"),
                  "case": _l("Case"), "conversation": _l("Conversation"), "exam_attempt": _l("Exam attempt"),
                  "login": _l("Sign-in"), "merchant": _l("Merchant"), "penalty_decision": _l("Decision"),
                  "saved_view": _l("Queue view"), "canned_reason": _l("Canned reason"),
                  "user": _l("User")}
APPROVAL_LABELS = {"removal": _l("removal"), "deposit_above_threshold": _l("deposit deduction above the threshold"),
                   "deviation": _l("changed measures")}


def _when(value) -> str:
    return to_platform_tz(value).strftime("%Y-%m-%d %H:%M") if value else ""


def yuan(value) -> str:
    """An amount as people read money: 15,000.00 (a missing amount stays missing)."""
    if value is None:
        return "—"
    return f"{Decimal(str(value)):,.2f}"


def measure_text(m) -> str:
    """One planned measure (PlannedMeasure or its dict) as a sentence with amounts and times."""
    get = (lambda k: m.get(k)) if isinstance(m, dict) else (lambda k: getattr(m, k))
    kind = get("type")
    if kind == "integrity_points":
        return _("Integrity points %(n)s", n=get("integrity_points"))
    if kind == "violation_points":
        return _("%(n)s violation points (%(track)s)", n=get("violation_points"),
                 track=TRACK_LABELS.get(get("track"), get("track")))
    if kind == "deposit_deduction":
        if get("whole_deposit"):
            # The exact sum, so that whoever approves a removal sees what it takes.
            return _("Whole deposit forfeited (%(n)s yuan)", n=yuan(get("applied"))) if get("applied") is not None \
                else _("Whole deposit forfeited")
        text = _("Deposit deduction %(n)s yuan", n=yuan(get("requested")))
        if get("shortfall") and str(get("shortfall")) not in ("0", "0.00"):
            text += _(" (%(applied)s yuan taken, shortfall %(short)s yuan)", applied=yuan(get("applied")),
                      short=yuan(get("shortfall")))
        return text
    if kind == "consumer_compensation":
        return _("Compensation of %(n)s yuan to the consumer", n=yuan(get("amount")))
    return _with_times(str(MEASURE_NAMES.get(kind, kind)), get, kind)


MEASURE_NAMES = {
    "business_restriction": _l("Business restriction"), "listing_restriction": _l("Listing restriction"),
    "mute": _l("Customer-service mute"), "search_demotion": _l("Search demotion"), "removal": _l("Removal (清退)"),
    "content_removal": _l("Content removed"), "risk_notice": _l("Risk notice on the workbench"),
    "warning": _l("Warning"), "integrity_points": _l("Integrity points"),
    "violation_points": _l("Violation points"), "deposit_deduction": _l("Deposit deduction"),
    "consumer_compensation": _l("Consumer compensation"), "opening": _l("Opening balance"),
    "deposit_topup": _l("Deposit top-up"),
    # A customer's measures (customer rules of a pack).
    "messaging_restriction": _l("Messaging restriction"), "ban": _l("Account ban"),
}
#: Whose conduct a case judges, and how it came.
KIND_LABELS = {"violation": _l("Merchant's conduct"), "fraud_report": _l("Customer reported by the merchant"),
               "customer_fraud": _l("Customer's messages flagged")}
CUSTOMER_STANDING_LABELS = {"active": _l("No measure in force"), "restricted": _l("Messaging restricted"),
                            "banned": _l("Banned")}


def ladder_measure_text(measure) -> str:
    """A measure of a rule's ladder (what the rules provide, not yet applied) as a sentence: no dates,
    and "up to" where the reviewer sets the amount."""
    kind = measure.type
    if kind == "deposit_deduction" and measure.cap is not None:
        return _("Deposit deduction of up to %(n)s yuan", n=yuan(measure.cap))
    if kind == "consumer_compensation":
        text = (_("Compensation of up to %(n)s yuan to the consumer", n=yuan(measure.cap)) if measure.cap is not None
                else _("Compensation of %(n)s yuan to the consumer", n=yuan(measure.amount)))
        return text + (_(" (if the complaint is upheld)") if measure.condition else "")
    if kind in ("search_demotion", "listing_restriction") and measure.days is None:
        return _("%(measure)s until lifted", measure=MEASURE_NAMES[kind])
    get = lambda name, default=None: getattr(measure, name, default)  # noqa: E731
    data = {"type": kind, "integrity_points": get("points"), "track": get("track"), "violation_points": get("points"),
            "whole_deposit": get("whole", False), "requested": get("amount"), "days": get("days"),
            "minutes": get("minutes"), "permanent": get("permanent", False)}
    return measure_text(data)


def customer_measure_text(m) -> str:
    """A customer's measure (CustomerMeasure, or the ``measure`` of a customer plan) as a sentence."""
    get = (lambda k: m.get(k)) if isinstance(m, dict) else (lambda k: getattr(m, k, None))
    kind = str(get("type"))
    data = {"type": kind, "days": get("days"), "starts_at": get("starts_at"), "ends_at": get("ends_at"),
            "until_lifted": kind == "ban" and get("starts_at") is not None}
    return measure_text(data)


def _with_times(text: str, get, kind: str) -> str:
    if get("permanent"):
        return text + _(", permanent")
    if get("minutes"):
        text += ngettext(" for %(num)s minute", " for %(num)s minutes", int(get("minutes")))
    elif get("days"):
        text += ngettext(" for %(num)s day", " for %(num)s days", int(get("days")))
    starts, ends = get("starts_at"), get("ends_at")
    if isinstance(starts, str):
        from datetime import datetime

        starts = datetime.fromisoformat(starts)
        ends = datetime.fromisoformat(ends) if ends else None
    if ends:
        text += _(", %(start)s to %(end)s", start=_when(starts), end=_when(ends))
    elif kind in ("search_demotion",) or get("until_lifted"):
        text += _(", from %(start)s until lifted", start=_when(starts))
    elif starts and kind == "risk_notice":
        text += _(", shown from %(start)s", start=_when(starts))
    return text


def countdown(until) -> str:
    """Time left until a moment, for people: '3 days 4 hours', '25 minutes'."""
    from backoffice.db import utcnow

    if until is None:
        return ""
    seconds = int((until - utcnow()).total_seconds())
    if seconds <= 0:
        return _("ended")
    days, hours, minutes = _days_hours_minutes(seconds)
    if days:
        return _("%(d)d days %(h)d hours left", d=days, h=hours)
    if hours:
        return _("%(h)d hours %(m)d minutes left", h=hours, m=minutes)
    return _("%(m)d minutes left", m=max(minutes, 1))


def _days_hours_minutes(seconds: int) -> tuple[int, int, int]:
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    return days, hours, rest // 60


def time_until(until) -> str:
    """How long until a moment, for people: '3 days 4 hours', '25 minutes'; used in sentences such as
    "the exam entrance opens in …" (the countdown filter says "… left")."""
    from backoffice.db import utcnow

    days, hours, minutes = _days_hours_minutes(max(int((until - utcnow()).total_seconds()), 60))
    if days:
        return _("%(d)d days %(h)d hours", d=days, h=hours)
    if hours:
        return _("%(h)d hours %(m)d minutes", h=hours, m=minutes)
    return _("%(m)d minutes", m=minutes)


def case_status_label(case) -> str:
    """A case's status for people: why it closed when it closed without a decision of its own."""
    return str(CLOSE_REASON_LABELS.get(getattr(case, "close_reason", None)) or STATUS_LABELS[case.status.value])


#: Why a case got the deadline it has (``policy/deadlines.py``: ``case_tier``).
SLA_TIER_LABELS = {"urgent_rule": _l("urgent rule"), "removal_possible": _l("removal possible"),
                   "standard": _l("standard")}


def deadline_basis(basis: dict | None) -> str:
    """What a review deadline was computed from, in words: "4 business hours, removal possible"."""
    if not basis:
        return ""
    hours = int(basis.get("hours", 0))
    span = (_("%(n)d business hours", n=hours) if basis.get("clock") == "business_hours"
            else _("%(n)d hours", n=hours))
    tier = SLA_TIER_LABELS.get(basis.get("tier", ""))
    return _("%(span)s, %(tier)s", span=span, tier=tier) if tier else span


def deadline_left(seconds: int | None, basis: dict | None) -> str:
    """Time a paused deadline has left, on its clock: "22 business hours 30 minutes"."""
    if seconds is None:
        return ""
    hours, minutes = divmod(max(int(seconds), 0) // 60, 60)
    if basis and basis.get("clock") == "business_hours":
        return (_("%(h)d business hours %(m)d minutes", h=hours, m=minutes) if minutes
                else _("%(n)d business hours", n=hours))
    return _("%(h)d hours %(m)d minutes", h=hours, m=minutes)
