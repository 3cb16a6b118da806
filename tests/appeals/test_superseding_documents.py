"""An appeal decision supersedes what a ruling stated: the ruling is rendered and stored once more, and
the copy issued before stays authentic."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from backoffice.appeals import operations as appeals
from backoffice.extensions import db
from backoffice.rulings import issued, verify
from backoffice.rulings.models import IssuedDocument
from backoffice.rulings.verify import Verdict
from backoffice.storage import storage_for
from tests.builders import web
from tests.conftest import PASSWORD


@pytest.mark.postgres_only  # rendering is slow; nothing here depends on the database engine
def test_an_appeal_decision_stores_the_superseding_ruling_beside_the_one_first_issued(
        app, client, login, merchant_user, ruling_for, staff, monkeypatch):
    app.config["RULINGS_STORE_ON_ISSUE"] = True
    user = merchant_user("shop")
    ruling = ruling_for(user.merchant)
    first = {d.lang: d for d in issued.store_issued_ruling(ruling.id)}
    login("shop")
    issued_copy = client.get(f"/merchant/rulings/{ruling.id}.pdf?lang=en").data
    assert issued_copy == storage_for("rulings").get(first["en"].storage_key)

    appeal = appeals.start(web(user), ruling)
    appeals.save_statement(web(user), appeal, "客户先发的联系方式")
    appeals.submit(web(user), appeal)
    db.session.commit()
    senior = app.test_client()
    senior.post("/login", data={"login": "senior", "password": PASSWORD})
    decided = senior.post(f"/appeals/{appeal.id}/decision", data={"outcome": "overturned", "reason": "客户先发"})
    assert decided.status_code == 302  # the request stored the ruling's new state once it committed

    db.session.expire_all()
    rows = db.session.scalars(sa.select(IssuedDocument).filter_by(ruling_id=ruling.id)).all()
    assert len(rows) == 6  # three languages, for each of two states
    later = {d.lang: d for d in rows if d.id not in {f.id for f in first.values()}}
    assert all(later[lang].content_sha256 != first[lang].content_sha256 for lang in later)
    assert all(later[lang].facts_at > first[lang].facts_at for lang in later)
    assert all(storage_for("rulings").exists(d.storage_key) for d in rows)

    superseding = client.get(f"/merchant/rulings/{ruling.id}.pdf?lang=en").data
    assert superseding == storage_for("rulings").get(later["en"].storage_key)
    assert "overturned" in verify.pdf_text(superseding).lower()
    assert verify.verify_pdf(superseding).verdict is Verdict.match
    old = verify.verify_pdf(issued_copy)
    assert (old.verdict, old.file_checked, old.authentic) == (Verdict.issued, True, True)

    # Later still the penalty ends: the copy of the appeal's state was issued, so it stays authentic.
    facts = verify.ruling_facts(ruling)
    ended = {**facts, "later": {**facts["later"], "penalty_ended_at": "2030-01-01T00:00:00+00:00"}}
    monkeypatch.setattr(verify, "ruling_facts", lambda r: ended)
    between = verify.verify_pdf(superseding)
    assert (between.verdict, between.file_checked) == (Verdict.issued, True)
    forged = superseding.replace(b"%%EOF", b"%%EOF\n% edited\n")
    assert verify.verify_pdf(forged).verdict is Verdict.text_match  # the text, in a file never issued
