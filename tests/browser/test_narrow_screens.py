"""At a phone's width (390 px) the staff pages fit: nothing scrolls sideways, the whole top bar shows.

A page wider than the screen cuts off the top bar and the last navigation item; the filters, the sweep
form and the dashboard's chart cards must wrap or shrink instead. In Chinese and in English (English
labels are longer, and the rule titles in the queue's rule select are the longest text there).
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import PHONE, sign_in

#: (account, pages): the reviewer's queue and a conversation of the daily sweep, the manager's dashboard.
PAGES = [("reviewer", ("/cases", "/conversations/1")), ("manager", ("/dashboard",))]


def _overflow(page) -> dict:
    return page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        const nav = [...document.querySelectorAll('.mainnav a')].map(a => a.getBoundingClientRect());
        const bar = document.querySelector('.topbar').getBoundingClientRect();
        return {scroll: document.documentElement.scrollWidth, width,
                navCut: nav.filter(r => r.right > width + 0.5 || r.left < -0.5).length,
                bar: Math.round(bar.right)};
    }""")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("account", "paths"), PAGES, ids=[a for a, _ in PAGES])
def test_staff_pages_fit_a_phone(open_page, account, paths, lang):
    page = open_page(PHONE)
    sign_in(page, account)
    if lang == "en":
        page.click("button[name=lang][value=en]")
        page.wait_for_load_state()
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, path
        found = _overflow(page)
        assert found["scroll"] <= PHONE["width"], (path, found)
        assert found["bar"] <= PHONE["width"], (path, found)
        assert found["navCut"] == 0, (path, found)  # every top-nav item shows (wrapped, not cut off)
