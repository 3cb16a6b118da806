"""What counts as a ruling, and finding one by id, number, case or merchant."""

from __future__ import annotations

import pytest
from werkzeug.exceptions import NotFound

from backoffice.cases.models import DecisionStatus, Verdict
from backoffice.extensions import db
from backoffice.rulings.facts import appealable, is_ruling, ruling_id_from_number, ruling_number
from backoffice.rulings.queries import case_ruling, get_ruling, ruling_by_number, ruling_of, rulings_of


def test_an_applied_violation_is_a_ruling_found_every_way(make_ruling):
    ruling = make_ruling()
    merchant_id = ruling.case.merchant_id
    assert is_ruling(ruling)
    assert appealable(ruling)
    assert get_ruling(ruling.id) is ruling
    assert case_ruling(ruling.case_id) is ruling
    assert ruling_of(merchant_id, ruling.id) is ruling
    assert rulings_of(merchant_id) == [ruling]
    number = ruling_number(ruling)
    assert ruling_id_from_number(number) == ruling.id
    assert ruling_by_number(f"  {number.lower()} ") is ruling


@pytest.mark.parametrize(("verdict", "status"), [
    (Verdict.violation, DecisionStatus.pending_approval),
    (Verdict.violation, DecisionStatus.refused),
    (Verdict.no_violation, DecisionStatus.applied),
    (Verdict.insufficient_evidence, DecisionStatus.applied),
])
def test_any_other_decision_is_no_ruling_and_is_found_nowhere(make_ruling, verdict, status):
    decision = make_ruling()
    number, merchant_id = ruling_number(decision), decision.case.merchant_id
    decision.verdict, decision.status = verdict, status
    db.session.commit()
    assert not is_ruling(decision)
    assert not appealable(decision)
    assert get_ruling(decision.id) is None
    assert case_ruling(decision.case_id) is None
    assert ruling_by_number(number) is None
    assert rulings_of(merchant_id) == []
    with pytest.raises(NotFound):
        ruling_of(merchant_id, decision.id)


def test_a_ruling_without_a_penalty_cannot_be_appealed(make_ruling):
    ruling = make_ruling()
    ruling.penalty_decision_id = None
    assert is_ruling(ruling)
    assert not appealable(ruling)


def test_another_merchants_ruling_and_a_wrong_number_are_not_found(make_ruling):
    mine, theirs = make_ruling("m-a"), make_ruling("m-b")
    with pytest.raises(NotFound):
        ruling_of(mine.case.merchant_id, theirs.id)
    platform, day, serial = ruling_number(mine).split("-")
    assert ruling_by_number(f"{platform}-{int(day) - 1}-{serial}") is None  # right id, wrong day
    assert ruling_id_from_number("ZBJ-2026-1") is None


def test_staff_lookup_forgives_how_a_number_was_typed(make_ruling):
    """Issue 22: ruling lookup tolerates case, missing zeros and the number without the platform prefix."""
    from backoffice.rulings.queries import find_ruling

    ruling = make_ruling()
    platform, day, serial = ruling_number(ruling).split("-")
    short = str(int(serial))
    for typed in (ruling_number(ruling), ruling_number(ruling).lower(), f"{platform}-{day}-{short}",
                  f"{day}-{serial}", f"{day}-{short}",
                  f" {platform.lower()} {day} {short} ", f"{platform}_{day}_{serial}"):
        assert find_ruling(typed) is ruling, typed
    other = "TB" if platform != "TB" else "PDD"
    for typed in (f"{other}-{day}-{serial}", f"{int(day) - 1}-{serial}", f"{day}-{int(serial) + 999}",
                  "42", "", "ZBJ--"):
        assert find_ruling(typed) is None, typed


def test_the_rulings_page_opens_a_ruling_typed_without_prefix_or_zeros(client, login, make_ruling, make_user):
    ruling = make_ruling()
    _, day, serial = ruling_number(ruling).split("-")
    make_user("manager")
    login("manager")
    resp = client.get(f"/rulings?number={day}-{int(serial)}")
    assert resp.status_code == 302
    assert resp.headers["Location"].endswith(f"/rulings/{ruling.id}")
