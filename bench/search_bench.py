"""Staff search benchmark on PostgreSQL: /search through the Flask app over a million messages.

    .venv/bin/python bench/search_bench.py [--cases 100000] [--messages 1000000] [--reload] [--repeat 20]

1. Builds the database ``bench_search`` with bench/review_gen.py's data set (through review_bench's
   prepare: migrations to head, COPY, so the trigram indexes of migration 05755663072a are maintained
   during the load), then makes the text varied: review_gen writes ~30 chat lines and 6 flagged ones,
   so every query would match nothing or a tenth of all messages. A third of the messages get an order
   number of their own, one in 50 a phone number, one in 200 a WeChat id; each shop gets a phone and a
   WeChat handle (merchant_handles). ANALYZE afterwards.
2. Times GET /search?q=… in-process (the Flask test client, signed in as a reviewer, as review_bench
   does) for queries of each kind: a number seen once, a phone number in full and masked, a WeChat id,
   a Chinese phrase of the flagged lines (~1 % of the messages), two-character words (no trigram: the
   index cannot narrow them, so only the open cases' messages are read), part of a shop name, a case
   number. Each row says how many messages the query's text matches and the plan's access path for
   messages (EXPLAIN).
3. Writes bench/results/search.txt.

Set BENCH_SEARCH_URL to use another server or database name (never the ``test`` databases).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import psycopg  # noqa: E402
import review_bench as rb  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

URL = os.environ.get("BENCH_SEARCH_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/bench_search")
RESULTS = ROOT / "bench" / "results" / "search.txt"
VARIED = "search_bench varied=1"


def vary(url: str) -> None:
    """Give messages and shops text of their own (idempotent: marked in the database's comment)."""
    with psycopg.connect(rb.libpq_url(url), autocommit=True) as conn:
        comment = rb.current_marker(url)
        if VARIED in comment:
            return
        t0 = time.perf_counter()
        conn.execute("UPDATE messages SET text = text || ' 订单' "
                     "|| lpad((id::bigint * 7919 % 1000000007)::text, 10, '0') WHERE id % 3 = 0")
        conn.execute("UPDATE messages SET text = text || ' 电话 139' "
                     "|| lpad((id::bigint * 104729 % 100000000)::text, 8, '0') WHERE id % 50 = 1")
        conn.execute("UPDATE messages SET text = text || ' 加微信 wx' || to_hex(id::bigint * 2654435761 % 4294967296) "
                     "WHERE id % 200 = 7")
        conn.execute("INSERT INTO merchant_handles (merchant_id, kind, value, first_seen_at) "
                     "SELECT id, 'phone', '138' || lpad((id::bigint * 7919 % 100000000)::text, 8, '0'), now() "
                     "FROM merchants "
                     "UNION ALL SELECT id, 'wechat', 'shop_' || to_hex(id::bigint * 40503), now() FROM merchants")
        conn.execute("VACUUM ANALYZE messages")
        conn.execute("ANALYZE merchant_handles")
        conn.execute(f"COMMENT ON DATABASE \"{make_url(url).database}\" IS '{comment} {VARIED}'")
        rb.say(f"  varied text + handles {time.perf_counter() - t0:7.1f} s")


def queries(url: str) -> list[tuple[str, str]]:
    """(label, query) pairs drawn from the loaded data."""
    with psycopg.connect(rb.libpq_url(url)) as conn:
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        order = one("SELECT substring(text from '订单([0-9]{10})') FROM messages WHERE id = 30000")
        phone = one("SELECT substring(text from '139[0-9]{8}') FROM messages WHERE id = 50001")
        wechat = one("SELECT substring(text from 'wx[0-9a-f]+') FROM messages WHERE id = 20007")
        handle = one("SELECT value FROM merchant_handles WHERE kind = 'phone' ORDER BY id LIMIT 1 OFFSET 500")
        shop = one("SELECT substring(name from 2 for 5) FROM merchants ORDER BY id LIMIT 1 OFFSET 700")
        case = one("SELECT id FROM cases ORDER BY id LIMIT 1 OFFSET 4242")
    return [
        ("order number seen once", order),
        ("phone number in a message", phone),
        ("shop's phone, masked", f"{handle[:3]}****{handle[-4:]}"),
        ("shop's phone, last 4 digits + more", handle[-6:]),
        ("WeChat id in a message", wechat),
        ("phrase of a flagged line", "私下交易"),
        ("two characters, common (no trigram)", "微信"),
        ("two characters, in no message", "罕见"),
        ("part of a shop name", shop),
        ("case number", f"#{case}"),
    ]


def explain_messages(url: str, q: str) -> tuple[int, str]:
    """How many messages the text matches, and how the plan reads messages for it."""
    from backoffice.search.queries import TRIGRAM, _like

    with psycopg.connect(rb.libpq_url(url)) as conn:
        n = conn.execute("SELECT count(*) FROM messages WHERE text ILIKE %s", (_like(q),)).fetchone()[0]
        if len(q) >= TRIGRAM:
            sql = ("EXPLAIN SELECT c.id, m.id FROM messages m JOIN cases c ON c.conversation_id = m.conversation_id "
                   "WHERE m.text ILIKE %s LIMIT 300")
        else:  # the open cases only, one conversation after another (search.queries._message_hits)
            sql = ("EXPLAIN SELECT c.id, f.id FROM cases c JOIN LATERAL (SELECT id FROM messages m WHERE "
                   "m.conversation_id = c.conversation_id AND m.text ILIKE %s OFFSET 0) f ON true WHERE c.status IN "
                   "('open', 'in_review', 'on_hold', 'escalated', 'awaiting_approval') LIMIT 300")
        plan = [r[0] for r in conn.execute(sql, (_like(q),))]
    scans = [m.group(0) for p in plan
             if (m := re.search(r"(Seq Scan|Bitmap Heap Scan|Index Scan using \w+) on messages", p))]
    index = [m.group(1) for p in plan if (m := re.search(r"Bitmap Index Scan on (ix_messages\w+)", p))]
    return n, (scans[0] if scans else "?") + (f" ({index[0]})" if index else "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--messages", type=int, default=1_000_000)
    ap.add_argument("--reload", action="store_true", help="drop and load the data set even if present")
    ap.add_argument("--repeat", type=int, default=20, help="requests per query")
    ap.add_argument("--no-save", action="store_true", help="do not write bench/results/search.txt")
    args = ap.parse_args()
    name = make_url(URL).database or ""
    if name == "test" or name.startswith("test_"):
        raise SystemExit("refusing to use a test database")

    rb.say(f"search benchmark · {time.strftime('%Y-%m-%d %H:%M')} · {rb.hardware()}")
    rb.prepare(URL, args.cases, args.messages, args.reload)
    vary(URL)
    s = rb.data_summary(URL)
    rb.say(f"PostgreSQL {s['pg']} (shared_buffers {s['shared_buffers']}, default server settings), "
           f"database {name}: {s['db_size']}")
    rb.say(f"data: {s['cases']:,} cases, {s['messages']:,} messages, {s['merchants']:,} merchants "
           f"(two handles each); git "
           + subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip())
    app = rb.make_app(URL)
    client = app.test_client()
    assert client.post("/login", data={"login": "bench-r01", "password": rb.PASSWORD}).status_code in (302, 303)
    rb.say("")
    rb.say(f"GET /search?q=…, server time in-process through the Flask test client, {args.repeat} requests each "
           f"(load average before: {os.getloadavg()[0]:.2f}; the machine is shared, so these are upper bounds):")
    for label, q in queries(URL):
        path = f"/search?q={quote(q)}"
        rb.time_get(client, path, 2)  # warm
        samples = rb.time_get(client, path, args.repeat)
        n, scan = explain_messages(URL, q)
        rb.say(f"  {label:<36} {q!r:<16} {rb.stats(samples)}  text matches {n:>7,}  messages: {scan}")
    rb.say(f"  (load average after: {os.getloadavg()[0]:.2f})")
    with app.app_context():
        from backoffice.extensions import db

        db.engine.dispose()
    if not args.no_save:
        RESULTS.write_text("\n".join(rb.OUT) + "\n", encoding="utf-8")
        print(f"\nwritten to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
