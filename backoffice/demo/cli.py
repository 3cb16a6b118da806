"""``flask demo load``: an idempotent demo data set."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import click
import sqlalchemy as sa
from flask.cli import AppGroup

from backoffice.accounts.models import Role, User
from backoffice.accounts.operations import create_user
from backoffice.audit.operations import Actor
from backoffice.cases import claims, decisions, saved
from backoffice.cases.models import Case, CaseDecision, Verdict
from backoffice.conversations.models import Conversation, Message
from backoffice.db import db, utcnow
from backoffice.demo import data
from backoffice.ingest.operations import ingest
from backoffice.merchants import operations as merchant_ops
from backoffice.merchants.models import Merchant, Platform
from backoffice.rationales.models import CannedReason
from backoffice.rationales.operations import save_reason

demo_cli = AppGroup("demo", help="Load the demo data set.")
CLI_ACTOR = Actor(None, "cli")


def load_demo() -> dict[str, int]:
    """Create whatever part of the demo data set is missing; return counts of what was added."""
    added = {"merchants": 0, "accounts": 0, "conversations": 0, "rulings": 0}
    merchants: dict[str, Merchant] = {}
    for external_id, platform, name, deposit in data.MERCHANTS:
        merchant, created = merchant_ops.upsert(CLI_ACTOR, external_id, Platform(platform), name, Decimal(deposit))
        added["merchants"] += created
        merchants[external_id] = merchant
    db.session.flush()
    for login, role, password, name, merchant_id in data.ACCOUNTS:
        if db.session.scalar(sa.select(User.id).filter_by(login=login)) is None:
            create_user(CLI_ACTOR, login=login, role=Role(role), password=password,
                        merchant=merchants.get(merchant_id), display_name=name)
            added["accounts"] += 1
    now = utcnow()
    for external_id, merchant_id, channel, customer, ago, messages in data.CONVERSATIONS:
        merchant = merchants[merchant_id]
        exists = db.session.scalar(
            sa.select(Conversation.id).filter_by(platform=merchant.platform, external_id=external_id)
        )
        if exists is not None:
            continue
        start = now - timedelta(minutes=ago)
        # Through the real ingestion path, so detection opens the cases a reviewer will see.
        ingest(CLI_ACTOR, {
            "platform": merchant.platform.value, "external_id": external_id, "channel": channel,
            "merchant": {"external_id": merchant.external_id, "name": merchant.name},
            "customer": {"external_id": customer[0], "name": customer[1]},
            "messages": [{
                "external_id": f"{external_id}-m{index}", "sender_role": sender,
                "sent_at": (start + timedelta(minutes=minute, seconds=index)).isoformat(), "text": text,
            } for index, (sender, minute, text) in enumerate(messages, start=1)],
            "reports": [{**report, "reported_at": (start + timedelta(minutes=messages[-1][1] + 2)).isoformat()}
                        for report in data.REPORTS.get(external_id, [])],
        }, now=start + timedelta(minutes=messages[-1][1] + 5))
        added["conversations"] += 1
    db.session.flush()
    added["rulings"] = _decide_demo_cases()
    _team_views()
    added["canned reasons"] = _canned_reasons()
    return added


def _canned_reasons() -> int:
    """The demo's canned reasons, each once (by rule and short name)."""
    added = 0
    for position, (rule, verdict, severity, title, body) in enumerate(data.CANNED_REASONS):
        if db.session.scalar(sa.select(CannedReason.id).filter_by(rule_code=rule, title=title)) is None:
            save_reason(CLI_ACTOR, None, {"rule_code": rule, "verdict": verdict, "severity": severity,
                                          "title": title, "body": body, "position": position})
            added += 1
    return added


def _team_views() -> None:
    """The senior reviewer's team queues (once: left alone when the team has any view)."""
    if db.session.scalar(sa.select(saved.SavedView.id).filter_by(is_team=True).limit(1)) is not None:
        return
    senior = db.session.scalar(sa.select(User).filter_by(role=Role.senior_reviewer).order_by(User.id))
    for name, filters in data.TEAM_VIEWS:
        saved.save_view(Actor(senior, "cli"), name, filters, team=True)


def _decide_demo_cases() -> int:
    """Decide the demo's chosen cases (once: a case that already has a decision is left alone)."""
    decided = 0
    for external_id, login, severity, rationale, quoted in data.DECISIONS:
        case = db.session.scalar(sa.select(Case).join(Conversation, Conversation.id == Case.conversation_id)
                                 .where(Conversation.external_id == external_id).order_by(Case.id))
        if case is None or db.session.scalar(sa.select(CaseDecision.id).filter_by(case_id=case.id)) is not None:
            continue
        reviewer = db.session.scalar(sa.select(User).filter_by(login=login))
        actor = Actor(reviewer, "cli")
        claims.claim(actor, case, reviewer)
        quoted_ids = tuple(db.session.scalars(sa.select(Message.id).where(
            Message.conversation_id == case.conversation_id, Message.external_id.in_(quoted))))
        decisions.decide(actor, case, decisions.DecisionInput(
            verdict=Verdict.violation, rationale=rationale, rule_code=case.rule_code, severity=severity,
            quoted=quoted_ids), expected_version=case.version)
        db.session.flush()
        decided += 1
    return decided


@demo_cli.command("load")
def load() -> None:
    """Load the demo merchants, conversations and accounts, then print the accounts."""
    added = load_demo()
    db.session.commit()
    click.echo("Added: " + ", ".join(f"{n} {what}" for what, n in added.items()))
    click.echo("Demo accounts (login / password / role):")
    for login, role, password, name, _ in data.ACCOUNTS:
        click.echo(f"  {login:<12} {password:<22} {role:<16} {name}")
