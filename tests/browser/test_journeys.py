"""Whole journeys in a real browser: what a reviewer, a manager and a merchant do in a day."""

from __future__ import annotations

import io
import re

from PIL import Image

from tests.browser.conftest import DESKTOP, PHONE, sign_in


def _standing(page) -> str:
    return page.locator("section", has=page.locator("h2", has_text="商家状态")).inner_text()


def test_a_reviewer_claims_reads_the_highlights_decides_and_sees_the_standing_change(open_page):
    page = open_page(DESKTOP)
    sign_in(page, "reviewer")
    page.goto("/cases")
    page.click("#next-case-form button")
    page.wait_for_url(re.compile(r"/cases/\d+$"))
    assert page.locator("mark.hit").count() >= 1  # the flagged words are highlighted in the conversation
    before = _standing(page)

    page.check("input[name=verdict][value=violation]")
    page.fill("textarea[name=rationale]", "商家在会话中引导买家到站外联系，违反平台规则。")
    with page.expect_navigation():
        page.click("button[name=action][value=preview]")
    assert page.locator(".preview .measures li").count() >= 1  # the measures the rules give, before deciding
    page.fill("textarea[name=rationale]", "商家在会话中引导买家到站外联系，违反平台规则。")
    with page.expect_navigation():
        page.click("button[name=action][value=confirm]")
    assert page.locator(".flash-error").count() == 0, page.inner_text("main")[:800]
    # the next case of the queue opens at once; the one just decided stays one click (or `u`) away
    assert page.locator("#undo-form").count() == 1
    assert page.locator(".flash-success", has_text="裁决已生效").count() == 1
    with page.expect_navigation():
        page.click("#back-to-decided")
    assert page.locator("#decide .decided").count() == 1
    assert _standing(page) != before  # a PDD insult: the merchant is muted at once
    assert "禁言中" in _standing(page)


def test_a_manager_approves_a_removal_and_downloads_the_ruling(open_page, tmp_path):
    reviewer = open_page(DESKTOP)
    sign_in(reviewer, "reviewer")
    reviewer.goto("/cases?platform=zbj")
    reviewer.locator("table a[href^='/cases/']").first.click()
    reviewer.click("form[action$='/claim'] button")
    reviewer.check("input[name=verdict][value=violation]")
    reviewer.select_option("select[name=severity]", "serious")  # ZBJ: serious means removal
    reviewer.fill("textarea[name=rationale]", "商家多次引导买家添加微信并转账，情节严重。")
    with reviewer.expect_navigation():
        reviewer.click("button[name=action][value=preview]")
    assert reviewer.locator(".preview .measures", has_text="清退").count() == 1
    assert reviewer.locator(".preview .notice").count() == 1  # a manager must approve it
    reviewer.fill("textarea[name=rationale]", "商家多次引导买家添加微信并转账，情节严重。")
    with reviewer.expect_navigation():
        reviewer.click("button[name=action][value=confirm]")
    assert reviewer.locator(".flash-error").count() == 0, reviewer.inner_text("main")[:800]
    with reviewer.expect_navigation():  # the next case opened; back to the one waiting for approval
        reviewer.click("#back-to-decided")
    case_url = reviewer.url

    manager = open_page(DESKTOP)
    sign_in(manager, "manager")
    manager.goto("/approvals")
    with manager.expect_navigation():
        manager.click("button[name=approve][value='1']")
    assert manager.locator(".flash-error").count() == 0, manager.inner_text("main")[:800]
    manager.goto(case_url)
    assert "已清退" in manager.locator("section", has=manager.locator("h2", has_text="商家状态")).inner_text()
    # Just issued: the download may render the ruling while the job that stores it does too (WeasyPrint,
    # about a second each on an idle machine, many more on a CI machine running the suite on 2 cores).
    with manager.expect_download(timeout=90_000) as download:
        manager.click("text=下载 PDF")
    saved = tmp_path / "ruling.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 80), (30, 120, 200)).save(out, "PNG")
    return out.getvalue()


