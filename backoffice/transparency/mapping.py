"""From our rules and measures to the Transparency Database's vocabulary (STANDARDS.md section b).

Two mappings, both data:

* rule -> ground and category: a default per rule category (``CATEGORY_DEFAULTS``); a rule may
  override any part with its optional ``dsa:`` block in ``rules/packs/*.yaml``.
* measure type -> restriction fields: ``MEASURE_FIELDS`` (the "suggested mapping of our
  measures"). Points, warnings and risk notices restrict nothing by themselves; they are facts.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from backoffice.policy import PlannedMeasure, Rule

INCOMPATIBLE = "DECISION_GROUND_INCOMPATIBLE_CONTENT"
ILLEGAL = "DECISION_GROUND_ILLEGAL_CONTENT"


@dataclass(frozen=True)
class Classification:
    decision_ground: str
    category: str
    category_addition: tuple[str, ...] = ()
    category_specification: tuple[str, ...] = ()
    category_specification_other: str | None = None
    incompatible_content_illegal: str | None = None
    legal_ground: str | None = None


#: Default per rule category. Off-platform contact and spam break the platform's terms, not a law
#: (OTHER_VIOLATION_TC); abuse is cyber violence with KEYWORD_CYBER_HARASSMENT.
CATEGORY_DEFAULTS: dict[str, Classification] = {
    "offsite_contact": Classification(
        INCOMPATIBLE, "STATEMENT_CATEGORY_OTHER_VIOLATION_TC", (), ("KEYWORD_OTHER",),
        "Steering customers off the platform's own communication and payment channels"),
    "ads_spam": Classification(
        INCOMPATIBLE, "STATEMENT_CATEGORY_OTHER_VIOLATION_TC", (), ("KEYWORD_OTHER",),
        "Unsolicited mass advertising, recruiting or promotion in chat (spam)"),
    "illegal_service": Classification(INCOMPATIBLE, "STATEMENT_CATEGORY_SCAMS_AND_FRAUD"),
    "abuse": Classification(INCOMPATIBLE, "STATEMENT_CATEGORY_CYBER_VIOLENCE", (),
                            ("KEYWORD_CYBER_HARASSMENT",)),
    "negative_service": Classification(
        INCOMPATIBLE, "STATEMENT_CATEGORY_OTHER_VIOLATION_TC", (), ("KEYWORD_OTHER",),
        "Customer-service standards: late, mechanical or irrelevant replies"),
    "prohibited_content": Classification(INCOMPATIBLE, "STATEMENT_CATEGORY_OTHER_VIOLATION_TC"),
}
FALLBACK = Classification(INCOMPATIBLE, "STATEMENT_CATEGORY_OTHER_VIOLATION_TC")


def classify(rule: Rule) -> Classification:
    """The rule's category default with the rule's own ``dsa`` block laid over it."""
    base = CATEGORY_DEFAULTS.get(rule.category, FALLBACK)
    own = rule.dsa
    if own is None:
        return base
    given = {k: tuple(v) if isinstance(v, list) else v for k, v in own.model_dump().items() if v is not None}
    if "category_specification" in given and "category_specification_other" not in given:
        given["category_specification_other"] = None  # the default's text explains the default's keyword
    merged = replace(base, **given)
    if merged.decision_ground == ILLEGAL:
        merged = replace(merged, incompatible_content_illegal=None)
    return merged


VISIBILITY, PROVISION, MONETARY, ACCOUNT = "visibility", "provision", "monetary", "account"

#: measure type -> (restriction kind, value). The value of a mute depends on its duration.
MEASURE_FIELDS: dict[str, tuple[str, str]] = {
    "content_removal": (VISIBILITY, "DECISION_VISIBILITY_CONTENT_REMOVED"),
    "search_demotion": (VISIBILITY, "DECISION_VISIBILITY_CONTENT_DEMOTED"),
    "business_restriction": (PROVISION, "DECISION_PROVISION_PARTIAL_SUSPENSION"),
    "listing_restriction": (PROVISION, "DECISION_PROVISION_PARTIAL_SUSPENSION"),
    "mute": (PROVISION, "DECISION_PROVISION_PARTIAL_SUSPENSION"),
    "removal": (PROVISION, "DECISION_PROVISION_TOTAL_TERMINATION"),
    "deposit_deduction": (MONETARY, "DECISION_MONETARY_OTHER"),
    "consumer_compensation": (MONETARY, "DECISION_MONETARY_OTHER"),
}
#: Measures recorded in decision_facts only (not a restriction under DSA Art. 17(1) by themselves).
FACT_ONLY = ("integrity_points", "violation_points", "warning", "risk_notice")
#: decision_monetary_other for each monetary measure.
MONETARY_OTHER = {
    "deposit_deduction": "security-deposit forfeiture",
    "consumer_compensation": "compensation the merchant must pay to the consumer",
}
#: The heavier provision decision wins when several measures touch the service.
PROVISION_ORDER = ("DECISION_PROVISION_PARTIAL_SUSPENSION", "DECISION_PROVISION_PARTIAL_TERMINATION",
                   "DECISION_PROVISION_TOTAL_SUSPENSION", "DECISION_PROVISION_TOTAL_TERMINATION")
_END_FIELD = {VISIBILITY: "end_date_visibility_restriction", PROVISION: "end_date_service_restriction",
              MONETARY: "end_date_monetary_restriction", ACCOUNT: "end_date_account_restriction"}


def restrictive(measure: PlannedMeasure) -> bool:
    if measure.type == "deposit_deduction":
        return bool((measure.applied or 0) > 0 or (measure.requested or 0) > 0)
    if measure.type == "consumer_compensation":
        return bool((measure.amount or 0) > 0)
    return measure.type in MEASURE_FIELDS


def restrictions(measures: tuple[PlannedMeasure, ...] | list[PlannedMeasure], tz: ZoneInfo) -> dict:
    """The ``decision_*``, ``*_other`` and end-date fields for these measures (empty: none restricts).

    An end date is the latest end, in the platform's time zone, of the measures behind the field;
    it is left out (indefinite) when any of them has no end or the field says termination.
    """
    visibility: list[str] = []
    provision: str | None = None
    monetary_other: list[str] = []
    account: str | None = None
    ends: dict[str, list[datetime | None]] = {}
    for m in measures:
        if not restrictive(m):
            continue
        kind, value = MEASURE_FIELDS[m.type]
        if m.type == "mute" and m.permanent:
            value = "DECISION_PROVISION_PARTIAL_TERMINATION"
        if kind == VISIBILITY:
            if value not in visibility:
                visibility.append(value)
            # A removed message stays removed: no end date for the visibility field then.
            ends.setdefault(kind, []).append(m.ends_at if m.type == "search_demotion" else None)
        elif kind == PROVISION:
            if provision is None or PROVISION_ORDER.index(value) > PROVISION_ORDER.index(provision):
                provision = value
            ends.setdefault(kind, []).append(None if m.permanent else m.ends_at)
            if m.type == "removal":
                account = "DECISION_ACCOUNT_TERMINATED"
        elif kind == MONETARY and MONETARY_OTHER[m.type] not in monetary_other:
            monetary_other.append(MONETARY_OTHER[m.type])
    fields: dict = {}
    if visibility:
        fields["decision_visibility"] = visibility
    if monetary_other:
        fields["decision_monetary"] = "DECISION_MONETARY_OTHER"
        fields["decision_monetary_other"] = "; ".join(monetary_other)
    if provision:
        fields["decision_provision"] = provision
    if account:
        fields["decision_account"] = account
    for kind, values in ends.items():
        if kind == PROVISION and provision and "TERMINATION" in provision:
            continue
        if values and all(v is not None for v in values):
            fields[_END_FIELD[kind]] = max(values).astimezone(tz).date().isoformat()  # type: ignore[type-var]
    return fields
