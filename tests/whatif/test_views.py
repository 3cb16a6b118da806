"""The /whatif page: who may use it, a replay shown and downloaded, a broken pack refused with its lines."""

from __future__ import annotations

import csv
import io
import re

import pytest

from .conftest import at, changed, pack_text
from .test_replay import HARSHER

PERIOD = {"since": "2024-03-01", "until": "2024-03-31"}


@pytest.fixture
def manager(make_user, login):
    make_user("manager", login="boss")
    login("boss")


@pytest.fixture
def history(make_merchant, impose):
    """A merchant whose first off-platform contact (5000 yuan) is in March 2024; one who only advertised."""
    first = make_merchant("m-first", name="设计工作室")
    spam = make_merchant("m-spam", name="广告商家")
    return impose(first, when=at(3, 5)), impose(spam, "zbj.ads_spam", when=at(3, 6))


def post(client, text: str, **extra):
    return client.post("/whatif", data={"pack": text, **PERIOD, "run": "1", **extra},
                       content_type="multipart/form-data")


@pytest.mark.parametrize("role", ["reviewer", "senior_reviewer", "merchant"])
def test_others_than_managers_and_admins_are_refused(make_user, login, client, role):
    make_user(role, login="someone")
    login("someone")
    assert client.get("/whatif").status_code == 403
    assert post(client, pack_text()).status_code == 403


@pytest.mark.parametrize("role", ["manager", "admin"])
def test_managers_and_admins_start_from_the_pack_in_use(make_user, login, client, role):
    make_user(role, login="chief")
    login("chief")
    page = client.get("/whatif")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "version: zbj-2024.2" in html  # the first pack, in the text box, to edit
    assert 'href="/whatif"' in html  # in the navigation
    taobao = client.get("/whatif?platform=taobao").get_data(as_text=True)
    assert "version: taobao-" in taobao
    assert "version: zbj-2024.2" not in taobao


def test_anonymous_callers_are_sent_to_sign_in(client):
    response = client.get("/whatif")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")


def test_a_replay_shows_the_summary_and_the_merchants_differences(manager, history, client):
    first, spam = history
    response = post(client, HARSHER)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert re.search(r'id="merchants-affected">1<', html)
    assert "设计工作室" in html
    assert "m-first" in html
    differences = html[html.index('id="differences"'):]
    assert "广告商家" not in differences
    assert "8,000.00" in differences
    assert "5,000.00" in differences
    assert "zbj-whatif-harsher" in html
    changes = html[html.index('id="pack-changes"'):html.index('id="differences"')]
    # Issue 22: the differences are worded in the page's language, with no item or rule codes.
    assert "一般，第 1 次违规" in changes
    assert "扣除保证金 5,000.00 元" in changes
    assert "扣除保证金 8,000.00 元" in changes
    assert "ladder." not in changes
    assert "zbj.offsite_contact" not in changes


def test_the_differences_download_as_csv(manager, history, client):
    first, _ = history
    response = client.post("/whatif", data={"pack": HARSHER, **PERIOD, "csv": "1"},
                           content_type="multipart/form-data")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    columns = ("merchant_id", "decision_id", "measure", "change", "before_value", "after_value")
    assert [tuple(r[c] for c in columns) for r in rows] == [
        ("m-first", str(first.id), "deposit_deduction", "changed", "5000.00", "8000.00")]
    assert rows[0]["offence_before"] == rows[0]["offence_after"] == "1"


def test_an_uploaded_pack_file_is_replayed(manager, history, client):
    response = client.post("/whatif", data={"pack": "", **PERIOD, "run": "1",
                                            "upload": (io.BytesIO(HARSHER.encode()), "harsher.yaml")},
                           content_type="multipart/form-data")
    assert response.status_code == 200
    assert re.search(r'id="merchants-affected">1<', response.get_data(as_text=True))


def test_an_upload_that_is_not_yaml_is_refused(manager, client):
    response = client.post("/whatif", data={"pack": "", **PERIOD, "run": "1",
                                            "upload": (io.BytesIO(b"x"), "pack.txt")},
                           content_type="multipart/form-data")
    assert response.status_code == 422
    assert 'id="summary"' not in response.get_data(as_text=True)