def test_a_merchant_on_a_phone_appeals_with_evidence_and_sees_the_standing_restored(open_page, tmp_path):
    from tests.appeals.conftest import pdf

    (tmp_path / "chat.png").write_bytes(_png())
    (tmp_path / "record.pdf").write_bytes(pdf())
    merchant = open_page(PHONE)
    sign_in(merchant, "merchant-tb")
    merchant.goto("/merchant")
    assert "2" in merchant.locator(".stat", has_text="本年度违规扣分").inner_text()  # the demo's ruling took 2
    merchant.locator("a[href^='/merchant/rulings/']").first.click()
    merchant.click("a[href$='/appeal']")
    merchant.wait_for_url(re.compile(r"/appeal$"))
    merchant.fill("textarea[name=statement]", "买家先给出中评，我们只是询问原因，没有骚扰。附聊天截图和通话记录。")
    merchant.set_input_files("input[name=files]", [str(tmp_path / "chat.png"), str(tmp_path / "record.pdf")])
    with merchant.expect_navigation():
        merchant.click("button[name=action][value=submit]")
    assert merchant.locator(".flash-success").count() == 1, merchant.inner_text("main")[:800]
    # Sent: the statement is read-only now; what comes later is a dated supplement.
    assert merchant.locator("textarea[name=statement]").count() == 0
    merchant.fill("textarea[name=text]", "补充：买家次日在平台内确认收货，订单一直在平台内进行。")
    with merchant.expect_navigation():
        merchant.click("form[action$='/supplements'] button.btn-primary")
    assert merchant.locator(".flash-success").count() == 1, merchant.inner_text("main")[:800]

    senior = open_page(DESKTOP)
    sign_in(senior, "senior")
    senior.goto("/appeals")
    with senior.expect_navigation():
        senior.locator("table a[href^='/appeals/']").first.click()
    assert senior.locator("text=chat.png").count() >= 1  # the evidence is listed for the decider
    assert senior.locator(".supplements li", has_text="买家次日在平台内确认收货").count() == 1
    senior.check("input[name=outcome][value=overturned]")
    senior.fill("textarea[name=reason]", "截图显示买家先发起对话，商家未实施骚扰，撤销原处罚。")
    with senior.expect_navigation():
        senior.click("form[action$='/decision'] button.btn-primary, form[action*='/decide'] button.btn-primary")
    assert senior.locator(".flash-error").count() == 0, senior.inner_text("main")[:800]

    merchant.goto("/merchant")
    assert merchant.locator(".stat", has_text="本年度违规扣分").locator(".num").inner_text().strip() in ("0", "0.0")
    with merchant.expect_navigation():
        merchant.locator("a[href^='/merchant/rulings/']").first.click()
    assert merchant.locator(".flash-success", has_text="撤销原处罚").count() == 1  # the appeal's outcome


def test_a_manager_exports_a_month_of_rulings_and_reads_the_dashboard(open_page, tmp_path):
    manager = open_page(DESKTOP)
    sign_in(manager, "manager")
    manager.goto("/rulings/exports")
    # A month of platform days (Asia/Shanghai), up to now.
    month_ago = manager.evaluate(
        "new Date(Date.now() - 30 * 864e5).toLocaleDateString('sv-SE', {timeZone: 'Asia/Shanghai'})")
    manager.fill("input[name=since]", month_ago)
    manager.click("button.btn-primary")
    link = manager.locator("a", has_text="下载压缩包").first
    for _ in range(20):  # the export runs in the background; the page refreshes itself while it runs
        if link.count():
            break
        manager.wait_for_timeout(500)
        manager.reload()
    with manager.expect_download() as download:
        link.click()
    saved = tmp_path / "rulings.zip"
    download.value.save_as(saved)
    import zipfile

    with zipfile.ZipFile(saved) as archive:
        assert sum(name.endswith(".pdf") for name in archive.namelist()) == 2  # the demo's two rulings

    manager.goto("/dashboard")
    assert manager.locator("h1").inner_text().strip() == "数据看板"
    with manager.expect_navigation():
        manager.click("form[action='/language'] button")  # the switch in the header: English
    assert manager.locator("h1").inner_text().strip() == "Dashboard"
    assert manager.locator("html[lang=en]").count() == 1


def test_a_merchant_on_a_phone_is_told_at_once_that_a_file_is_too_large(open_page, tmp_path):
    """Issue 22: a file over the limit is refused before it is sent; the good file still goes."""
    from backoffice.appeals.storage import MAX_FILE_BYTES

    (tmp_path / "video-of-chat.png").write_bytes(b"\0" * (MAX_FILE_BYTES + 1))
    (tmp_path / "chat.png").write_bytes(_png())
    merchant = open_page(PHONE)
    sign_in(merchant, "merchant-tb")
    merchant.goto("/merchant")
    merchant.locator("a[href^='/merchant/rulings/']").first.click()
    merchant.click("a[href$='/appeal']")
    merchant.fill("textarea[name=statement]", "买家先给出中评，我们只是询问原因。")
    merchant.set_input_files("input[name=files]", [str(tmp_path / "video-of-chat.png"), str(tmp_path / "chat.png")])
    warning = merchant.locator("#files ~ .upload-warning")
    assert "video-of-chat.png" in warning.inner_text()
    assert "10 MB" in warning.inner_text()
    merchant.click("button[name=action][value=save]")  # held in the browser: nothing was sent
    assert merchant.locator(".flash").count() == 0
    merchant.set_input_files("input[name=files]", [str(tmp_path / "chat.png")])
    assert warning.is_hidden()
    with merchant.expect_navigation():
        merchant.click("button[name=action][value=save]")
    assert merchant.locator(".flash-info").count() == 1, merchant.inner_text("main")[:800]
    assert merchant.locator("text=chat.png").count() >= 1
