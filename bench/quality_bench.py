"""Service-quality figures benchmark: the managers' report over a large month of chat on PostgreSQL.

    .venv/bin/python bench/quality_bench.py [--shops 500] [--messages 2000000] [--repeat 5]

Builds the dedicated database ``bench_quality`` (reset and migrated to head each run), loads
``--messages`` messages in conversations of 10 messages (customer and shop taking turns, one shop
message in five an auto-reply, waits of 10 s to 10 min) spread over the last 30 platform days and
``--shops`` Pinduoduo shops, a review for one conversation in two and a complaint for one in fifty,
with COPY, runs ANALYZE, counts the summary with ``flask quality rebuild``'s function (timed), then
times, in the same process, the figures as counted before the summary (``tests/quality/reference.py``,
straight from the messages) and ``quality.figures.daily`` (the summary) for 30 days (every shop, one
platform, one shop) and 7 days, checks that both give the same rows, and writes
bench/results/quality.txt with the ratio.

Set BENCH_QUALITY_URL to use another server or database name (never the ``test`` databases).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
import sqlalchemy as sa  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from tests.dbsetup import ensure_database, migrate, reset_schema  # noqa: E402

URL = os.environ.get("BENCH_QUALITY_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/bench_quality")
PER_CONVERSATION = 10


def load(url: str, shops: int, messages: int, now: datetime) -> dict[str, int]:
    rnd = random.Random(20261206)
    conversations = messages // PER_CONVERSATION
    dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn) as conn, conn.cursor() as cur:
        with cur.copy("COPY merchants (id, external_id, platform, name, in_eu, created_at) "
                      "FROM STDIN") as copy:
            for i in range(1, shops + 1):
                copy.write_row((i, f"bench-{i}", "pdd", f"店铺{i:04d}", False, now))
        starts = []
        with cur.copy("COPY conversations (id, platform, external_id, channel, merchant_id, customer_external_id, "
                      "customer_name, created_at) FROM STDIN") as copy:
            for c in range(1, conversations + 1):
                start = now - timedelta(seconds=rnd.randint(3600, 30 * 86400))
                starts.append(start)
                copy.write_row((c, "pdd", f"bc-{c}", "im", rnd.randint(1, shops), f"u{c}", "顾客", start))
        with cur.copy("COPY messages (conversation_id, external_id, sender_role, sent_at, text, attachments, "
                      "is_automated) FROM STDIN") as copy:
            for c, start in enumerate(starts, 1):
                t = start
                for k in range(PER_CONVERSATION):
                    shop = k % 2 == 1
                    copy.write_row((c, str(k), "merchant" if shop else "customer", t, "您好", "[]",
                                    shop and rnd.random() < 0.2))
                    t += timedelta(seconds=rnd.randint(10, 600))
        with cur.copy("COPY service_reviews (conversation_id, external_id, rating, reviewed_at) FROM STDIN") as copy:
            for c in range(1, conversations + 1, 2):
                copy.write_row((c, "r", rnd.choice(("good", "good", "good", "neutral", "bad")), starts[c - 1]))
        with cur.copy("COPY reports (conversation_id, reporter_role, reason, text, reported_at, fingerprint) "
                      "FROM STDIN") as copy:
            for c in range(1, conversations + 1, 50):
                copy.write_row((c, "customer", "negative_service", "", starts[c - 1], "f"))
        conn.commit()
        conn.autocommit = True
        cur.execute("ANALYZE")
    return {"shops": shops, "conversations": conversations, "messages": conversations * PER_CONVERSATION}


def timed(fn, repeat: int) -> tuple[float, float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shops", type=int, default=500)
    parser.add_argument("--messages", type=int, default=2_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    now = datetime.now(UTC).replace(microsecond=0)
    ensure_database(URL)
    reset_schema(URL)
    migrate(URL)
    started = time.perf_counter()
    sizes = load(URL, args.shops, args.messages, now)
    load_s = time.perf_counter() - started

    from backoffice import create_app
    from backoffice.dashboard.metrics import period
    from backoffice.db import db
    from backoffice.merchants.models import Platform
    from backoffice.quality import figures, summary
    from tests.quality import reference

    app = create_app({"DATABASE_URL": URL, "SECRET_KEY": "bench-secret-key-0123456789"})
    lines = [f"quality benchmark · {now:%Y-%m-%d %H:%M} UTC · {os.cpu_count()} cores, "
             f"Python {platform.python_version()}"]
    with app.app_context():
        version = db.session.scalar(sa.text("SELECT version()")).split(",")[0]
        lines.append(f"{version}, database {make_url(URL).database}; loaded in {load_s:.0f} s")
        lines.append("data: {shops:,} shops, {conversations:,} conversations, {messages:,} messages "
                     "over 30 days, one review per 2 conversations, one complaint per 50".format(**sizes))
        started = time.perf_counter()
        rebuilt = summary.rebuild(None)
        db.session.commit()
        lines.append(f"summary rebuilt from every message in {time.perf_counter() - started:.1f} s "
                     f"({rebuilt:,} shop-days)")
        lines.append(f"median and max of {args.repeat} runs: before (direct from the messages) → "
                     "after (figures.daily, the summary)")
        cases = (
            ("30 days, every shop (the managers' report)", 30, {}),
            ("30 days, Pinduoduo only", 30, {"platform": Platform.pdd}),
            ("30 days, one shop (the merchant's page)", 30, {"merchant_id": 1}),
            ("7 days, every shop", 7, {}),
        )
        for label, days, kw in cases:
            p = period(days, now)
            old_median, old_worst, old_rows = timed(lambda p=p, kw=kw: reference.daily(p, now=now, **kw), args.repeat)
            db.session.rollback()
            median, worst, rows = timed(lambda p=p, kw=kw: figures.daily(p, now=now, **kw), args.repeat)
            db.session.rollback()
            asked = sum(r.counts.asked for r in rows)
            same = "same rows" if rows == old_rows else "ROWS DIFFER"
            lines.append(f"  {label}: {len(rows):,} shop-days, {asked:,} inquiries, {same}")
            lines.append(f"    before median {old_median:8.1f} ms  max {old_worst:8.1f} ms")
            lines.append(f"    after  median {median:8.1f} ms  max {worst:8.1f} ms  "
                         f"({old_median / median:,.0f}× faster)")
    text = "\n".join(lines) + "\n"
    print(text)
    (ROOT / "bench" / "results" / "quality.txt").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
