"""Who may download a ruling: staff, and the merchant it concerns; everyone else sees a 404."""

from __future__ import annotations

import pytest

from backoffice.api.tokens import create_token
from backoffice.audit.operations import Actor
from backoffice.extensions import db
from backoffice.merchants.models import Merchant


@pytest.fixture(autouse=True)
def fake_pdf(monkeypatch):
    """Access rules do not need a real rendering."""
    from types import SimpleNamespace

    from backoffice.rulings import views

    def fake(ruling, lang="zh"):
        return SimpleNamespace(number=f"N-{ruling.id}"), b"%PDF-1.7 fake"

    monkeypatch.setattr(views, "issued_pdf", fake)


@pytest.fixture
def merchants(make_ruling, make_user):
    ruling = make_ruling("m-a")
    other = make_ruling("m-b")
    a = db.session.query(Merchant).filter_by(external_id="m-a").one()
    b = db.session.query(Merchant).filter_by(external_id="m-b").one()
    make_user("merchant", login="shop-a", merchant=a)
    make_user("merchant", login="shop-b", merchant=b)
    return ruling, other


def test_merchant_downloads_own_ruling_only(client, login, merchants):
    ruling, other = merchants
    login("shop-a")
    assert client.get(f"/merchant/rulings/{ruling.id}.pdf").status_code == 200
    assert client.get(f"/merchant/rulings/{other.id}.pdf").status_code == 404
    assert client.get(f"/rulings/{ruling.id}.pdf").status_code == 403


def test_api_ruling_pdf_for_owner_and_staff_not_for_other_merchants(app, client, merchants, make_user):
    from backoffice.accounts.models import User
    from backoffice.api.models import Scope

    ruling, _ = merchants
    users = {u.login: u for u in db.session.query(User).all()}
    make_user("reviewer", login="rev2")
    tokens = {}
    for name in ("shop-a", "shop-b", "rev2"):
        user = db.session.query(User).filter_by(login=name).one()
        tokens[name] = create_token(Actor(None, "cli"), user, [Scope.read], "test")[1]
    db.session.commit()
    url = f"/api/v1/cases/{ruling.case_id}/ruling.pdf"
    ok = client.get(url + "?lang=both", headers={"Authorization": f"Bearer {tokens['shop-a']}"})
    assert ok.status_code == 200
    assert ok.data.startswith(b"%PDF")
    assert client.get(url, headers={"Authorization": f"Bearer {tokens['rev2']}"}).status_code == 200
    denied = client.get(url, headers={"Authorization": f"Bearer {tokens['shop-b']}"})
    assert denied.status_code == 404
    assert denied.json["error"]["code"] == "not_found"
    assert client.get(url + "?lang=fr", headers={"Authorization": f"Bearer {tokens['rev2']}"}).status_code == 400
    assert users  # the merchants' accounts exist


def test_verify_page_is_public_and_shows_no_personal_data(client, make_ruling):
    from backoffice.rulings.context import content_hash, ruling_facts

    facts = ruling_facts(make_ruling())
    good = client.post("/rulings/verify", data={"number": facts["number"], "sha256": content_hash(facts)})
    assert good.status_code == 200
    page = good.get_data(as_text=True)
    assert "flash-success" in page
    for private in ("王", "重庆山城", "abc12345"):
        assert private not in page.split("<main", 1)[1]
    bad = client.post("/rulings/verify", data={"number": facts["number"], "sha256": "0" * 64})
    assert "flash-error" in bad.get_data(as_text=True)
    assert client.get("/rulings/verify").status_code == 200


def test_staff_pages_link_the_pdfs(client, login, make_ruling, make_user):
    ruling = make_ruling()
    make_user("manager", login="boss")
    login("boss")
    page = client.get(f"/rulings/{ruling.id}")
    assert page.status_code == 200
    assert f"/rulings/{ruling.id}.pdf?lang=both" in page.get_data(as_text=True)
    assert f"/rulings/{ruling.id}.pdf" in client.get(f"/cases/{ruling.case_id}").get_data(as_text=True)
    assert client.get(f"/rulings/{ruling.id + 100}").status_code == 404
    assert client.get("/rulings/exports").status_code == 200


def test_merchant_ruling_page_links_its_pdf(client, login, merchants):
    ruling, _ = merchants
    login("shop-a")
    assert f"/merchant/rulings/{ruling.id}.pdf" in client.get(f"/merchant/rulings/{ruling.id}").get_data(as_text=True)