@pytest.mark.parametrize(("old", "new", "path", "message"), [
    ("{type: business_restriction, days: 15}", "{type: business_restriction, days: -15}",
     "rules.2.ladder.general.0.measures.1.days", "Input should be greater than 0"),
    ('{type: deposit_deduction, amount: "5000.00"}', "{type: deposit_deduction, amount: 5000.5}",
     "rules.2.ladder.general.0.measures.2", "quoted decimal string"),
    ("severities: [general, serious]\n    window_days: null\n    ladder:\n      general:\n        - measures:\n"
     "            - {type: integrity_points, points: -40}",
     "severities: [general, serious]\n    window_days: null\n    ladder:\n      general:\n        - measures:\n"
     "            - {type: integrity_points, points: [-40}", "", "YAML syntax error"),
])
def test_a_broken_pack_is_refused_with_its_line_numbers(manager, history, client, count_rows, old, new, path,
                                                        message):
    text = changed(pack_text(), old, new)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if new.splitlines()[-1].strip() in row)
    response = post(client, text)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    (problem,) = re.findall(r'<li data-line="(\d+)">(.*?)</li>', html, flags=re.S)
    assert int(problem[0]) == line
    assert path in problem[1]
    assert message in problem[1]
    assert 'id="summary"' not in html
    assert "points: [-40}" in html or "days: -15" in html or "5000.5" in html  # the text is kept to fix


def test_an_empty_pack_or_a_backwards_period_is_a_form_error(manager, client):
    assert post(client, "").status_code == 422
    response = post(client, pack_text(), since="2024-03-31", until="2024-03-01")
    assert response.status_code == 422
    assert 'id="summary"' not in response.get_data(as_text=True)


def test_the_form_needs_its_csrf_token(csrf_app, make_user, client, history):
    make_user("manager", login="boss")
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"',
                      client.get("/login").get_data(as_text=True)).group(1)
    client.post("/login", data={"login": "boss", "password": "correct-horse-battery", "csrf_token": token})
    assert post(client, HARSHER).status_code == 400
    page = client.get("/whatif").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    assert post(client, HARSHER, csrf_token=token).status_code == 200


def test_a_period_with_more_decisions_than_a_page_replays_is_refused(manager, history, app, client):
    app.config["WHATIF_MAX_DECISIONS"] = 1  # the history has two in March
    response = post(client, HARSHER)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'id="summary"' not in html
    assert "flask rules whatif" in html


def numbers_of(client, platform: str = "zbj") -> dict[str, str]:
    """The number inputs of the page as a browser would send them back."""
    html = client.get(f"/whatif?platform={platform}").get_data(as_text=True)
    return dict(re.findall(r'<input name="([nw]\.[^"]+)" value="([^"]*)"', html))


def test_changing_a_number_in_the_form_replays_without_touching_yaml(manager, history, client):
    """Issue 22: a rule's numbers are changed in a form (ladder rung × measure), not only in raw YAML."""
    numbers = numbers_of(client)
    key = "n.zbj.offsite_contact.general.1.2.amount"  # seed 000: first offence, 5000 yuan of the deposit
    assert numbers[key] == "5000.00"
    response = client.post("/whatif", data={**numbers, key: "8000", **PERIOD, "platform": "zbj", "numbers": "1"},
                           content_type="multipart/form-data")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert re.search(r'id="merchants-affected">1<', html)
    assert "zbj-2024.2+whatif" in html  # a changed pack is never taken for the one in use
    assert "扣除保证金 8,000.00 元" in html[html.index('id="differences"'):]
    assert 'value="8000"' in html  # what was typed stays in the form


@pytest.mark.parametrize(("value", "expected"), [
    ("八千", "不是此处可用的数字"),
    ("0", "greater than 0"),
])
def test_a_number_the_rule_cannot_take_is_refused_clearly(manager, history, client, value, expected):
    numbers = numbers_of(client)
    key = "n.zbj.offsite_contact.general.1.1.days"  # the 15-day business restriction
    response = client.post("/whatif", data={**numbers, key: value, **PERIOD, "platform": "zbj", "numbers": "1"},
                           content_type="multipart/form-data")
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert expected in html
    assert "限制经营" in html  # the measure is named, not its place in the file
    assert 'id="summary"' not in html


def test_the_chosen_platform_stays_selected_after_a_replay(manager, client, make_merchant):
    numbers = numbers_of(client, "taobao")
    response = client.post("/whatif", data={**numbers, **PERIOD, "platform": "taobao", "numbers": "1"},
                           content_type="multipart/form-data")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert re.search(r'<option value="taobao" selected>', html)
    assert "修改淘宝网的处罚数字" in html or "修改淘宝的处罚数字" in html
