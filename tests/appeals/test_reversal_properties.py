"""Property: whatever the ruling and the outcome, the ledger ends exactly where the outcome says."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from backoffice.appeals import operations as appeals
from backoffice.appeals.models import AppealOutcome, AppealStatus
from backoffice.extensions import db
from backoffice.ledger.operations import standing_of
from backoffice.penalties import operations as penalties
from backoffice.penalties.models import DecisionState, PenaltyDecision
from backoffice.policy import MeasurePlan
from backoffice.policy.schema import SEVERITIES
from backoffice.timeutil import platform_tz
from tests.builders import CLI, web

from .conftest import decide_case, direct_case

RULES = {
    "zbj": [("zbj.offsite_contact", ("general", "serious")), ("zbj.ads_spam", ("general", "serious")),
            ("zbj.illegal_service", ("general", "serious"))],
    "taobao": [("taobao.malicious_harassment", ("general", "serious", "especially_serious")),
               ("taobao.ads_non_sale_listing", ("general",)), ("taobao.ads_repeated", ("serious",))],
}


def expected_after_reduction(before, plan: MeasurePlan) -> dict:
    """The standing ``before`` the ruling plus exactly the measures the successor keeps."""
    points = defaultdict(Decimal, before.violation_points_by_track)
    integrity, deposit = before.integrity_points, before.deposit_balance
    for m in plan.measures:
        if m.type == "integrity_points":
            integrity += m.integrity_points
        elif m.type == "violation_points":
            points[m.track] += m.violation_points
        elif m.type == "deposit_deduction":
            deposit -= m.applied
    return {"integrity_points": integrity, "deposit_balance": deposit,
            "violation_points_by_track": {k: v for k, v in points.items() if v},
            "removed": before.removed or any(m.type == "removal" for m in plan.measures)}


def core(s) -> dict:
    return {"integrity_points": s.integrity_points, "deposit_balance": s.deposit_balance,
            "violation_points_by_track": dict(s.violation_points_by_track), "removed": s.removed}


@settings(deadline=None, max_examples=20, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(platform=st.sampled_from(sorted(RULES)), rule=st.integers(0, 2), severity=st.integers(0, 2),
       prior=st.booleans(), how=st.sampled_from(["lower", "drop"]),
       outcome=st.sampled_from([AppealOutcome.reduced, AppealOutcome.overturned, AppealOutcome.upheld]),
       pick=st.integers(0, 5), deposit=st.sampled_from(["0.00", "3000.00", "10000.00", "250000.00"]))
def test_appeal_outcomes_reverse_exactly(make_merchant, staff, platform, rule, severity, prior, outcome, how,
                                         pick, deposit):
    merchant = make_merchant(platform=platform, deposit=deposit)  # a fresh merchant per example
    code, severities = RULES[platform][rule]
    severity = severities[severity % len(severities)]
    if prior:  # an earlier ruling on the same rule: the appealed one is a repeat offence
        decide_case(direct_case(merchant, code), staff.reviewer, severities[0], manager=staff.manager)
    at = datetime.now(UTC) + timedelta(hours=1)
    before = standing_of(merchant, platform_tz(), at)
    ruling = decide_case(direct_case(merchant, code), staff.reviewer, severity, manager=staff.manager)
    during = standing_of(merchant, platform_tz(), at)
    penalty = db.session.get(PenaltyDecision, ruling.penalty_decision_id)
    plan_before = dict(penalty.plan)

    appeal = appeals.start(CLI, ruling)
    appeals.save_statement(CLI, appeal, "申诉理由")
    appeals.submit(CLI, appeal)
    change = {}
    if outcome is AppealOutcome.reduced:
        lower = [s for s in SEVERITIES[:SEVERITIES.index(severity)] if s in severities]
        types = sorted({m["type"] for m in penalty.plan["measures"]})
        if how == "lower" and lower:
            change = {"severity": lower[pick % len(lower)]}
        elif types:
            change = {"drop": (types[pick % len(types)],)}
        else:
            outcome = AppealOutcome.upheld
    event(f"{outcome.value} {sorted(change)}")
    appeals.decide(web(staff.senior), appeal, outcome, "复核结论", **change)
    db.session.commit()

    after = standing_of(merchant, platform_tz(), at)
    db.session.refresh(penalty)
    assert appeal.status is AppealStatus.decided
    assert appeal.outcome is outcome
    assert penalty.plan == plan_before  # the original ruling is kept unchanged
    if outcome is AppealOutcome.upheld:
        assert after == during
        assert penalty.state is DecisionState.in_force
    elif outcome is AppealOutcome.overturned:
        assert after == before
        assert penalty.state is DecisionState.overturned
    else:
        successor = db.session.get(PenaltyDecision, appeal.successor_penalty_id)
        assert penalty.state is DecisionState.superseded
        assert successor.supersedes_id == penalty.id
        kept = MeasurePlan.from_dict(successor.plan)
        assert "drop" not in change or change["drop"][0] not in {m.type for m in kept.measures}
        assert core(after) == expected_after_reduction(before, kept)
        # Overturning what is left brings the merchant back to the very start.
        penalties.overturn(CLI, successor, "全部撤销")
        db.session.commit()
        assert standing_of(merchant, platform_tz(), at) == before
