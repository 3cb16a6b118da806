"""Ruling PDFs: one ruling cold and warm with WeasyPrint, Chromium's print-to-PDF of the same HTML,
and a bulk export of many rulings with Pool(2). Writes bench/results/pdf.txt.

    .venv/bin/python bench/pdf_bench.py [--rulings 1000] [--warm 20] [--cold 3]

The data set (merchants, chats, decided cases) is built once into a SQLite file under the system
temporary folder and reused by later runs.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import functools
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results" / "pdf.txt"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# The CLI's print needs this; the DevTools print has no header or footer by default, and this flag
# makes its renderer crash ("Render process gone").
CLI_ONLY_FLAGS = ["--no-pdf-header-footer"]


def build(app, n: int) -> None:
    """``n`` rulings: one ZBJ merchant each (first offences, so no four-eyes approval)."""
    import sqlalchemy as sa

    from backoffice.accounts.models import Role
    from backoffice.accounts.operations import create_user
    from backoffice.audit.operations import Actor
    from backoffice.cases import claims, decisions
    from backoffice.cases.models import CaseDecision, Verdict
    from backoffice.db import db, utcnow
    from backoffice.ingest.operations import ingest

    have = db.session.scalar(sa.select(sa.func.count()).select_from(CaseDecision))
    if have >= n:
        return
    cli = Actor(None, "cli")
    from backoffice.accounts.models import User

    reviewer = db.session.scalar(sa.select(User).filter_by(login="bench-reviewer")) or create_user(
        cli, login="bench-reviewer", role=Role.reviewer, password="bench-password-123")  # noqa: S106
    db.session.commit()
    actor = Actor(reviewer, "cli")
    start = utcnow() - timedelta(hours=2)
    for i in range(have, n):
        texts = [("customer", "你好，logo设计多少钱？我的电话 13812345678"),
                 ("merchant", f"平台上不方便发太多图，加个薇信吧，vx：design_{i:05d}，我发您完整作品集。"),
                 ("customer", "好的，我加一下。"), ("merchant", "图太多了，微信上聊方便点，价格也可以给您优惠。")]
        payload = {"platform": "zbj", "external_id": f"bench-{i}", "channel": "im",
                   "merchant": {"external_id": f"bench-m-{i}", "name": f"重庆山城品牌设计工作室{i}"},
                   "customer": {"external_id": f"bench-u-{i}", "name": "王女士"},
                   "messages": [{"external_id": f"m{j}", "sender_role": r, "text": t,
                                 "sent_at": (start + timedelta(minutes=j)).isoformat()}
                                for j, (r, t) in enumerate(texts, 1)]}
        result = ingest(cli, payload)
        db.session.commit()
        from backoffice.cases.models import Case

        case = db.session.get(Case, result.cases_opened[0])
        claims.claim(actor, case, reviewer)
        decisions.decide(actor, case, decisions.DecisionInput(
            verdict=Verdict.violation, rule_code="zbj.offsite_contact", severity="general",
            rationale="商家在会话中主动发送个人微信号并引导客户添加，属于引导脱离平台沟通。"),
            expected_version=case.version)
        db.session.commit()
        db.session.expire_all()
        if (i + 1) % 100 == 0:
            print(f"  built {i + 1}/{n} rulings", flush=True)


def inline_css(html: str, compact_fonts: bool = True) -> str:
    """The same document for a browser: the ruling stylesheet (which WeasyPrint gets pre-parsed) inlined
    first in the head, its asset: URLs (the compact fonts) turned into file: URLs; or without the
    compact fonts, so that the browser takes the system's full Noto CJK as before they existed."""
    css = (ROOT / "static" / "css" / "ruling-pdf.css").read_text()
    css = css.replace("url(asset:", f"url({(ROOT / 'static').as_uri()}/")
    if not compact_fonts:
        css = re.sub(r"@font-face \{[^}]*\}", "", css)
    return html.replace("<head>", f"<head>\n<style>{css}</style>", 1)


BLOCK = 5


def warm_rounds(renderers: dict, total: int) -> dict[str, list[float]]:
    """Each renderer ``total`` times, in blocks of ``BLOCK`` taken in turn, so that a change in the
    machine's load falls on all of them alike (renders of one engine back to back, never interleaved
    one by one: the browser's work after a print would land on the next WeasyPrint render)."""
    times: dict[str, list[float]] = {name: [] for name in renderers}
    while any(len(t) < total for t in times.values()):
        for name, render in renderers.items():
            for _ in range(min(BLOCK, total - len(times[name]))):
                t = time.perf_counter()
                render()
                times[name].append(time.perf_counter() - t)
    return times


