"""Issue 22: "also viewing" on the case page, updated by polling, in a real browser (two people, two
browser contexts). A name is shown as text: markup in a display name never becomes HTML."""

from __future__ import annotations

import os

import sqlalchemy as sa

from tests.browser.conftest import ARTIFACTS, DESKTOP, PHONE, serve, sign_in

NAME = '李强 <img src=x id="injected">'


def _prepare(found: dict):
    def prepare() -> None:
        from backoffice.accounts.models import User
        from backoffice.cases.models import OPEN_STATUSES, Case
        from backoffice.extensions import db

        db.session.scalar(sa.select(User).filter_by(login="senior")).display_name = NAME
        found["case"] = db.session.scalar(sa.select(Case.id).where(Case.status.in_(OPEN_STATUSES))
                                          .order_by(Case.id).limit(1))

    return prepare


def test_two_people_on_one_case_see_each_other(browser, sqlite_template, tmp_path):
    found: dict = {}
    server = serve(sqlite_template, tmp_path, _prepare(found))
    base = next(server)
    contexts = []
    try:
        pages = []
        for login, viewport in (("senior", DESKTOP), ("reviewer", PHONE)):
            context = browser.new_context(viewport=viewport, base_url=base, locale="zh-CN")
            context.set_default_timeout(15_000)
            contexts.append(context)
            page = context.new_page()
            sign_in(page, login)
            page.goto(f"/cases/{found['case']}")
            pages.append(page)
        senior, reviewer = pages
        # The reviewer arrived second: their first ping already finds the senior reviewer.
        line = reviewer.locator("#case-viewers")
        line.wait_for(state="visible")
        assert line.inner_text() == f"同时在看： {NAME}（资深审核员）"
        assert reviewer.locator("#injected").count() == 0
        # The senior reviewer learns of the reviewer at their next ping (every 20 s).
        senior.locator("#case-viewers").wait_for(state="visible", timeout=30_000)
        assert senior.locator("#case-viewers .viewers-names").inner_text() == "审核员 张敏（审核员）"
        assert reviewer.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        if os.environ.get("BACKOFFICE_SCREENSHOTS"):  # to be looked at (BACKOFFICE_SCREENSHOTS=1)
            (ARTIFACTS / "screens").mkdir(parents=True, exist_ok=True)
            for name, page in (("viewers-zh-1440", senior), ("viewers-zh-390", reviewer)):
                page.screenshot(path=str(ARTIFACTS / "screens" / f"{name}.png"))
    finally:
        for context in contexts:
            context.close()
        next(server, None)
