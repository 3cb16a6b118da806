"""Cases: flags on one merchant's conversation under one rule, waiting for a person's judgment; a reviewer's
decision on a case, its approval, and internal notes."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.accounts.models import User
from backoffice.conversations.models import Conversation, Message
from backoffice.customers.models import Customer
from backoffice.db import UTCDateTime, db, enum_type, utcnow
from backoffice.merchants.models import Merchant, Platform


class CaseStatus(enum.StrEnum):
    open = "open"
    in_review = "in_review"
    on_hold = "on_hold"
    escalated = "escalated"
    awaiting_approval = "awaiting_approval"
    decided = "decided"
    dismissed = "dismissed"


OPEN_STATUSES = frozenset({CaseStatus.open, CaseStatus.in_review, CaseStatus.on_hold, CaseStatus.escalated,
                           CaseStatus.awaiting_approval})


class CaseKind(enum.StrEnum):
    violation = "violation"  # a possible violation by the merchant
    fraud_report = "fraud_report"  # the merchant reports a customer for fraud (ZBJ 举报诈骗)
    customer_fraud = "customer_fraud"  # the customer's own messages match a fraud pattern of the pack


#: Kinds whose subject is the conversation's customer, never the merchant.
CUSTOMER_KINDS = frozenset({CaseKind.fraud_report, CaseKind.customer_fraud})


class FlagSource(enum.StrEnum):
    detector = "detector"
    report = "report"
    sweep = "sweep"
    merchant_report = "merchant_report"


class FlagStatus(enum.StrEnum):
    open = "open"
    confirmed = "confirmed"
    dismissed = "dismissed"
    inconclusive = "inconclusive"  # insufficient evidence: counts neither way for precision


class Case(db.Model):
    __tablename__ = "cases"
    __table_args__ = (
        sa.Index("ix_cases_queue", "status", "priority", "opened_at"),
        sa.Index("ix_cases_grouping", "conversation_id", "rule_code", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[Platform] = mapped_column(enum_type(Platform, 16))
    merchant_id: Mapped[int] = mapped_column(sa.ForeignKey("merchants.id"), index=True)
    conversation_id: Mapped[int] = mapped_column(sa.ForeignKey("conversations.id"))
    # None when a customer report names no category the platform's rules cover.
    rule_code: Mapped[str | None] = mapped_column(sa.String(64))
    category: Mapped[str | None] = mapped_column(sa.String(32))
    kind: Mapped[CaseKind] = mapped_column(enum_type(CaseKind, 16), default=CaseKind.violation,
                                           server_default=CaseKind.violation.value)
    status: Mapped[CaseStatus] = mapped_column(enum_type(CaseStatus), default=CaseStatus.open)
    priority: Mapped[int] = mapped_column(default=0)
    max_confidence: Mapped[float] = mapped_column(default=0.0)
    flag_count: Mapped[int] = mapped_column(default=0)
    report_count: Mapped[int] = mapped_column(default=0)
    has_detector: Mapped[bool] = mapped_column(default=False)
    has_report: Mapped[bool] = mapped_column(default=False)
    prior_offences: Mapped[int] = mapped_column(default=0)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_flag_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sla_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # What the deadline was computed from ({"hours", "clock", "tier"}: cases/sla.py), for pages to say.
    sla_basis: Mapped[dict | None] = mapped_column(sa.JSON)
    claimed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    claim_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    # Why a case closed without a decision of its own ("merchant_removed": cases/removal.py); None otherwise.
    close_reason: Mapped[str | None] = mapped_column(sa.String(32))
    # Set when a reviewer escalates the case: from then on only senior reviewers and managers take
    # it, and releasing it sends it back to the escalated queue rather than the ordinary one.
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Bumped on every change; a form carries it back so stale decisions are refused.
    version: Mapped[int] = mapped_column(default=1)
    # The subject when it is the customer (kinds in CUSTOMER_KINDS); None: the merchant is the subject.
    customer_id: Mapped[int | None] = mapped_column(sa.ForeignKey("customers.id"), index=True)

    merchant: Mapped[Merchant] = relationship()
    customer: Mapped[Customer | None] = relationship()
    conversation: Mapped[Conversation] = relationship()
    claimed_by: Mapped[User | None] = relationship()
    flags: Mapped[list[Flag]] = relationship(back_populates="case", order_by="Flag.id")

    __mapper_args__ = {"version_id_col": version}

    @property
    def about_customer(self) -> bool:
        """Whether the case judges the customer (who may be warned, restricted or banned), not the merchant."""
        return self.kind in CUSTOMER_KINDS


_BACKLOG_SQL = "status IN ('open', 'in_review', 'on_hold', 'escalated', 'awaiting_approval')"
# The open backlog in queue order (priority desc, oldest first, id): the queue page, its counts (index-only
# thanks to the included columns) and claim-next read only this. Declared after the class because of the
# descending column; migration 3b7c1d9e4a20, measured in bench/review_bench.py.
sa.Index("ix_cases_backlog", Case.priority.desc(), Case.opened_at, Case.id,
         postgresql_include=["status", "platform", "category"],
         postgresql_where=sa.text(_BACKLOG_SQL), sqlite_where=sa.text(_BACKLOG_SQL))
# Claim-next: unclaimed cases in queue order, so that a claim never walks past the cases other
# reviewers hold; and the claims themselves by expiry, so that a lapsed lease is found at once.
_OPEN_SQL, _CLAIMED_SQL = "status = 'open'", "status = 'in_review'"
sa.Index("ix_cases_unclaimed", Case.priority.desc(), Case.opened_at, Case.id,
         postgresql_where=sa.text(_OPEN_SQL), sqlite_where=sa.text(_OPEN_SQL))
sa.Index("ix_cases_leases", Case.claim_expires_at, Case.id,
         postgresql_where=sa.text(_CLAIMED_SQL), sqlite_where=sa.text(_CLAIMED_SQL))


class Flag(db.Model):
    """One detector hit, customer report or sweep finding."""

    __tablename__ = "flags"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(sa.ForeignKey("cases.id"), index=True)
    conversation_id: Mapped[int] = mapped_column(sa.ForeignKey("conversations.id"), index=True)
    message_id: Mapped[int | None] = mapped_column(sa.ForeignKey("messages.id"), index=True)
    source: Mapped[FlagSource] = mapped_column(enum_type(FlagSource, 16))
    rule_code: Mapped[str | None] = mapped_column(sa.String(64), index=True)
    category: Mapped[str | None] = mapped_column(sa.String(32))
    detector: Mapped[str] = mapped_column(sa.String(32))
    term: Mapped[str | None] = mapped_column(sa.String(64))
    # Offsets into the original message text (or attachment text when ``where`` says so).
    start: Mapped[int | None]
    end: Mapped[int | None]
    matched: Mapped[str] = mapped_column(sa.String(500), default="")
    where: Mapped[str] = mapped_column(sa.String(16), default="text")
    attachment_index: Mapped[int | None]
    confidence: Mapped[float] = mapped_column(default=1.0)
    # The detector's view of the text the hit was found in ("folded", "pinyin", "reversed", ...; "model"
    # when the learned stage raised the flag alone), the combined score of rules and model for the
    # category (None: rules only, ``confidence`` stands), and the model's strongest features.
    view: Mapped[str] = mapped_column(sa.String(16), default="folded", server_default="folded")
    score: Mapped[float | None]
    model_version: Mapped[str | None] = mapped_column(sa.String(40))
    features: Mapped[list] = mapped_column(sa.JSON, default=list, server_default="[]")
    # A conversation-level finding's evidence (``where`` = "conduct"): the other messages and the numbers
    # behind it, put in words by backoffice.cases.explain.
    evidence: Mapped[dict | None] = mapped_column(sa.JSON)
    status: Mapped[FlagStatus] = mapped_column(enum_type(FlagStatus, 16), default=FlagStatus.open)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # When a reviewer's decision (or an appeal that overturned it) last set ``status``: the feedback export.
    judged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def effective_score(self) -> float:
        """The number thresholds compare: the combined score when there is one, else the confidence."""
        return self.score if self.score is not None else self.confidence

    case: Mapped[Case | None] = relationship(back_populates="flags")
    message: Mapped[Message | None] = relationship()


class Report(db.Model):
    """A customer's report about a conversation."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(sa.ForeignKey("conversations.id"), index=True)
    reporter_role: Mapped[str] = mapped_column(sa.String(16))
    reason: Mapped[str] = mapped_column(sa.String(32))
    text: Mapped[str] = mapped_column(sa.Text, default="")
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Identifies the report for idempotent re-sending of the same conversation.
    fingerprint: Mapped[str] = mapped_column(sa.String(64))
    flag_id: Mapped[int | None] = mapped_column(sa.ForeignKey("flags.id"))

    __table_args__ = (sa.UniqueConstraint("conversation_id", "fingerprint"),)