COLD = """
import sys, time
t = time.perf_counter()
sys.path.insert(0, {root!r})
from backoffice.rulings.pdf import html_to_pdf
html = open({path!r}, encoding="utf-8").read()
open({out!r}, "wb").write(html_to_pdf(html))
"""


def cold_weasyprint(html_path: Path, out: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", COLD.format(root=str(ROOT), path=str(html_path), out=str(out))],
                       check=True)
        times.append(time.perf_counter() - t)
    return times


def chromium_cli(html_path: Path, out: Path, runs: int, profile: Path) -> list[float]:
    times = []
    for _ in range(runs + 1):  # the first run creates the profile; not counted
        t = time.perf_counter()
        command = [CHROMIUM, *CHROMIUM_FLAGS, *CLI_ONLY_FLAGS, f"--user-data-dir={profile}",
                   f"--print-to-pdf={out}", html_path.as_uri()]
        subprocess.run(command, check=True, capture_output=True, timeout=120)
        times.append(time.perf_counter() - t)
    return times[1:]


class Browser:
    """One persistent headless Chromium driven over the DevTools protocol on a loopback WebSocket.

    (``--remote-debugging-pipe`` gets no answer from Debian's /usr/bin/chromium, a shell wrapper.)
    """

    def __init__(self, profile: Path) -> None:
        from websockets.sync.client import connect

        shutil.rmtree(profile, ignore_errors=True)  # a profile left by an earlier run may still be locked
        self.proc = subprocess.Popen(
            [CHROMIUM, *CHROMIUM_FLAGS, "--remote-debugging-port=0", f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        ws_url = self._devtools_url()
        self.connection = contextlib.ExitStack()
        self.socket = self.connection.enter_context(connect(ws_url, max_size=None, open_timeout=60))
        self.next_id = 0
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable", session=True)

    def _devtools_url(self) -> str:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = self.proc.stderr.readline()
            if not line and self.proc.poll() is not None:
                raise RuntimeError(f"chromium exited with {self.proc.returncode}")
            if line.startswith("DevTools listening on "):
                # Keep draining stderr so that a full pipe never blocks the browser.
                threading.Thread(target=self.proc.stderr.read, daemon=True).start()
                return line.split(" on ", 1)[1].strip()
        raise RuntimeError("chromium printed no DevTools address within 60 s")

    def call(self, method: str, params: dict | None = None, session: bool = False, wait_event: str | None = None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        self.socket.send(json.dumps(message))
        result, event_seen = None, wait_event is None
        while result is None or not event_seen:
            reply = json.loads(self.socket.recv(timeout=60))
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(reply["error"])
                result = reply["result"]
            elif wait_event and reply.get("method") == wait_event:
                event_seen = True
        return result

    def print_pdf(self, url: str) -> bytes:
        self.call("Page.navigate", {"url": url}, session=True, wait_event="Page.loadEventFired")
        data = self.call("Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True}, session=True)
        return base64.b64decode(data["data"])

    def close(self) -> None:
        self.connection.close()
        self.proc.kill()
        self.proc.wait()


def pages(path: Path) -> str:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=False).stdout
    return next((line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")), "?")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rulings", type=int, default=1000)
    parser.add_argument("--warm", type=int, default=20)
    parser.add_argument("--cold", type=int, default=3)
    args = parser.parse_args()

    work = Path(tempfile.gettempdir()) / "backoffice-pdf-bench"
    work.mkdir(exist_ok=True)
    db_path = work / "bench.sqlite3"
    from tests import dbsetup

    dbsetup.migrate(f"sqlite:///{db_path}")  # creates the file, or brings a kept one up to date
    from backoffice import create_app

    app = create_app({"DATABASE_URL": f"sqlite:///{db_path}", "SECRET_KEY": "bench-secret-key-0123456789"})
    lines = [f"# bench/pdf_bench.py — {time.strftime('%Y-%m-%d %H:%M')} on {platform.node()}",
             f"# {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start (machine shared with others)",
             f"# Python {platform.python_version()}, Chromium: {CHROMIUM}"]
    with app.app_context():
        t = time.perf_counter()
        build(app, args.rulings)
        print(f"data set ready in {time.perf_counter() - t:.1f} s", flush=True)
        from backoffice.rulings.queries import get_ruling
        from backoffice.rulings.render import ruling_html

        t = time.perf_counter()
        document = ruling_html(get_ruling(1), "zh")
        html_time = time.perf_counter() - t
        weasy_path = work / "ruling-weasyprint.html"  # what WeasyPrint gets (its stylesheet comes pre-parsed)
        weasy_path.write_text(document.html, encoding="utf-8")
        html_path = work / "ruling.html"  # the same for a browser: stylesheet inlined, same fonts
        html_path.write_text(inline_css(document.html), encoding="utf-8")
        system_fonts_path = work / "ruling-system-fonts.html"  # and with the system's full Noto instead
        system_fonts_path.write_text(inline_css(document.html, compact_fonts=False), encoding="utf-8")

        cold = cold_weasyprint(weasy_path, work / "cold.pdf", args.cold)
        from backoffice.rulings.pdf import html_to_pdf

        data = html_to_pdf(document.html)  # warm-up: fonts loaded, FontConfiguration filled
        (work / "weasyprint.pdf").write_bytes(data)
        renderers = {"weasyprint": lambda: html_to_pdf(document.html)}
        profile = work / "chromium-profile"
        chrome_cold = chromium_cli(html_path, work / "chromium.pdf", args.cold, profile) if CHROMIUM else []
        browser = None
        if CHROMIUM:
            try:
                browser = Browser(work / "chromium-profile-warm")
                for name, path in (("chromium", html_path), ("chromium-system-fonts", system_fonts_path)):
                    (work / f"{name}-warm.pdf").write_bytes(browser.print_pdf(path.as_uri()))  # warm-up
                    renderers[name] = functools.partial(browser.print_pdf, path.as_uri())
            except Exception as exc:  # noqa: BLE001 - the warm browser is optional
                lines.append(f"# warm Chromium unavailable: {exc}")
        warm = warm_rounds(renderers, args.warm)
        if browser:
            browser.close()

        from backoffice.rulings.export import ExportFilter, ruling_ids, run_export
        from backoffice.timeutil import to_platform_tz

        first_day = to_platform_tz(get_ruling(1).decided_at).date() - timedelta(days=1)
        flt = ExportFilter(first_day)
        count = len(ruling_ids(flt))
        out = work / "export.zip"
        for leftover in (out, out.with_name(out.name + ".parts")):
            shutil.rmtree(leftover, ignore_errors=True) if leftover.is_dir() else leftover.unlink(missing_ok=True)
        t = time.perf_counter()
        run_export(flt, out, processes=2)
        export_time = time.perf_counter() - t

    med = statistics.median
    wp_warm, wp_cold = med(warm["weasyprint"]), med(cold)
    lines += [
        "",
        f"document: ruling {document.number}, zh, {pages(work / 'weasyprint.pdf')} pages, "
        f"{len(data) // 1024} KB (WeasyPrint); HTML built from the database in {html_time * 1000:.0f} ms",
        f"WeasyPrint cold (new process: interpreter, import, render), median of {args.cold}: {wp_cold:.2f} s "
        f"({', '.join(f'{x:.2f}' for x in cold)})",
        f"warm, one process / one persistent browser, {args.warm} renders each in blocks of {BLOCK} taken in turn:",
    ]
    for name, times in warm.items():
        pdf_file = work / ("weasyprint.pdf" if name == "weasyprint" else f"{name}-warm.pdf")
        lines.append(f"  {name:22s} median {med(times):.3f} s (min {min(times):.3f}, max {max(times):.3f}); "
                     f"{pages(pdf_file)} pages, {pdf_file.stat().st_size // 1024} KB")
    for name in ("chromium", "chromium-system-fonts"):
        if name in warm:
            goal = " (goal <= 0.6)" if name == "chromium" else ""
            lines.append(f"ratio warm WeasyPrint / warm {name}: {wp_warm / med(warm[name]):.2f}{goal}")
    if chrome_cold:
        lines.append(f"Chromium CLI print-to-PDF, cold (new browser per document), median of {args.cold}: "
                     f"{med(chrome_cold):.2f} s ({', '.join(f'{x:.2f}' for x in chrome_cold)}); "
                     f"ratio warm WeasyPrint / Chromium CLI: {wp_warm / med(chrome_cold):.2f}")
    lines.append(f"bulk export, Pool(2) long-lived workers: {count} rulings in {export_time:.1f} s = "
                 f"{count / export_time:.2f} rulings/s (goal >= 5), ZIP {out.stat().st_size // (1024 * 1024)} MB")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
