"""Review and automatic thresholds: automatic measures only when the detector is sure, once per case."""

from __future__ import annotations

import copy
import dataclasses

import pytest

from backoffice.cases.models import Case, Flag
from backoffice.cases.serialize import case_json
from backoffice.extensions import db
from backoffice.ingest import operations
from backoffice.ledger.models import EntryKind, LedgerEntry
from backoffice.policy import EXTENSION_KEY, RuleBook
from backoffice.policy.schema import CategoryThresholds, Detection
from tests.concurrency import run_concurrently
from tests.ingest.conftest import ACTOR, all_of, at, conv, msg, report

BOTH = [EntryKind.risk_notice, EntryKind.search_demotion]

FEATURES = ("pinyin:weixin", "加我", "rule:offsite_contact:phone")


@pytest.fixture
def scored(monkeypatch):
    """Give every detector flag a combined score from the learned stage (as the combiner will)."""
    state: dict = {"score": None}
    real = operations.scan_conversation

    def scan(*args, **kwargs):
        if state["score"] is None:  # the rules alone: no model scored the flags
            return [dataclasses.replace(f, score=None, model_version=None, features=())
                    for f in real(*args, **kwargs)]
        return [dataclasses.replace(f, score=state["score"], model_version="lr-2026.12", view="pinyin",
                                    features=FEATURES) for f in real(*args, **kwargs)]

    monkeypatch.setattr(operations, "scan_conversation", scan)

    def set_score(score: float | None) -> None:
        state["score"] = score

    return set_score


def _automatic(merchant_id: int) -> list[LedgerEntry]:
    return [e for e in all_of(LedgerEntry, merchant_id=merchant_id) if e.case_id is not None]


def test_a_flag_below_the_automatic_threshold_opens_a_case_without_measures(put, chat, make_merchant, scored):
    merchant = make_merchant("m-1")
    scored(0.7)
    result = put(chat)
    (case,) = all_of(Case)
    assert result.cases_opened == [case.id]
    assert _automatic(merchant.id) == []


def test_a_sure_flag_demotes_and_notifies(put, chat, make_merchant, scored):
    merchant = make_merchant("m-1")
    scored(0.98)
    put(chat)
    (case,) = all_of(Case)
    assert sorted(e.kind for e in _automatic(merchant.id)) == BOTH
    assert {e.case_id for e in _automatic(merchant.id)} == {case.id}


def test_without_a_model_score_the_detector_confidence_decides(put, chat, make_merchant, scored):
    merchant = make_merchant("m-1")
    scored(None)  # the phone detector's own confidence, 0.95: below the packs' automatic 0.97
    put(chat)
    (case,) = all_of(Case)
    assert _automatic(merchant.id) == []


def test_the_new_fields_are_stored_and_served(put, chat, scored):
    scored(0.93)
    put(chat)
    (flag,) = all_of(Flag)
    assert (flag.view, flag.score, flag.model_version, flag.features) == (
        "pinyin", 0.93, "lr-2026.12", list(FEATURES))
    assert flag.confidence == 0.95
    (served,) = case_json(flag.case, full=True)["flags"]
    assert (served["view"], served["score"], served["model_version"], served["features"]) == (
        "pinyin", 0.93, "lr-2026.12", list(FEATURES))


def test_a_case_takes_the_measures_when_a_sure_flag_arrives_later_and_only_once(put, chat, day, make_merchant,
                                                                                scored):
    merchant = make_merchant("m-1")
    scored(0.7)
    put(chat)
    assert _automatic(merchant.id) == []
    later = copy.deepcopy(chat)
    later["messages"].append(msg("4", "merchant", at(day, 10, 5), "打我手机13712345678也可以"))
    scored(0.98)
    result = put(later, now=at(day, 13))
    (case,) = all_of(Case)
    assert result.cases_updated == [case.id]
    entries = _automatic(merchant.id)
    assert sorted(e.kind for e in entries) == BOTH
    demotion = next(e for e in entries if e.kind is EntryKind.search_demotion)
    assert demotion.effective_at == at(day, 13)  # from when the sure flag came in
    again = copy.deepcopy(later)
    again["messages"].append(msg("5", "merchant", at(day, 10, 6), "或者13612345678"))
    put(again, now=at(day, 14))
    assert len(_automatic(merchant.id)) == 2
    assert all_of(Case)[0].flag_count == len(all_of(Flag)) >= 3


def test_a_flag_below_the_review_threshold_opens_nothing(put, chat, make_merchant, scored):
    make_merchant("m-1")
    scored(0.3)
    result = put(chat)
    assert (result.flags, all_of(Flag), all_of(Case)) == (0, [], [])


def test_customer_reports_alone_take_no_measure(put, day, make_merchant):
    merchant = make_merchant("m-1")
    put(conv("c-1", msg("1", "merchant", at(day, 10), "您好，在的"),
             reports=[report("offsite_contact", at(day, 11))]))
    (case,) = all_of(Case)
    assert (case.rule_code, case.has_report, case.has_detector) == ("zbj.offsite_contact", True, False)
    assert _automatic(merchant.id) == []


def test_per_category_thresholds_come_from_the_pack(app, put, chat, make_merchant, scored):
    book: RuleBook = app.extensions[EXTENSION_KEY]
    zbj = book.packs["zbj"]
    lenient = Detection(categories={"offsite_contact": CategoryThresholds(automatic=0.6)})
    packs = {**book.packs, "zbj": zbj.model_copy(update={"detection": lenient})}
    app.extensions[EXTENSION_KEY] = RuleBook(packs, book.files)
    try:
        merchant = make_merchant("m-1")
        scored(0.7)
        put(chat)
        assert len(_automatic(merchant.id)) == 2
    finally:
        app.extensions[EXTENSION_KEY] = book


@pytest.mark.postgres_only  # SQLite serialises its writers; PostgreSQL lets two ingests race
def test_two_sure_ingests_of_one_case_take_the_measures_once(app, put, chat, day, make_merchant, scored):
    merchant = make_merchant("m-1")
    scored(0.7)
    put(chat)  # the case is open, without measures
    scored(0.98)
    payloads = []
    for n in range(4):
        more = copy.deepcopy(chat)
        more["messages"].append(msg(f"x{n}", "merchant", at(day, 10, 10 + n), f"加我手机1371234567{n}"))
        payloads.append(more)
    from backoffice.ingest.operations import ingest

    def work(payload: dict) -> None:
        ingest(ACTOR, copy.deepcopy(payload), now=at(day, 13))
        db.session.commit()

    run_concurrently(app, work, payloads)
    db.session.expire_all()
    (case,) = all_of(Case)
    assert case.flag_count == 1 + len(payloads)
    assert sorted(e.kind for e in _automatic(merchant.id)) == BOTH
