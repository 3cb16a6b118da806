"""Bulk ingestion benchmark: conversations into PostgreSQL through ``ingest_many``.

    .venv/bin/python bench/ingest_bench.py [--messages 100000] [--chunk 200] [--profile FILE]

Uses its own database (``bench_ingest`` on the local server, or --url): the schema is dropped,
recreated and migrated first, as tests/dbsetup.py does. Generates deterministic conversations
(seeded): realistic Chinese buyer/merchant chat of about 20 messages each on ZBJ, Taobao and
Pinduoduo; about 6% carry a merchant violation (the evasions of bench/scan_bench.py), about
1% a customer report, and some Pinduoduo merchants answer late (negative service). Each chunk of
conversations is ingested with ``ingest_many`` (a savepoint per conversation) and committed, as
``flask ingest`` does. Reports messages per second over the ingestion only (generation excluded),
and the rate of the first and last tenth of the run (does it slow down as tables grow?).
Writes bench/results/ingest.txt (one block per size; a rerun replaces its block).
"""

from __future__ import annotations

import argparse
import cProfile
import platform
import random
import re
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from scan_bench import CHAT, VIOLATIONS, _fill  # noqa: E402

from tests import dbsetup  # noqa: E402

SEED = 20261122
DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/bench_ingest"
SHANGHAI = timezone(timedelta(hours=8))
BUYER = [
    "你好，在吗？", "这个{item}还有货吗？", "能便宜点吗，预算{price}左右", "大概什么时候能交付？",
    "好的，那我先下单了", "订单号{order}，帮我看下", "收到了，谢谢", "可以再改一版吗？", "颜色再深一点",
    "发票能开吗？", "什么时候发货呀", "好的好的", "我再考虑一下", "有没有案例可以看看？",
]
PLATFORMS = ("zbj",) * 5 + ("taobao",) * 3 + ("pdd",) * 2


