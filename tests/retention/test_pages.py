"""Purged content reads "已按保留期限删除" on staff and merchant pages, never a blank or an error."""

from __future__ import annotations

import sqlalchemy as sa

from backoffice.extensions import db
from backoffice.retention.jobs import purge_expired
from tests.builders import CLI

PURGED_ZH = "已按保留期限删除"


def test_staff_pages_show_the_purged_conversation_as_deleted_and_the_ruling_quote_masked(
        app, client, login, staff, closed_ruling, appealed):
    ruling = closed_ruling(400, ingested=True)
    appeal = appealed(ruling)
    purge_expired(CLI, days=365)
    login("rev")
    for url in (f"/cases/{ruling.case_id}", f"/conversations/{ruling.case.conversation_id}"):
        page = client.get(url)
        assert page.status_code == 200, url
        html = page.get_data(as_text=True)
        assert PURGED_ZH in html, url
        assert "a******5" in html, url  # the quoted message, as the ruling quotes it
        assert "abc12345" not in html, url
        assert "王女士" not in html, url
    client.post("/logout")
    login("senior")
    html = client.get(f"/appeals/{appeal.id}").get_data(as_text=True)
    assert PURGED_ZH in html
    assert "13812345678" not in html


def test_merchant_pages_show_the_purge_too(app, client, login, closed_ruling, appealed):
    ruling = closed_ruling(400, ingested=True)
    appealed(ruling)
    user = ruling.merchant_user
    user.locale = "zh"
    db.session.commit()
    purge_expired(CLI, days=365)
    login(user.login)
    for url in (f"/merchant/conversations/{ruling.case.conversation_id}", "/merchant/conversations",
                f"/merchant/rulings/{ruling.id}/appeal", f"/merchant/rulings/{ruling.id}"):
        page = client.get(url)
        assert page.status_code == 200, url
        html = page.get_data(as_text=True)
        assert "abc12345" not in html, url
        if "rulings" not in url or url.endswith("/appeal"):
            assert PURGED_ZH in html, url


def test_the_ruling_pdf_still_renders_with_its_masked_quote(app, client, login, closed_ruling):
    from backoffice.rulings.context import ruling_facts

    ruling = closed_ruling(400, ingested=True)
    before = ruling_facts(ruling)
    purge_expired(CLI, days=365)
    login("rev")
    response = client.get(f"/rulings/{ruling.id}.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    db.session.expire_all()
    assert ruling_facts(db.session.get(type(ruling), ruling.id))["messages"] == before["messages"]
    assert db.session.scalar(sa.text("SELECT count(*) FROM ruling_retained_quotes")) == 1