class Verdict(enum.StrEnum):
    violation = "violation"
    no_violation = "no_violation"
    insufficient_evidence = "insufficient_evidence"


class DecisionStatus(enum.StrEnum):
    pending_approval = "pending_approval"
    applied = "applied"
    refused = "refused"
    withdrawn = "withdrawn"  # undone by its reviewer within the undo window
    joined = "joined"  # judged by another case's decision, as one course of conduct (joined_to_id)


class CaseDecision(db.Model):
    __tablename__ = "case_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id"), index=True)
    verdict: Mapped[Verdict] = mapped_column(enum_type(Verdict))
    rule_code: Mapped[str | None] = mapped_column(sa.String(64))
    severity: Mapped[str | None] = mapped_column(sa.String(32))
    rationale: Mapped[str] = mapped_column(sa.Text)
    params: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    # Measure types the reviewer left out of the computed plan (a deviation), with the reason.
    dropped: Mapped[list] = mapped_column(sa.JSON, default=list)
    deviation_reason: Mapped[str] = mapped_column(sa.Text, default="")
    # The plan as previewed when the reviewer decided (MeasurePlan.to_dict()).
    preview: Mapped[dict | None] = mapped_column(sa.JSON)
    approval_reasons: Mapped[list] = mapped_column(sa.JSON, default=list)
    status: Mapped[DecisionStatus] = mapped_column(enum_type(DecisionStatus))
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    approved_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    approval_note: Mapped[str] = mapped_column(sa.Text, default="")
    penalty_decision_id: Mapped[int | None] = mapped_column(sa.ForeignKey("penalty_decisions.id"))
    # Messages the reviewer relies on besides the flagged ones (a report names no message): the
    # ruling quotes them. None on decisions from before this existed.
    quoted_message_ids: Mapped[list | None] = mapped_column(sa.JSON)
    # Decided together with another case as one course of conduct (cases/conduct.py): the decision that
    # judges them all (one offence, its ruling quotes every case's messages). Its status is ``joined``.
    joined_to_id: Mapped[int | None] = mapped_column(sa.ForeignKey("case_decisions.id"), index=True)

    case: Mapped[Case] = relationship()
    joined_to: Mapped[CaseDecision | None] = relationship(remote_side=[id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])
    approved_by: Mapped[User | None] = relationship(foreign_keys=[approved_by_id])


class CaseNote(db.Model):
    __tablename__ = "case_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id"), index=True)
    author_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    author: Mapped[User] = relationship()
