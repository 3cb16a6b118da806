"""Helpers for the what-if tests: decisions in a past period, and changed packs made from the real ones."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from backoffice.audit.operations import Actor
from backoffice.extensions import db
from backoffice.penalties import operations as penalties

ACTOR = Actor(None, "cli")
PACKS = Path(__file__).resolve().parents[2] / "rules" / "packs"
#: The period the scenarios replay (platform dates) and moments inside and around it.
SINCE, UNTIL = date(2024, 3, 1), date(2024, 3, 31)
SHANGHAI = ZoneInfo("Asia/Shanghai")  # the platform time zone (TIMEZONE)


def at(month: int, day: int, hour: int = 10) -> datetime:
    """A moment in 2024, platform time."""
    return datetime(2024, month, day, hour, tzinfo=SHANGHAI)


def pack_text(platform: str = "zbj") -> str:
    return (PACKS / f"{platform}.yaml").read_text(encoding="utf-8")


def changed(text: str, old: str, new: str, *, after: str | None = None) -> str:
    """Replace the one ``old`` (the first one after ``after``, when given) by ``new``."""
    start = text.index(after) if after else 0
    head, tail = text[:start], text[start:]
    if after is None:
        assert text.count(old) == 1, f"{old!r} is not unique"
    assert old in tail, f"{old!r} not found"
    return head + tail.replace(old, new, 1)


def without_rule(text: str, code: str) -> str:
    """The pack without the rule ``code`` (its block up to the next rule, and its place among the urgent
    rules of review_deadlines, which must name rules of the pack)."""
    result, n = re.subn(rf"  - code: {re.escape(code)}\n.*?(?=  - code: |\Z)", "", text, flags=re.S)
    assert n == 1
    return re.sub(rf"(urgent_rules: \[.*?){re.escape(code)}(, )?", r"\1", result).replace(", ]", "]")


def bump(text: str, version: str) -> str:
    return re.sub(r"^version: .*$", f"version: {version}", text, count=1, flags=re.M)


@pytest.fixture
def impose(app):
    def do(merchant, code: str = "zbj.offsite_contact", when: datetime | None = None,
           severity: str = "general", params=None, drop=()):
        decision = penalties.impose(ACTOR, merchant, code, severity, params or {}, at=when, drop=drop)
        db.session.commit()
        return decision

    return do


@pytest.fixture
def overturn(app):
    def do(decision, when: datetime):
        penalties.overturn(ACTOR, decision, "appeal upheld", at=when)
        db.session.commit()

    return do


@pytest.fixture
def reduce(app):
    def do(decision, when: datetime, **change):
        successor = penalties.reduce(ACTOR, decision, reason="reduced on appeal", at=when, **change)
        db.session.commit()
        return successor

    return do


@pytest.fixture
def whatif(app):
    """Run the replay as the page and the command do."""
    from backoffice.whatif import runner

    def run(text: str, since: date = SINCE, until: date = UNTIL):
        return runner.run(text, since, until)

    return run
