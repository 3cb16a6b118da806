"""The staff search box on every page (keyboard: /), the queue's saved views and a help request's answer,
in a real browser, at a desktop's and a phone's width, in Chinese and English.

With BACKOFFICE_SCREENSHOTS=1 each page is also saved under test-artifacts/browser/screens/ to be looked at.
"""

from __future__ import annotations

import os

import pytest

from tests.browser.conftest import ARTIFACTS, DESKTOP, PHONE, sign_in

SCREENS = ARTIFACTS / "screens"


def _shot(page, name: str) -> None:
    if os.environ.get("BACKOFFICE_SCREENSHOTS"):
        SCREENS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENS / f"{name}.png"), full_page=True)


def _fits(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_slash_opens_the_search_and_views_are_saved_and_used(open_page, viewport, lang):
    page = open_page(viewport)
    sign_in(page, "senior")
    if lang == "en":
        page.click("button[name=lang][value=en]")
        page.wait_for_load_state()
    page.goto("/cases")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "topsearch-q"
    page.keyboard.type("微信")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator(".search-result").count() >= 1
    assert page.locator(".search-result mark").first.inner_text().lower() == "微信"
    _fits(page, viewport["width"])
    _shot(page, f"search-{lang}-{viewport['width']}")

    page.goto("/cases?platform=zbj")
    page.click(".view-manage summary")
    page.fill(".view-save input[name=name]", "猪八戒队列")
    page.check(".view-save input[name=team]")
    page.click(".view-save button")
    page.wait_for_load_state()
    active = page.locator(".view-link[aria-current=true]")
    assert active.inner_text() == "猪八戒队列"
    assert page.locator("#next-case-form input[name=queue]").get_attribute("value") == "platform=zbj"
    _fits(page, viewport["width"])
    _shot(page, f"queue-views-{lang}-{viewport['width']}")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_help_request_reaches_a_senior_and_the_answer_comes_back(open_page, viewport, lang):
    reviewer = open_page(viewport)
    sign_in(reviewer, "reviewer")
    reviewer.goto("/cases")
    reviewer.click("#next-case-form button")
    reviewer.wait_for_url("**/cases/*")
    case_url = reviewer.url
    reviewer.click("details:has(form[action$='/hold']) summary")
    reviewer.fill("form[action$='/hold'] input[name=reason]", "这个号码算不算联系方式？")
    reviewer.click("form[action$='/hold'] button")
    reviewer.wait_for_load_state()

    senior = open_page(viewport)
    sign_in(senior, "senior")
    if lang == "en":
        senior.click("button[name=lang][value=en]")
        senior.wait_for_load_state()
    senior.goto("/cases?status=on_hold")
    assert "这个号码算不算联系方式？" in senior.inner_text(".queue")
    _fits(senior, viewport["width"])
    _shot(senior, f"queue-help-{lang}-{viewport['width']}")
    senior.goto(case_url)
    senior.fill("#help textarea[name=answer]", "算，按站外联系处理")
    _shot(senior, f"case-help-{lang}-{viewport['width']}")
    senior.click("#help button")
    senior.wait_for_load_state()
    assert "算，按站外联系处理" in senior.inner_text("#help")

    reviewer.goto("/cases")
    assert reviewer.locator(".mainnav .badge").count() == 1
    reviewer.goto("/merchant/notifications")
    _shot(reviewer, f"notifications-zh-{viewport['width']}")
    reviewer.click(".notification-open")
    reviewer.wait_for_load_state()
    assert "#help" in reviewer.url
    assert "算，按站外联系处理" in reviewer.inner_text("#help")
