"""Finding rulings: the list by period, platform, rule and merchant, a ruling by its number, and
the filters that a person can get wrong (reversed or malformed days) for the list and the export."""

from __future__ import annotations

from datetime import timedelta

import pytest

from backoffice.db import utcnow
from backoffice.rulings import views
from backoffice.rulings.export import ExportFilter, ruling_ids
from backoffice.rulings.facts import ruling_number
from backoffice.timeutil import to_platform_tz


@pytest.fixture
def three(make_ruling):
    return [make_ruling("m-a"), make_ruling("m-b"), make_ruling("m-c")]


def _today():
    return to_platform_tz(utcnow()).date()


def test_the_list_shows_the_period_newest_first_and_filters_by_merchant(client, login, make_user, three):
    make_user("manager", login="boss")
    login("boss")
    page = client.get("/rulings").get_data(as_text=True)
    numbers = [ruling_number(r) for r in three]
    assert [page.index(n) for n in reversed(numbers)] == sorted(page.index(n) for n in numbers)
    assert 'aria-current="page"' in page.split('class="tabs reports"', 1)[1].split("</nav>", 1)[0]

    only_b = client.get("/rulings", query_string={"merchant": "m-b"}).get_data(as_text=True)
    assert numbers[1] in only_b
    assert numbers[0] not in only_b
    assert numbers[2] not in only_b
    earlier = _today() - timedelta(days=40)
    none = client.get("/rulings", query_string={"since": earlier.isoformat(),
                                                "until": (earlier + timedelta(days=1)).isoformat()})
    assert all(n not in none.get_data(as_text=True) for n in numbers)


def test_a_ruling_is_found_by_its_number(client, login, make_user, three):
    make_user("reviewer", login="rev")
    login("rev")
    found = client.get("/rulings", query_string={"number": ruling_number(three[1]).lower()})
    assert found.status_code == 302
    assert found.headers["Location"].endswith(f"/rulings/{three[1].id}")
    missing = client.get("/rulings", query_string={"number": "ZBJ-20200101-999999"}, follow_redirects=True)
    assert "没有编号为 ZBJ-20200101-999999 的决定书" in missing.get_data(as_text=True)
    # The right id under another platform or day is not that ruling.
    platform, day, serial = ruling_number(three[1]).split("-")
    for wrong in (f"TAOBAO-{day}-{serial}", f"{platform}-19990101-{serial}"):
        response = client.get("/rulings", query_string={"number": wrong})
        assert response.status_code == 200
        assert f"没有编号为 {wrong} 的决定书" in response.get_data(as_text=True)


def test_pages_of_the_list(client, login, make_user, three, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    make_user("manager", login="boss")
    login("boss")
    first = client.get("/rulings").get_data(as_text=True)
    second = client.get("/rulings", query_string={"page": 2}).get_data(as_text=True)
    assert ruling_number(three[2]) in first
    assert ruling_number(three[0]) not in first
    assert ruling_number(three[0]) in second
    assert "2 / 2" in second
    assert "page=1" in second


def test_merchants_may_not_list_rulings(client, login, make_user, make_merchant):
    make_user("merchant", login="shop", merchant=make_merchant("m-z"))
    login("shop")
    assert client.get("/rulings").status_code == 403


def test_a_reversed_period_is_refused_with_a_message_and_starts_no_export(client, login, make_user, three,
                                                                           runner, tmp_path):
    make_user("manager", login="boss")
    login("boss")
    today = _today()
    reversed_days = {"since": today.isoformat(), "until": (today - timedelta(days=30)).isoformat()}
    listing = client.get("/rulings", query_string=reversed_days, follow_redirects=True).get_data(as_text=True)
    assert "截止日期早于起始日期" in listing
    started = client.post("/rulings/exports", data=reversed_days, follow_redirects=True).get_data(as_text=True)
    assert "截止日期早于起始日期" in started
    assert "data-export=" not in started
    bad = client.post("/rulings/exports", data={"since": "2026-13-01"}, follow_redirects=True)
    assert "YYYY-MM-DD" in bad.get_data(as_text=True)

    result = runner.invoke(args=["rulings", "export", "--since", reversed_days["since"], "--until",
                                 reversed_days["until"], "--out", str(tmp_path / "x.zip")])
    assert result.exit_code == 2
    assert "before" in result.output
    assert not (tmp_path / "x.zip").exists()


def test_an_unknown_rule_code_is_refused_and_starts_no_export(client, login, make_user, three, runner, tmp_path):
    make_user("manager", login="boss")
    login("boss")
    started = client.post("/rulings/exports", data={"since": _today().isoformat(), "rule": "zbj.no_such_rule"},
                          follow_redirects=True).get_data(as_text=True)
    assert "没有代码为 zbj.no_such_rule 的规则" in started
    assert "data-export=" not in started
    listing = client.get("/rulings", query_string={"rule": "zbj.no_such_rule"}, follow_redirects=True)
    assert "没有代码为 zbj.no_such_rule 的规则" in listing.get_data(as_text=True)
    form = client.get("/rulings/exports").get_data(as_text=True)
    assert '<option value="zbj.offsite_contact">' in form  # chosen from the rule book, not typed
    result = runner.invoke(args=["rulings", "export", "--since", _today().isoformat(), "--rule", "zbj.nope",
                                 "--out", str(tmp_path / "x.zip")])
    assert result.exit_code == 2
    assert "zbj.nope" in result.output
    assert not (tmp_path / "x.zip").exists()


def test_the_export_filter_by_merchant(three):
    assert ruling_ids(ExportFilter(_today(), merchant="m-c")) == [three[2].id]
    assert ruling_ids(ExportFilter(_today(), merchant="nobody")) == []
    with pytest.raises(ValueError, match="before"):
        ExportFilter(_today(), _today() - timedelta(days=1))
