"""Browser journeys: the real application on a local port, driven by Debian's Chromium through Playwright.

The server is the application the suite builds (SQLite from migrations, the demo data loaded through
the product's own operations) served by Werkzeug in a thread; Chromium is the one the README's scripts
install (no browser download). A failed journey leaves a screenshot and the page's HTML in
``test-artifacts/browser/`` (``BACKOFFICE_TEST_ARTIFACTS`` moves it).
"""

from __future__ import annotations

import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from werkzeug.serving import make_server

CHROMIUM = os.environ.get("BACKOFFICE_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(os.environ.get("BACKOFFICE_TEST_ARTIFACTS", "test-artifacts")) / "browser"
PASSWORDS = {"reviewer": "reviewer-demo-2026", "senior": "senior-demo-2026", "manager": "manager-demo-2026",
             "merchant-tb": "merchanttb-demo-2026", "merchant": "merchant-demo-2026"}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1440, "height": 900}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


def serve(sqlite_template, tmp_path, prepare: Callable[[], None] | None = None) -> Iterator[str]:
    """The back office with the demo data (and whatever ``prepare`` adds, in the app context), served on
    a free local port; yields its base URL."""
    from backoffice import create_app
    from backoffice.demo.cli import load_demo
    from backoffice.extensions import db

    database = tmp_path / "live.sqlite3"
    shutil.copyfile(sqlite_template, database)
    app = create_app({
        "DATABASE_URL": f"sqlite:///{database}", "SECRET_KEY": "browser-journeys-0123456789",
        "UPLOAD_DIR": str(tmp_path / "uploads"), "EXPORT_DIR": str(tmp_path / "exports"),
        "RULING_DIR": str(tmp_path / "rulings"),
        # No periodic timer: it would outlive the journey in this test process (jobs sent on commit still run).
        "JOBS_SCHEDULE_IN_WEB": False,
    })
    with app.app_context():
        load_demo()
        if prepare is not None:
            prepare()
        db.session.commit()
        db.session.remove()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def live(sqlite_template, tmp_path) -> Iterator[str]:
    """The back office with the demo data, served on a free local port; yields its base URL."""
    yield from serve(sqlite_template, tmp_path)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser, live, request):
    """``open_page(viewport)``: a fresh browser context (its own cookies) at the live server."""
    pages: list[Page] = []

    def open_(viewport: dict | None = None) -> Page:
        context = browser.new_context(viewport=viewport or DESKTOP, base_url=live, locale="zh-CN",
                                      accept_downloads=True)
        context.set_default_timeout(15_000)
        page = context.new_page()
        pages.append(page)
        return page

    yield open_
    failed = getattr(request.node, "report_call", None) is not None and request.node.report_call.failed
    for n, page in enumerate(pages):
        if failed:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            stem = ARTIFACTS / f"{re.sub(r'[^A-Za-z0-9_.-]', '_', request.node.name)}-{n}"
            page.screenshot(path=f"{stem}.png", full_page=True)
            Path(f"{stem}.html").write_text(page.content(), encoding="utf-8")
        page.context.close()


def sign_in(page: Page, login: str) -> None:
    page.goto("/login")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", PASSWORDS[login])
    page.click("button.btn-primary")
    page.wait_for_load_state()
    assert "/login" not in page.url, page.inner_text("body")[:500]