def make_conversations(n_messages: int, seed: int = SEED):
    """Yield conversations until about ``n_messages`` messages have been produced."""
    r = random.Random(seed)  # noqa: S311 - a reproducible corpus, not secrets
    merchants = [(f"bm-{i}", r.choice(PLATFORMS)) for i in range(max(50, n_messages // 400))]
    start = datetime(2026, 3, 2, 9, 0, tzinfo=SHANGHAI)
    made = k = 0
    while made < n_messages:
        merchant, plat = r.choice(merchants)
        size = min(r.randint(14, 26), n_messages - made)
        t = start + timedelta(days=r.randint(0, 60), minutes=r.randint(0, 12 * 60))
        slow = plat == "pdd" and r.random() < 0.1
        violate_at = r.randrange(size) if r.random() < 0.06 else -1
        messages = []
        for j in range(size):
            role = "customer" if j % 2 == 0 else "merchant"
            if role == "merchant" and j == violate_at | 1:
                text = _fill(r.choice(VIOLATIONS), r)
            else:
                text = _fill(r.choice(BUYER if role == "customer" else CHAT), r)
            t += timedelta(seconds=r.randint(240, 900) if slow and role == "merchant" else r.randint(10, 150))
            messages.append({"external_id": f"{k}-{j}", "sender_role": role, "sent_at": t.isoformat(),
                             "text": text})
        conv = {"platform": plat, "external_id": f"bc-{k}",
                "channel": r.choice(("im", "im", "enterprise_wechat")),
                "merchant": {"external_id": merchant, "name": f"商家{merchant}"},
                "customer": {"external_id": f"bu-{r.randint(1, 10**6)}", "name": "买家"},
                "messages": messages}
        if r.random() < 0.01:
            reason = r.choice(("offsite_contact", "abuse", "other"))
            conv["reports"] = [{"reporter_role": "customer", "reason": reason, "text": "商家让我私下交易",
                                "reported_at": (t + timedelta(hours=1)).isoformat()}]
        yield conv
        made += size
        k += 1


def prepare(url: str):
    dbsetup.ensure_database(url)
    dbsetup.reset_schema(url)
    dbsetup.migrate(url)
    from backoffice import create_app
    from backoffice.detection.scanner import default_scanner

    default_scanner()  # built once per process (lexicons, automaton); not part of the ingestion rate
    return create_app({"DATABASE_URL": url, "SECRET_KEY": "bench-secret-key-0123456789"})


def run(app, n_messages: int, chunk: int) -> dict:
    from backoffice.audit.operations import Actor
    from backoffice.extensions import db
    from backoffice.ingest.batch import ingest_many

    actor = Actor(None, "cli")
    totals = {"conversations": 0, "messages": 0, "flags": 0, "cases": 0, "rejected": 0}
    marks: list[tuple[int, float]] = [(0, 0.0)]  # (messages, seconds) after each chunk
    elapsed = 0.0
    source = make_conversations(n_messages)
    with app.app_context():
        while True:
            batch = [c for _, c in zip(range(chunk), source, strict=False)]
            if not batch:
                break
            t0 = time.perf_counter()
            outcome = ingest_many(actor, enumerate(batch))
            db.session.commit()
            elapsed += time.perf_counter() - t0
            db.session.expunge_all()
            for _, result in outcome.accepted:
                totals["conversations"] += 1
                totals["messages"] += result.new_messages
                totals["flags"] += result.flags
                totals["cases"] += len(result.cases_opened)
            totals["rejected"] += len(outcome.rejected)
            marks.append((totals["messages"], elapsed))
            print(f"\r{totals['messages']:>9,} messages  {totals['messages'] / elapsed:8,.0f} msg/s",
                  end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
    totals["seconds"] = elapsed
    tenth = max(1, len(marks) // 10)
    (m0, s0), (m1, s1) = marks[0], marks[tenth]
    (m2, s2), (m3, s3) = marks[-1 - tenth], marks[-1]
    totals["first_tenth"] = (m1 - m0) / (s1 - s0)
    totals["last_tenth"] = (m3 - m2) / (s3 - s2)
    return totals


def write(n: int, chunk: int, url: str, t: dict) -> Path:
    rate = t["messages"] / t["seconds"]
    block = "\n".join([
        f"## {n:,} messages",
        f"python {platform.python_version()}, {platform.machine()}, database {url.rsplit('@', 1)[-1]}",
        f"chunk {chunk} conversations per commit, one savepoint per conversation, seed {SEED}",
        f"ingested {t['conversations']:,} conversations, {t['messages']:,} messages, {t['flags']:,} flags, "
        f"{t['cases']:,} cases, {t['rejected']} rejected, in {t['seconds']:.1f} s",
        f"rate: {rate:,.0f} messages/s ({t['conversations'] / t['seconds']:,.0f} conversations/s); "
        f"first tenth {t['first_tenth']:,.0f} msg/s, last tenth {t['last_tenth']:,.0f} msg/s",
        f"1,000,000 messages at this rate: {1_000_000 / rate / 60:.1f} min",
    ])
    out = ROOT / "bench" / "results" / "ingest.txt"
    header = ("Bulk ingestion benchmark (bench/ingest_bench.py): "
              "conversations into PostgreSQL via ingest_many\n")
    old = out.read_text(encoding="utf-8") if out.exists() else header
    blocks = [b for b in re.split(r"\n(?=## )", old)[1:] if not b.startswith(f"## {n:,} messages")]
    blocks = sorted([*blocks, block], key=lambda b: int(b.split()[1].replace(",", "")))
    out.write_text(header + "\n" + "\n\n".join(b.strip() for b in blocks) + "\n", encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--chunk", type=int, default=200, help="conversations per commit")
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--profile", help="write a cProfile of the run to this file")
    args = parser.parse_args()
    app = prepare(args.url)
    if args.profile:
        profiler = cProfile.Profile()
        totals = profiler.runcall(run, app, args.messages, args.chunk)
        profiler.dump_stats(args.profile)
        print(f"profile in {args.profile}; results not written (profiling slows the run)")
        return
    else:
        totals = run(app, args.messages, args.chunk)
    out = write(args.messages, args.chunk, args.url, totals)
    print(out.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
