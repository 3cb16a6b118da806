"""Service reviews and auto-replies in the ingest format (for the service-quality figures)."""

from __future__ import annotations

import copy

import pytest

from backoffice.conversations.models import Message, ReviewRating, ServiceReview
from backoffice.extensions import db
from backoffice.ingest.operations import ingest
from backoffice.ingest.validation import InvalidConversation
from tests.concurrency import run_concurrently
from tests.ingest.conftest import ACTOR, all_of, at, conv, msg


def _review(external_id: str, rating: str, when) -> dict:
    return {"external_id": external_id, "rating": rating, "reviewed_at": when.isoformat()}


def test_reviews_are_stored_once_and_auto_replies_marked(put, day):
    payload = conv("c-r", msg("1", "customer", at(day, 10), "在吗"),
                   msg("2", "merchant", at(day, 10, 0, 5), "您好，客服马上就来", automated=True),
                   msg("3", "merchant", at(day, 10, 2), "您好，请问有什么可以帮您"))
    payload["reviews"] = [_review("r-1", "good", at(day, 10, 5))]
    first = put(payload)
    assert first.new_reviews == 1
    assert [(m.external_id, m.is_automated) for m in all_of(Message)] == [("1", False), ("2", True), ("3", False)]
    again = copy.deepcopy(payload)
    again["reviews"].append(_review("r-2", "bad", at(day, 11)))
    assert put(again).new_reviews == 1
    assert sorted((r.external_id, r.rating) for r in all_of(ServiceReview)) == [
        ("r-1", ReviewRating.good), ("r-2", ReviewRating.bad)]


@pytest.mark.parametrize(("change", "problem"), [
    (lambda p: p["messages"][0].update(automated=True), "messages[0].automated"),
    (lambda p: p.update(reviews=[{"external_id": "r", "rating": "great", "reviewed_at": "2026-03-01T10:00:00+08:00"}]),
     "reviews[0].rating"),
    (lambda p: p.update(reviews=[{"external_id": "r", "rating": "good", "reviewed_at": "2026-03-01T10:00:00"}]),
     "reviews[0].reviewed_at"),
])
def test_bad_reviews_and_auto_replies_are_refused(put, day, change, problem):
    payload = conv("c-bad", msg("1", "customer", at(day, 10), "在吗"))
    change(payload)
    with pytest.raises(InvalidConversation, match=problem.replace("[", r"\[").replace("]", r"\]")):
        put(payload)


@pytest.mark.postgres_only  # SQLite serialises its writers; PostgreSQL lets two ingests race
def test_the_same_review_sent_four_times_at_once_is_stored_once(app, put, day):
    payload = conv("c-race", msg("1", "customer", at(day, 10), "在吗"), msg("2", "merchant", at(day, 10, 1), "在的"))
    put(payload)  # the conversation exists: the four ingests below race on its row, not on creating it
    payload["reviews"] = [_review("r-1", "good", at(day, 10, 5))]

    def work(n: int) -> None:
        ingest(ACTOR, copy.deepcopy(payload), now=at(day, 13))
        db.session.commit()

    run_concurrently(app, work, range(4))
    db.session.expire_all()
    assert [r.external_id for r in all_of(ServiceReview)] == ["r-1"]
