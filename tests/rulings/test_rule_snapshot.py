"""A ruling keeps the rule as worded when it was made: a later rule-set version that rewords the
rule or changes its appeal window changes neither the document, nor its hash, nor the deadline."""

from __future__ import annotations

import pytest
from markupsafe import escape

from backoffice.extensions import db
from backoffice.policy import get_rulebook
from backoffice.rulings import context, facts


class Reworded:
    """The loaded rule book, with zbj.offsite_contact reworded and given a 30-day appeal window."""

    def __init__(self, book):
        self.book = book

    def rule(self, code):
        rule = self.book.rule(code)
        if code != "zbj.offsite_contact":
            return rule
        source = rule.source.model_copy(update={
            "clause": "第九条（改）", "text": rule.source.text.model_copy(update={"zh": "改写后的条文"})})
        return rule.model_copy(update={"title_zh": "改写后的标题", "source": source, "helpful_evidence": (),
                                       "appeal": rule.appeal.model_copy(update={"days": 30})})

    def __getattr__(self, name):
        return getattr(self.book, name)


@pytest.fixture
def reword(monkeypatch):
    def apply():
        book = Reworded(get_rulebook())
        for module in (context, facts):
            monkeypatch.setattr(module, "get_rulebook", lambda: book)
        return book
    return apply


def test_a_reworded_rule_changes_neither_the_ruling_nor_its_hash_nor_the_deadline(app, make_ruling, reword):
    ruling = make_ruling()
    before = context.ruling_facts(ruling)
    deadline = facts.appeal_deadline(ruling)
    assert before["rule"]["title"]["zh"].startswith("引导脱离平台沟通")

    reword()
    after = context.ruling_facts(ruling)
    assert after == before
    assert context.content_hash(after) == context.content_hash(before)
    assert facts.appeal_deadline(ruling) == deadline


def test_a_ruling_stored_before_the_snapshot_shows_the_rule_as_worded_now(app, make_ruling, reword):
    ruling = make_ruling()
    # As stored before plans carried the snapshot.
    ruling.preview = {k: v for k, v in ruling.preview.items() if k != "cited"}
    for penalty in _penalties(ruling):
        penalty.plan = {k: v for k, v in penalty.plan.items() if k != "cited"}
    db.session.commit()
    days_before = context.ruling_facts(ruling)["appeal"]["days"]

    reword()
    facts = context.ruling_facts(ruling)
    assert facts["rule"]["title"]["zh"] == "改写后的标题"
    assert facts["rule"]["clause"] == "第九条（改）"
    assert facts["rule"]["text"]["zh"] == "改写后的条文"
    assert facts["appeal"]["days"] == 30 != days_before
    assert facts["appeal"]["evidence"] == []


def _penalties(ruling):
    from backoffice.penalties.models import PenaltyDecision

    return [db.session.get(PenaltyDecision, ruling.penalty_decision_id)] if ruling.penalty_decision_id else []


def test_the_merchants_ruling_and_appeal_pages_quote_the_rule_as_it_was(app, client, login, make_ruling,
                                                                          make_user, reword):
    ruling = make_ruling()
    merchant = ruling.case.merchant
    make_user("merchant", login="shop", merchant=merchant)
    login("shop")
    facts = context.ruling_facts(ruling)
    original, evidence = facts["rule"], facts["appeal"]["evidence"]

    reword()
    for page in (f"/merchant/rulings/{ruling.id}", f"/merchant/rulings/{ruling.id}/appeal"):
        html = client.get(page).get_data(as_text=True)
        assert "改写后" not in html, page
        assert str(escape(evidence[0]["zh"])) in html, page
    html = client.get(f"/merchant/rulings/{ruling.id}").get_data(as_text=True)
    assert all(str(escape(text)) in html for text in (original["title"]["zh"], original["clause"],
                                                       original["text"]["zh"]))
