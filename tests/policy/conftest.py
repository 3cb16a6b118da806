"""Pure policy fixtures: no app, no database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from backoffice.policy import PlannedMeasure, RuleBook, StandingSnapshot, load_rulebook

RULES_DIR = Path(__file__).resolve().parents[2] / "rules"
SHANGHAI = ZoneInfo("Asia/Shanghai")

#: A small valid pack; tests break it with str.replace and check the error.
SAMPLE_PACK = """\
platform: zbj
name: {zh: 测试, en: Test}
version: test-1
effective_from: 2024-01-01
source_documents:
  - title: 《测试规则》
operator_settings:
  appeal_window_days: {value: 7, unit: days, operator_setting: true, note: Assumed for tests.}
rules:
  - code: zbj.sample
    category: offsite_contact
    default_for_category: true
    title_zh: 样例
    title_en: Sample
    source:
      document: 《测试规则》
      clause: 第1条
      text: {zh: 样例条文, en: Sample clause}
    severities: [general]
    window_days: 30
    ladder:
      general:
        - measures:
            - {type: integrity_points, points: -40}
            - {type: business_restriction, days: 7}
        - measures:
            - {type: removal}
            - {type: deposit_deduction, whole: true}
    appeal: {setting: appeal_window_days}
    self_check: false
    exam_learning: false
"""


@pytest.fixture(scope="session")
def rulebook() -> RuleBook:
    return load_rulebook(RULES_DIR)


@pytest.fixture
def tz() -> ZoneInfo:
    return SHANGHAI


@pytest.fixture
def write_pack(tmp_path):
    """Write pack texts into tmp_path/packs and return the rules dir."""

    def write(text: str = SAMPLE_PACK, name: str = "sample.yaml") -> Path:
        packs = tmp_path / "packs"
        packs.mkdir(exist_ok=True)
        (packs / name).write_text(text, encoding="utf-8")
        return tmp_path

    return write


def shanghai(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=SHANGHAI)


def standing(deposit: str = "100000.00") -> StandingSnapshot:
    return StandingSnapshot(deposit_balance=Decimal(deposit))


def brief(m: PlannedMeasure) -> tuple:
    """Reduce a planned measure to the numbers a penalty table states."""
    if m.type == "integrity_points":
        return (m.type, m.integrity_points)
    if m.type == "violation_points":
        return (m.type, str(m.violation_points), m.track)
    if m.type == "deposit_deduction":
        return (m.type, "whole" if m.whole_deposit else str(m.requested), str(m.applied))
    if m.type == "consumer_compensation":
        return (m.type, str(m.amount))
    if m.permanent:
        return (m.type, "permanent")
    if m.minutes:
        return (m.type, f"{m.minutes}min")
    if m.days:
        return (m.type, f"{m.days}d")
    if m.until_lifted:
        return (m.type, "until lifted")
    return (m.type,)
