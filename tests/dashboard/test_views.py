"""The dashboard page and its CSV downloads: who may see them, and that they show the same numbers."""

from __future__ import annotations

import csv
import io
import re

import pytest

from backoffice.dashboard import metrics
from backoffice.dashboard.views import DATASETS
from tests.dashboard.conftest import NOW


@pytest.fixture
def frozen(monkeypatch):
    monkeypatch.setattr("backoffice.dashboard.views.utcnow", lambda: NOW)


@pytest.fixture
def manager(world, login):
    login("boss")


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    text = response.data.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


@pytest.mark.parametrize(("role", "status"), [
    ("reviewer", 403), ("senior_reviewer", 403), ("merchant", 403), ("manager", 200), ("admin", 200),
])
def test_only_managers_and_admins_see_the_dashboard(app, make_user, login, client, role, status):
    make_user(role, login="someone")
    login("someone")
    assert client.get("/dashboard").status_code == status
    assert client.get("/dashboard/throughput.csv").status_code == status


def test_throughput_csv_is_the_hand_counted_table(client, manager, frozen):
    assert _csv(client.get("/dashboard/throughput.csv?days=7")) == [
        ["day", "reviewer", "decisions"],
        ["2026-03-04", "alice", "1"],
        ["2026-03-05", "carol", "1"],
        ["2026-03-08", "alice", "2"],
        ["2026-03-09", "bob", "4"],
        ["2026-03-10", "alice", "1"],
        ["2026-03-10", "carol", "1"],
    ]


def test_measures_csv_lists_every_day_of_the_period(client, manager, frozen):
    rows = _csv(client.get("/dashboard/measures.csv?days=7"))
    assert rows[0] == ["day", *metrics.MEASURE_COLUMNS]
    assert [r[0] for r in rows[1:]] == [f"2026-03-{d:02d}" for d in range(4, 11)]
    assert rows[-1] == ["2026-03-10", "0", "3", "6", "1.5", "250.50", "0.00", "2", "1", "0", "0"]


def test_every_csv_has_the_rows_of_its_metric(client, manager, frozen):
    for days in (7, 30):
        for name, (columns, rows_of) in DATASETS.items():
            rows = _csv(client.get(f"/dashboard/{name}.csv?days={days}"))
            expected = [["" if v is None else str(v) for v in row] for row in rows_of(days, NOW)]
            expected = [["'" + v if v.startswith("+") else v for v in row] for row in expected]
            assert rows[0] == list(columns), name
            assert rows[1:] == expected, name
            assert expected, name


def test_a_term_that_looks_like_a_formula_is_quoted_in_the_csv(client, manager, frozen):
    rows = _csv(client.get("/dashboard/precision_by_term.csv?days=7"))
    assert rows[1] == ["'+86", "0", "1", "0", "0", "0.0"]
    assert ["phone", "0", "0", "1", "0", ""] in rows  # no precision yet: an empty cell, not 0


def test_csv_refuses_an_unknown_period_or_dataset(client, manager):
    assert client.get("/dashboard/throughput.csv?days=365").status_code == 400
    assert client.get("/dashboard/throughput.csv?days=abc").status_code == 400
    assert client.get("/dashboard/secrets.csv").status_code == 404


def _number(html: str, stat: str) -> str:
    match = re.search(rf'id="stat-{stat}"><span class="num">([^<]*)</span>', html)
    assert match, stat
    return match.group(1)


def test_page_shows_the_key_numbers(client, manager, frozen):
    html = client.get("/dashboard?days=7").get_data(as_text=True)
    assert [_number(html, s) for s in ("open", "unclaimed", "overdue", "decisions")] == ["8", "5", "3", "10"]
    # Period selector: the chosen period is marked, the CSV links keep it.
    assert re.search(r'href="/dashboard\?days=7" aria-current="page"', html)
    assert 'href="/dashboard/measures.csv?days=7"' in html
    # Appeals by reviewer, alice: 2 rulings, 2 appeals, 2 decided, 1 upheld, 0 reduced, 1 overturned,
    # appeal rate 100 %, overturn rate 50 %.
    table = html[html.index('id="appeals-by-reviewer"'):]
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", table[:table.index("</table>")])
    assert cells[:9] == ["alice", "2", "2", "2", "1", "0", "1", "100%", "50%"]
    # Decisions by rule (violation, no violation, insufficient evidence, total), the busiest rule first.
    table = html[html.index('id="decisions"'):]
    cells = re.findall(r'<td class="num">([^<]*)</td>', table[:table.index("</table>")])
    assert cells == ["5", "2", "0", "7", "2", "0", "1", "3"]
    # Measures: the totals row of the week.
    foot = html[html.index("<tfoot>"):html.index("</tfoot>")]
    assert re.findall(r'<th class="num">([^<]*)</th>', foot) == [
        "18", "15", "6", "1.5", "750.50", "500.00", "3", "2", "1", "1"]


def test_page_charts_are_labelled_images(client, manager, frozen):
    html = client.get("/dashboard?days=7").get_data(as_text=True)
    svgs = re.findall(r"<svg [^>]*>", html)
    assert len(svgs) == 11  # ages, 2 throughput, decisions, overturn, precision, 5 measure panels
    assert all('role="img"' in s and 'aria-label="' in s for s in svgs)
    assert html.count("<title>") >= len(svgs)
    # The charts need no script: the page's only one is the staff search box's, from the layout.
    assert html.count("<script") == 1
    assert '<script src="/static/js/search.js" defer></script>' in html


def test_page_falls_back_to_thirty_days_on_a_bad_period(client, manager, frozen):
    response = client.get("/dashboard?days=365")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert re.search(r'href="/dashboard\?days=30" aria-current="page"', html)
    assert 'class="flash flash-error"' in html


def test_empty_dashboard_renders(client, make_user, login):
    make_user("manager", "boss")
    login("boss")
    response = client.get("/dashboard")
    assert response.status_code == 200
    assert _number(response.get_data(as_text=True), "open") == "0"
