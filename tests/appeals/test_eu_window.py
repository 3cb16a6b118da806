"""Merchants in the EU can appeal for at least six calendar months (DSA Art. 20(1)), frozen into the
ruling when it is made; everyone else keeps the rule's own window."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from backoffice.audit.models import AuditEvent
from backoffice.extensions import db
from backoffice.rulings.context import ruling_facts
from backoffice.rulings.document import document_context
from backoffice.rulings.facts import appeal_deadline
from backoffice.rulings.queries import get_ruling


def _shanghai(y, m, d, hh=12, mm=0):
    return datetime(y, m, d, hh, mm, tzinfo=ZoneInfo("Asia/Shanghai")).astimezone(UTC)


def _end_of(y, m, d):
    """The end of a Shanghai day (its next 00:00) in UTC."""
    return datetime(y, m, d, 16, 0, tzinfo=UTC)


# (merchant in the EU, decided at (Shanghai), deadline: end of this Shanghai day). ZBJ grants 7 days.
CASES = [
    (False, (2026, 3, 10, 23, 59), (2026, 3, 17)),
    (True, (2026, 3, 10, 23, 59), (2026, 9, 10)),
    (True, (2026, 3, 10, 0, 1), (2026, 9, 10)),
    (True, (2026, 8, 31, 12, 0), (2027, 2, 28)),   # no 31 February: the month's last day
    (True, (2027, 8, 31, 12, 0), (2028, 2, 29)),   # leap year
    (True, (2026, 12, 31, 9, 0), (2027, 6, 30)),
    (False, (2026, 12, 31, 9, 0), (2027, 1, 7)),
]


@pytest.mark.parametrize(("in_eu", "decided", "last_day"), CASES)
def test_the_appeal_deadline_is_the_rules_window_or_six_months_in_the_eu(make_merchant, ruling_for, in_eu,
                                                                         decided, last_day):
    merchant = make_merchant()
    merchant.in_eu = in_eu
    db.session.commit()
    ruling = ruling_for(merchant)
    ruling.decided_at = _shanghai(*decided)
    assert appeal_deadline(ruling) == _end_of(*last_day)


def test_a_rule_window_longer_than_six_months_still_wins(make_merchant, ruling_for):
    merchant = make_merchant()
    merchant.in_eu = True
    db.session.commit()
    ruling = ruling_for(merchant)
    ruling.decided_at = _shanghai(2026, 3, 10)
    preview = dict(ruling.preview)
    preview["cited"] = {**preview["cited"], "appeal_days": 400}
    ruling.preview = preview
    assert appeal_deadline(ruling) == _end_of(2027, 4, 14)


def test_the_window_is_the_one_the_ruling_was_issued_with(make_merchant, ruling_for):
    merchant = make_merchant()
    before = ruling_for(merchant)
    before.decided_at = _shanghai(2026, 3, 10)
    merchant.in_eu = True
    db.session.commit()
    assert appeal_deadline(before) == _end_of(2026, 3, 17)  # decided before the merchant was marked


def test_the_ruling_states_the_eu_window_and_other_rulings_keep_their_facts(make_merchant, ruling_for):
    eu, other = make_merchant(), make_merchant()
    eu.in_eu = True
    db.session.commit()
    eu_facts = ruling_facts(get_ruling(ruling_for(eu).id))
    other_facts = ruling_facts(get_ruling(ruling_for(other).id))
    assert eu_facts["appeal"]["min_months"] == 6
    assert "min_months" not in other_facts["appeal"]  # the content hash of existing rulings is unchanged
    notes = document_context(eu_facts, "both", "0" * 64)["L"]["deadline_note"]
    assert "at least 6 months" in notes["en"]
    assert "Art. 20(1)" in notes["en"]
    assert "7 days" in notes["en"]
    assert "至少 6 个月" in notes["zh"]
    assert "7 天" in notes["zh"]
    plain = document_context(other_facts, "en", "0" * 64)["L"]["deadline_note"]["en"]
    assert plain == "7 days, counted in platform days from the ruling"


def test_the_api_sets_in_eu_validates_it_and_audits_the_change(client, bearer, make_user):
    make_user("admin", login="root")
    admin = bearer("root", "ingest", "read")
    body = {"platform": "zbj", "name": "Berlin Design GmbH", "deposit": "10000.00"}
    created = client.put("/api/v1/merchants/eu-1", json=body, headers=admin)
    assert (created.status_code, created.json["in_eu"]) == (201, False)
    bad = client.put("/api/v1/merchants/eu-1", json={**body, "in_eu": "yes"}, headers=admin)
    assert bad.status_code == 422
    assert "in_eu" in bad.json["error"]["message"]
    marked = client.put("/api/v1/merchants/eu-1", json={**body, "in_eu": True}, headers=admin)
    assert (marked.status_code, marked.json["in_eu"]) == (200, True)
    kept = client.put("/api/v1/merchants/eu-1", json=body, headers=admin)  # omitted: unchanged
    assert kept.json["in_eu"] is True
    events = db.session.scalars(sa.select(AuditEvent).filter_by(action="merchant.set_in_eu")).all()
    assert [(e.before, e.after) for e in events] == [({"in_eu": False}, {"in_eu": True})]
