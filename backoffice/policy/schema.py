"""Frozen pydantic models of a policy pack (one YAML file per platform).

A pack is data only. Cross-field checks that concern one place in the file raise
``PathError`` so the loader can point at the exact line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from backoffice.rulefiles import PathError

from . import settings as setting_refs
from .customer_rules import CustomerRules
from .deadlines import ReviewDeadlines
from .dsa import DsaClassification
from .measures import Basis, Frozen, Measure, Removal
from .service import ServiceQuality

Platform = Literal["zbj", "taobao", "pdd", "community"]
Category = Literal[
    "offsite_contact", "ads_spam", "illegal_service", "abuse", "negative_service", "prohibited_content"
]
Severity = Literal["general", "serious", "especially_serious"]
SEVERITIES: tuple[Severity, ...] = ("general", "serious", "especially_serious")
#: Interim measures a keyword flag may trigger on its own (no points, money or removal).
AUTOMATIC_TYPES = ("search_demotion", "risk_notice", "warning", "content_removal", "mute")
CODE_RE = re.compile(r"^(zbj|taobao|pdd|community)\.[a-z0-9_]+$")
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]


def detection_key(value: str) -> str:
    """Check a key of what the detector raises: ``category`` or ``category/label`` (a lexicon term)."""
    category, _, label = value.partition("/")
    if category not in CATEGORIES or (_ and not label.strip()):
        raise ValueError(f"{value!r} must be a category ({', '.join(CATEGORIES)}), optionally '/<lexicon term>'")
    return value


class LocalText(Frozen):
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)


class SourceDocument(Frozen):
    title: str = Field(min_length=1)  # as the platform names it, e.g. 《猪八戒平台沟通工具使用规范》
    seed: str | None = None  # file under shared/seeds/ the text was read from
    note: str | None = None


class SourceRef(Frozen):
    document: str  # must be the title of one of the pack's source_documents
    clause: str
    #: The rule text quoted (zh) and explained (en), so a ruling can say *why* conduct breaks it.
    text: LocalText


class Rung(Frozen):
    """The measures for one offence number (the last rung repeats for later offences)."""

    measures: tuple[Measure, ...] = Field(min_length=1)
    note: str | None = None

    @model_validator(mode="after")
    def _removal_forfeits_deposit(self) -> Rung:
        types = [m.type for m in self.measures]
        if any(isinstance(m, Removal) for m in self.measures) and not any(
            m.type == "deposit_deduction" and m.whole for m in self.measures
        ):
            raise ValueError("a rung with removal must also list deposit_deduction with whole: true")
        repeated = [t for t, n in Counter(types).items() if n > 1]
        if repeated:
            raise ValueError(f"measure type {repeated[0]!r} appears twice in one rung")
        return self


class AutomaticMeasure(Frozen):
    """Applied when a flag is raised, before any human looks."""

    at: Literal["on_flag", "next_platform_day"]
    measure: Measure
    #: Whether the reviewer's decision on the case ends the measure (a clearance lifts it, a ruling
    #: replaces it with its own measures). False for what the merchant is shown whatever the outcome,
    #: such as ZBJ's next-day risk notice.
    lifted_at_review: bool = True

    @model_validator(mode="after")
    def _no_penalty_before_review(self) -> AutomaticMeasure:
        if self.measure.type not in AUTOMATIC_TYPES:
            raise PathError(
                ("measure", "type"),
                f"{self.measure.type!r} needs a human decision; automatic measures may be: "
                + ", ".join(AUTOMATIC_TYPES),
            )
        return self


class AppealPolicy(Frozen):
    days: int = Field(gt=0)
    basis: Basis
    clock_pauses_during_review: bool = False
    #: Name of the pack operator setting this value came from, if any.
    setting: str | None = None
    note: str | None = None
    channel: LocalText | None = None

    @model_validator(mode="after")
    def _assumption_explained(self) -> AppealPolicy:
        if self.basis == "operator_setting" and not self.note:
            raise ValueError("an appeal window with basis 'operator_setting' needs a note")
        return self


class OperatorSetting(Frozen):
    """A value no source gives; the operator assumes it. Never shown as source text."""

    value: int | str
    unit: str | None = None
    operator_setting: Literal[True]
    note: str = Field(min_length=1)


class CategoryThresholds(Frozen):
    """One category's own thresholds; what it leaves out comes from the pack's defaults."""

    review: float | None = Field(default=None, ge=0.0, le=1.0)
    automatic: float | None = Field(default=None, ge=0.0, le=1.0)


class Detection(Frozen):
    """How sure the detector must be before a flag is reviewed, and before measures are taken without review.

    A detector flag's score is its combined rules-and-model probability, or its detector confidence
    when there is no model score. Below ``review_threshold`` the flag is not stored and opens no case;
    at or above ``automatic_threshold`` the rule's automatic measures (if any) are taken at once.
    """

    review_threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    automatic_threshold: float = Field(default=0.9, ge=0.0, le=1.0)
    categories: dict[Category, CategoryThresholds] = {}
    #: What the detector raises that no rule of this platform takes, each with why (``category`` or
    #: ``category/label``); such flags open no case. ``flask rules check`` fails on anything neither
    #: taken by a rule nor listed here.
    not_policed: dict[str, str] = {}

    @field_validator("not_policed")
    @classmethod
    def _not_policed_keys(cls, value: dict[str, str]) -> dict[str, str]:
        for key, why in value.items():
            detection_key(key)
            if not why.strip():
                raise PathError((key,), "say why the platform's documents leave this unpoliced")
        return value

    @model_validator(mode="after")
    def _review_below_automatic(self) -> Detection:
        if self.review_threshold > self.automatic_threshold:
            raise PathError(("review_threshold",), "review_threshold must not exceed automatic_threshold")
        for category in self.categories:
            review, automatic = self.thresholds(category)
            if review > automatic:
                raise PathError(("categories", category),
                                f"review ({review}) must not exceed automatic ({automatic}) for {category}")
        return self

    def thresholds(self, category: str) -> tuple[float, float]:
        """(review, automatic) for one category."""
        own = self.categories.get(category)  # type: ignore[call-overload]
        review = own.review if own and own.review is not None else self.review_threshold
        automatic = own.automatic if own and own.automatic is not None else self.automatic_threshold
        return review, automatic


class LinkedAccounts(Frozen):
    """Where the source says that abusing several accounts makes a violation heavier (community 加重处罚).

    A decision on a merchant linked to another shop of the platform (they share a contact handle,
    ``merchants/links.py``) that has a violation in force is taken at ``aggravate_to`` at least.
    """

    aggravate_to: Severity
    source: SourceRef
    note: str = Field(min_length=1)

    def aggravate(self, rule: Rule, severity: str) -> str:
        """``severity`` raised to ``aggravate_to``, or to the rule's heaviest severity below it."""
        floor = SEVERITIES.index(self.aggravate_to)
        heavier = [s for s in rule.severities if SEVERITIES.index(severity) < SEVERITIES.index(s) <= floor]
        return max(heavier, key=SEVERITIES.index, default=severity)

