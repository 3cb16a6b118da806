"""An axe-core audit (WCAG 2.0 and 2.1, levels A and AA) of the pages people use all day, in both languages.

axe-core is the engine browsers' own accessibility panels use; ``axe-playwright-python`` ships its
script, injected into each page state here (no network). Every violation fails the test, with the rule,
its impact and the first elements it found, so that a regression names what to fix.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import DESKTOP, sign_in

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE = Axe()


def _audit(page, state: str, found: dict[str, list[str]], counts: Counter[str]) -> None:
    page.wait_for_load_state()
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]})
    for violation in results.response["violations"]:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
        found.setdefault(state, []).append(
            f"{violation['id']} ({violation['impact']}, {len(targets)}): {', '.join(targets[:3])}")
        counts[violation["id"]] += len(targets)


def _as(open_page, account: str, lang: str):
    page = open_page(DESKTOP)
    sign_in(page, account)
    if lang == "en":
        with page.expect_navigation():
            page.click("button[name=lang][value=en]")
    return page


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_pages_people_use_all_day_have_no_axe_violations(open_page, lang):
    found: dict[str, list[str]] = {}
    counts: Counter[str] = Counter()

    reviewer = _as(open_page, "reviewer", lang)
    reviewer.goto("/cases")
    _audit(reviewer, "queue", found, counts)
    reviewer.click("#next-case-form button")
    reviewer.wait_for_url(re.compile(r"/cases/\d+"))
    _audit(reviewer, "case with the decision form", found, counts)
    reviewer.click("button[name=action][value=confirm]")  # nothing chosen: the form's errors
    _audit(reviewer, "case with validation errors", found, counts)
    # the errors are tied to their fields, and the first field in error has the focus
    reasons = "textarea[name=rationale][aria-invalid=true][aria-describedby='rationale-error']"
    assert reviewer.locator(reasons).count() == 1
    assert reviewer.locator("#rationale-error").is_visible()
    assert reviewer.evaluate("document.activeElement.name") == "rationale"
    assert reviewer.locator("fieldset.verdicts > legend").count() == 1  # the radios' group has a name
    reviewer.check("input[name=verdict][value=violation]")
    reviewer.fill("textarea[name=rationale]", "商家在会话中辱骂消费者。")
    with reviewer.expect_navigation():
        reviewer.click("button[name=action][value=preview]")
    assert reviewer.locator(".preview input[name=dropped]").count() >= 1
    _audit(reviewer, "case with the preview", found, counts)

    merchant = _as(open_page, "merchant-tb", lang)
    merchant.goto("/merchant")
    _audit(merchant, "merchant home", found, counts)
    merchant.locator("a[href^='/merchant/rulings/']").first.click()
    _audit(merchant, "merchant ruling", found, counts)
    merchant.click("a[href$='/appeal']")
    _audit(merchant, "merchant appeal form", found, counts)
    merchant.click("button[name=action][value=submit]")  # no statement: the form's errors
    _audit(merchant, "merchant appeal form with errors", found, counts)
    merchant.fill("textarea[name=statement]", "买家先给出中评，我们只是询问原因，没有骚扰。")
    merchant.click("button[name=action][value=submit]")
    _audit(merchant, "merchant appeal filed", found, counts)

    senior = _as(open_page, "senior", lang)
    senior.goto("/appeals")
    _audit(senior, "appeals list", found, counts)
    senior.locator("table a[href^='/appeals/']").first.click()
    _audit(senior, "appeal page", found, counts)

    manager = _as(open_page, "manager", lang)
    for path in ("/rulings", "/dashboard", "/whatif"):
        manager.goto(path)
        _audit(manager, path, found, counts)

    print(f"\naxe ({lang}): " + ", ".join(f"{rule} {n}" for rule, n in counts.most_common()))
    assert not found, "\n".join(f"{state}: {line}" for state, lines in found.items() for line in lines)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_in_each_roles_navigation_has_no_axe_violations(open_page, lang):
    """Beyond the daily states above: every page the top bar links to, for every kind of account."""
    found: dict[str, list[str]] = {}
    counts: Counter[str] = Counter()
    audited = 0
    for account in ("reviewer", "senior", "manager", "merchant-tb"):
        page = _as(open_page, account, lang)
        paths = page.eval_on_selector_all(".mainnav a", "links => links.map(a => a.getAttribute('href'))")
        assert paths, account
        for path in paths + ["/account/sessions"]:
            page.goto(path)
            _audit(page, f"{account} {path}", found, counts)
            audited += 1
    summary = ", ".join(f"{rule} {n}" for rule, n in counts.most_common())
    print(f"\naxe, {audited} pages in the navigation ({lang}): {summary}")
    assert not found, "\n".join(f"{state}: {line}" for state, lines in found.items() for line in lines)
