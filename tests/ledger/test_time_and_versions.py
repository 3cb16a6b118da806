"""Expiry in the platform time zone, automatic measures, and decisions frozen with their rule-set version."""

from __future__ import annotations

import shutil
from datetime import datetime, time, timedelta
from pathlib import Path

from backoffice.db import utcnow
from backoffice.extensions import db
from backoffice.ledger.models import EntryKind
from backoffice.ledger.operations import entries_of
from backoffice.ledger.verify import verify_all
from backoffice.penalties import automatic
from backoffice.penalties import operations as penalties
from backoffice.penalties.models import PenaltyDecision
from backoffice.policy import EXTENSION_KEY, MeasurePlan, load_rulebook

from .conftest import ACTOR, D, decision_entries, one


def test_restriction_decided_late_evening_ends_seven_platform_days_later(make_merchant, impose, standing, tz):
    merchant = make_merchant()
    decided = datetime(2026, 3, 1, 23, 30, tzinfo=tz)  # 15:30 UTC
    decision = impose(merchant, "zbj.illegal_service", at=decided)
    entries = decision_entries(decision)
    restriction = one(entries, EntryKind.business_restriction)
    assert restriction.ends_at == datetime(2026, 3, 8, 23, 30, tzinfo=tz)
    assert restriction.ends_at.astimezone(tz).date().isoformat() == "2026-03-08"
    # A decision dated in the past is computed against the deposit it is taken from.
    deduction = one(entries, EntryKind.deposit_deduction)
    assert (deduction.deposit_delta, deduction.shortfall) == (D(-500), 0)
    now = standing(merchant)
    assert (now.status, now.restricted_until, now.deposit_balance, now.integrity_points) == (
        "active",
        None,
        D(9500),
        80,
    )
    assert verify_all()[1] == []


def test_restriction_at_23_30_lifts_itself_at_23_30(make_merchant, impose, standing, tz, t0):
    merchant = make_merchant()
    decided = datetime.combine(t0.date(), time(23, 30), tzinfo=tz)
    impose(merchant, "zbj.illegal_service", at=decided)
    end = datetime.combine(t0.date() + timedelta(days=7), time(23, 30), tzinfo=tz)
    during = standing(merchant, end - timedelta(microseconds=1))
    assert (during.status, during.restricted_until) == ("restricted", end)
    after = standing(merchant, end)
    assert (after.status, after.restricted_until) == ("active", None)


def test_mute_ends_after_ten_minutes(make_merchant, impose, standing, t0):
    merchant = make_merchant(platform="pdd")
    impose(merchant, "pdd.uncivil_language", at=t0)
    assert standing(merchant, t0 + timedelta(minutes=9, seconds=59)).muted_until == t0 + timedelta(minutes=10)
    after = standing(merchant, t0 + timedelta(minutes=10))
    assert (after.status, after.muted_until) == ("active", None)


def test_permanent_mute_does_not_end(make_merchant, impose, standing, t0):
    merchant = make_merchant(platform="community")
    impose(merchant, "community.unfriendly", "especially_serious", at=t0)
    assert standing(merchant, t0 + timedelta(days=3650)).mute_permanent is True


def test_overlapping_windows_end_at_the_latest(make_merchant, impose, standing, t0):
    merchant = make_merchant()
    impose(merchant, "zbj.offsite_contact", at=t0)  # 15 days
    impose(merchant, "zbj.illegal_service", at=t0 + timedelta(days=1))  # 7 days
    assert standing(merchant, t0 + timedelta(days=2)).restricted_until == t0 + timedelta(days=15)
    assert standing(merchant, t0 + timedelta(days=10)).status == "restricted"
    assert standing(merchant, t0 + timedelta(days=15)).status == "active"