class Escalation(Frozen):
    """A grade derived from the merchant's history (Taobao 情节严重 = 多次发生"情节一般"情形).

    The ``occurrences``-th confirmed case of this rule graded ``when`` or ``becomes`` within
    ``window_days`` (this one included) is graded ``becomes`` instead of ``when``.
    """

    when: Severity
    becomes: Severity
    occurrences: int = Field(ge=2)
    window_days: int = Field(gt=0)
    note: str = Field(min_length=1)


class Rule(Frozen):
    code: str
    category: Category
    title_zh: str = Field(min_length=1)
    title_en: str = Field(min_length=1)
    source: SourceRef
    severities: tuple[Severity, ...] = Field(min_length=1)
    #: Look-back window for offence counting in days; None = all time (the source gives none).
    window_days: int | None = Field(gt=0)
    ladder: dict[Severity, tuple[Rung, ...]]
    automatic: tuple[AutomaticMeasure, ...] = ()
    appeal: AppealPolicy
    self_check: bool
    self_check_days: Literal[1, 2] = 2  # 自检自查 "一日" or "累计两日"
    exam_learning: bool
    escalation: Escalation | None = None
    default_for_category: bool = False
    #: Further detector categories or ``category/label`` (a lexicon term) whose flags this rule takes.
    detects: tuple[str, ...] = ()
    helpful_evidence: tuple[LocalText, ...] = ()
    detector: dict[str, int | str | bool] = {}
    #: DSA Transparency Database classification; None: the category's default.
    dsa: DsaClassification | None = None
    notes: tuple[str, ...] = ()
    # Filled in by the pack from its own header; an author may omit them.
    platform: Platform
    ruleset_version: str

    @field_validator("detects")
    @classmethod
    def _detects_keys(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for key in value:
            detection_key(key)
        return value

    @field_validator("code")
    @classmethod
    def _code_shape(cls, code: str) -> str:
        if not CODE_RE.match(code):
            raise ValueError(f"code {code!r} must look like '<platform>.<snake_case_name>'")
        return code

    @model_validator(mode="after")
    def _ladder_matches_severities(self) -> Rule:
        if len(set(self.severities)) != len(self.severities):
            raise PathError(("severities",), "severities are listed twice")
        if set(self.ladder) != set(self.severities):
            missing = sorted(set(self.severities) - set(self.ladder))
            extra = sorted(set(self.ladder) - set(self.severities))
            raise PathError(
                ("ladder",), f"ladder severities must match 'severities' (missing {missing}, extra {extra})"
            )
        for sev, rungs in self.ladder.items():
            if not rungs:
                raise PathError(("ladder", sev), "a severity needs at least one rung")
        if not self.code.startswith(f"{self.platform}."):
            raise PathError(("code",), f"code {self.code!r} must start with '{self.platform}.'")
        esc = self.escalation
        if esc is not None and not {esc.when, esc.becomes} <= set(self.severities):
            raise PathError(("escalation",), "escalation grades must be among the rule's severities")
        return self

    def rungs(self, severity: Severity) -> tuple[Rung, ...]:
        return self.ladder[severity]


#: A rule's detector switch and the operator settings the detector then reads (detection/runtime.py).
DETECTOR_SETTINGS = {
    "counts_mechanical_replies": ("mechanical_reply_repeats", "mechanical_reply_min_chars"),
    "harassment_by_conduct": ("harassment_quiet_start", "harassment_quiet_end", "harassment_prompted_minutes",
                              "harassment_flood_messages", "harassment_flood_minutes",
                              "harassment_closing_messages", "harassment_closing_minutes"),
}
#: The operator settings a pack with exam-learning rules must give: when the exam entrance opens and closes.
EXAM_WINDOW_SETTINGS = ("exam_entrance_opens_after_days", "exam_entrance_open_days")


class Pack(Frozen):
    platform: Platform
    name: LocalText
    #: What the platform's merchants know its site as (the title of their pages); the pack's name when absent.
    site_name: LocalText | None = None
    version: str = Field(min_length=1)
    effective_from: dt.date
    timezone: Literal["Asia/Shanghai"] = "Asia/Shanghai"
    source_documents: tuple[SourceDocument, ...] = Field(min_length=1)
    operator_settings: dict[str, OperatorSetting] = {}
    detection: Detection = Detection()
    linked_accounts: LinkedAccounts | None = None
    #: Reply window and targets for the service-quality figures (``policy/service.py``).
    service_quality: ServiceQuality | None = None
    #: How long a case and an appeal may wait for a decision (``policy/deadlines.py``); None: no deadline.
    review_deadlines: ReviewDeadlines | None = None
    rules: tuple[Rule, ...] = Field(min_length=1)
    #: Rules whose subject is the customer (``policy/customer_rules.py``); None: the pack has none.
    customer_rules: CustomerRules | None = None

    @model_validator(mode="before")
    @classmethod
    def _fill_rule_headers(cls, data: Any) -> Any:
        """Give each rule its platform and version, and expand ``{setting: NAME}`` appeal windows."""
        if not isinstance(data, dict):
            return data
        # 'x-' keys hold YAML anchors shared by several rules (as in docker-compose files).
        data = {k: v for k, v in data.items() if not (isinstance(k, str) and k.startswith("x-"))}
        if not isinstance(data.get("rules"), list):
            return data
        settings = data.get("operator_settings") or {}
        rules = []
        for i, raw in enumerate(data["rules"]):
            if isinstance(raw, dict):
                raw = {"platform": data.get("platform"), "ruleset_version": data.get("version"), **raw}
                if "appeal" in raw:
                    raw["appeal"] = setting_refs.appeal_window(raw["appeal"], settings, ("rules", i, "appeal"))
                raw = setting_refs.rule_values(raw, settings, ("rules", i))
            rules.append(raw)
        data = {**data, "rules": rules}
        if isinstance(data.get("customer_rules"), dict):
            data["customer_rules"] = setting_refs.customer_rules(data["customer_rules"], settings)
        for section in ("service_quality", "review_deadlines"):
            if section in data:
                data[section] = setting_refs.section_values(data[section], settings, section)
        return data

    @model_validator(mode="after")
    def _cross_rule_checks(self) -> Pack:
        titles = {d.title for d in self.source_documents}
        seen: dict[str, int] = {}
        defaults: dict[str, str] = {}
        for i, rule in enumerate(self.rules):
            if rule.platform != self.platform or rule.ruleset_version != self.version:
                raise PathError(("rules", i), "a rule's platform/ruleset_version must match the pack header")
            if rule.code in seen:
                raise PathError(
                    ("rules", i, "code"), f"duplicate rule code {rule.code!r} (also rules.{seen[rule.code]})"
                )
            seen[rule.code] = i
            if rule.source.document not in titles:
                raise PathError(
                    ("rules", i, "source", "document"),
                    f"source document {rule.source.document!r} is not listed in source_documents",
                )
            if rule.default_for_category:
                if rule.category in defaults:
                    raise PathError(
                        ("rules", i, "default_for_category"),
                        f"{rule.code} and {defaults[rule.category]} are both default_for_category "
                        f"for {rule.category!r}; exactly one may be",
                    )
                defaults[rule.category] = rule.code
            for switch, names in DETECTOR_SETTINGS.items():
                missing = [n for n in names if n not in self.operator_settings]
                if rule.detector.get(switch) and missing:
                    raise PathError(("rules", i, "detector", switch),
                                    f"{switch} needs the operator settings {', '.join(missing)}")
        if self.linked_accounts and self.linked_accounts.source.document not in titles:
            raise PathError(("linked_accounts", "source", "document"),
                            f"source document {self.linked_accounts.source.document!r} is not listed in "
                            "source_documents")
        for i, customer_rule in enumerate(self.customer_rules.rules if self.customer_rules else ()):
            if not customer_rule.code.startswith(f"{self.platform}."):
                raise PathError(("customer_rules", "rules", i, "code"),
                                f"code {customer_rule.code!r} must start with '{self.platform}.'")
        missing = [n for n in EXAM_WINDOW_SETTINGS if n not in self.operator_settings]
        examined = [i for i, rule in enumerate(self.rules) if rule.exam_learning]
        if examined and missing:  # seed 004 四: every exam entrance has its opening time
            raise PathError(("rules", examined[0], "exam_learning"),
                            f"exam-learning needs the operator settings {', '.join(missing)} (the entrance's window)")
        taken = dict(defaults)
        for i, rule in enumerate(self.rules):
            for k, key in enumerate(rule.detects):
                if key in taken or key in self.detection.not_policed:
                    other = taken.get(key, "detection.not_policed")
                    raise PathError(("rules", i, "detects", k),
                                    f"{key!r} is taken by {rule.code} and by {other}; exactly one may take it")
                taken[key] = rule.code
        for key in self.detection.not_policed:
            if key in taken:
                raise PathError(("detection", "not_policed", key),
                                f"{key!r} is listed as not policed but {taken[key]} takes it")
        codes = set(seen) | {r.code for r in (self.customer_rules.rules if self.customer_rules else ())}
        for i, code in enumerate(self.review_deadlines.urgent_rules if self.review_deadlines else ()):
            if code not in codes:
                raise PathError(("review_deadlines", "urgent_rules", i), f"no rule {code!r} in this pack")
        for i, rule in enumerate(self.rules):
            if rule.category not in defaults:
                raise PathError(
                    ("rules", i, "category"),
                    f"no rule of category {rule.category!r} has default_for_category: true; exactly one must",
                )
        return self