def test_automatic_measures_on_a_flag_and_lifting_them(make_merchant, standing, tz, t0):
    merchant = make_merchant()
    flagged = t0 + timedelta(hours=3)  # 13:00 platform time
    written = automatic.apply_automatic(ACTOR, merchant, "zbj.offsite_contact", flagged, "sensitive word")
    db.session.commit()
    assert [e.kind for e in written] == [EntryKind.search_demotion, EntryKind.risk_notice]
    demotion, notice = written
    assert all(e.is_provisional and e.decision_id is None for e in written)
    assert (demotion.effective_at, demotion.ends_at) == (flagged, None)
    assert notice.effective_at == datetime.combine(t0.date() + timedelta(days=1), time(0), tzinfo=tz)
    s = standing(merchant, flagged)
    assert (s.search_demoted, s.status, s.integrity_points, s.deposit_balance) == (
        True,
        "active",
        100,
        D(10000),
    )
    assert standing(merchant, flagged - timedelta(seconds=1)).search_demoted is False
    assert standing(merchant, flagged + timedelta(days=90)).search_demoted is True

    cleared = flagged + timedelta(hours=5)
    lifted = automatic.lift_provisional(ACTOR, merchant, [demotion.id], "no violation", at=cleared)
    db.session.commit()
    assert [(e.kind, e.reverses_id, e.ends_at) for e in lifted] == [
        (EntryKind.search_demotion, demotion.id, cleared)
    ]
    assert standing(merchant, cleared - timedelta(seconds=1)).search_demoted is True
    assert standing(merchant, cleared).search_demoted is False
    assert automatic.lift_provisional(ACTOR, merchant, [demotion.id], "again", at=cleared) == []
    assert verify_all()[1] == []


def test_rules_without_automatic_measures_write_nothing(make_merchant, t0):
    assert automatic.apply_automatic(ACTOR, make_merchant(), "zbj.ads_spam", t0, "flag") == []


def test_decision_stores_version_and_plan_that_round_trip(make_merchant, impose, t0):
    merchant = make_merchant()
    decision = impose(merchant, "zbj.offsite_contact", at=t0)
    decision_id, plan = decision.id, decision.plan
    db.session.expunge_all()
    stored = db.session.get(PenaltyDecision, decision_id)
    assert stored.ruleset_version == "zbj-2024.2"
    assert stored.plan == plan
    assert stored.plan["ruleset_version"] == "zbj-2024.2"
    again = MeasurePlan.from_dict(stored.plan)
    assert again.to_dict() == stored.plan
    assert [m.type for m in again.measures] == [
        "integrity_points",
        "business_restriction",
        "deposit_deduction",
        "search_demotion",
    ]
    assert again.measures[2].applied == D(5000)
    assert again.measures[1].ends_at == t0 + timedelta(days=15)
    assert again.decided_at == t0


def test_changing_a_rule_file_never_changes_past_decisions(
    app, make_merchant, impose, standing, tmp_path, t0
):
    merchant = make_merchant()
    decision = impose(merchant, "zbj.offsite_contact", at=t0)
    frozen = dict(decision.plan)
    rules = tmp_path / "rules"
    shutil.copytree(Path(app.config["RULES_DIR"]), rules)
    pack = rules / "packs" / "zbj.yaml"
    text = pack.read_text(encoding="utf-8")
    pack.write_text(
        text.replace("version: zbj-2024.2", "version: zbj-2099.1").replace(
            "{type: integrity_points, points: -40}", "{type: integrity_points, points: -30}"
        ),
        encoding="utf-8",
    )
    app.extensions[EXTENSION_KEY] = load_rulebook(rules)

    db.session.expire_all()
    assert decision.plan == frozen
    assert decision.ruleset_version == "zbj-2024.2"
    fresh = penalties.preview(make_merchant(), "zbj.offsite_contact", "general", {}, at=t0)
    assert fresh.ruleset_version == "zbj-2099.1"
    assert fresh.measures[0].integrity_points == -30
    # Reversal works from the ledger, not from the changed rule: exactly the 40 points come back.
    penalties.overturn(ACTOR, decision, "appeal", at=t0 + timedelta(hours=1))
    db.session.commit()
    assert standing(merchant, t0 + timedelta(hours=1)).integrity_points == 100
    assert [e.integrity_delta for e in entries_of(merchant.id) if e.kind is EntryKind.integrity_points] == [
        -40,
        40,
    ]


def test_preview_writes_nothing(make_merchant, count_rows, t0):
    from backoffice.ledger.models import LedgerEntry

    merchant = make_merchant()
    before = count_rows(LedgerEntry)
    plan = penalties.preview(merchant, "zbj.offsite_contact", "general", {}, at=t0)
    assert plan.deposit_applied == D(5000)
    assert plan.offence_no == 1
    assert count_rows(LedgerEntry) == before
    assert count_rows(PenaltyDecision) == 0
    assert utcnow() < t0
