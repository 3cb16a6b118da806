"""Review workspace benchmark: queue page, case page and claim-next at a million cases on PostgreSQL.

    .venv/bin/python bench/review_bench.py [--cases 1000000] [--messages 10000000] [--reload]
                                           [--repeat 200] [--claims 5000] [--clients 16] [--skip-claims]

1. Builds the dedicated database ``bench_review`` the way tests/dbsetup.py does (ensure_database,
   reset_schema, migrate to head), creates 16 bench reviewers, then loads the data set of
   bench/review_gen.py with COPY and runs ANALYZE. The sizes, seed and migration head are written into
   the database's COMMENT; a later run with the same sizes skips the load (``--reload`` forces it) and
   only upgrades the schema to the current head.
2. Times requests through the real Flask app in-process (test client, a logged-in reviewer,
   time.perf_counter around each request, including the test client's own overhead): the queue's first
   page (GET /cases), a deep page (the keyset cursor ~200 pages down), and GET /cases/<id> of the open
   case on the 500-message conversation. Facet counts are cached for 10 s: the queue is measured with
   the cache warm and cold (the cache is cleared before each cold request).
3. claim-next under N concurrent clients: N threads spread over --workers processes (a web server's worker
   processes, each with its own app and connection pool), each thread a reviewer who calls
   backoffice.cases.claims.claim_next and commit until --claims claims are made (or 20 s pass); claims/s
   is reported, and every case must have been claimed once (checked in the results, in the cases
   table and in the audit events). The claimed cases are put back and the benchmark's audit events
   (the tail of the chain) removed afterwards, so runs are repeatable.
4. Writes bench/results/review.txt.

Set BENCH_REVIEW_URL to use another server or database name (never the ``test`` databases).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import platform
import pstats
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import psycopg  # noqa: E402
import review_gen  # noqa: E402
import sqlalchemy as sa  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from tests.dbsetup import ensure_database, migrate, reset_schema  # noqa: E402

URL = os.environ.get("BENCH_REVIEW_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/bench_review")
PASSWORD = "bench-review-password-2026"  # noqa: S105 - throwaway accounts of a benchmark database
N_REVIEWERS = 16
RESULTS = ROOT / "bench" / "results" / "review.txt"
OUT: list[str] = []


def say(line: str = "") -> None:
    print(line, flush=True)
    OUT.append(line)


def libpq_url(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def head_revision() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    return ScriptDirectory.from_config(cfg).get_current_head()


def marker(cases: int, messages: int) -> str:
    return f"review_bench cases={cases} messages={messages} seed={review_gen.SEED}"


def current_marker(url: str) -> str:
    with psycopg.connect(libpq_url(url)) as conn:
        return conn.execute("SELECT coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database "
                            "WHERE datname = current_database()").fetchone()[0]


def make_app(url: str):
    from backoffice import create_app

    return create_app({
        "DATABASE_URL": url, "SECRET_KEY": "bench-secret-key-0123456789", "WTF_CSRF_ENABLED": False,
        # one pool large enough for the concurrent clients (a deployment has one pool per worker)
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True, "pool_size": N_REVIEWERS + 4, "max_overflow": 4},
    })


def create_reviewers(url: str) -> list[int]:
    from backoffice.accounts.models import Role, User
    from backoffice.accounts.operations import create_user
    from backoffice.audit.operations import Actor
    from backoffice.extensions import db

    app = make_app(url)
    with app.app_context():
        ids = []
        for k in range(1, N_REVIEWERS + 1):
            login = f"bench-r{k:02d}"
            user = db.session.scalar(sa.select(User).where(User.login == login))
            if user is None:
                user = create_user(Actor(None, "cli"), login=login, role=Role.reviewer, password=PASSWORD)
            ids.append(user.id)
        db.session.commit()
        db.engine.dispose()
    return ids


def prepare(url: str, cases: int, messages: int, reload: bool) -> None:
    ensure_database(url)
    want = marker(cases, messages)
    have = current_marker(url)
    if have.startswith(want) and not reload:
        say(f"data set already loaded ({have}); upgrading schema to head {head_revision()} if needed")
        migrate(url)
        return
    say(f"loading {cases:,} cases / {messages:,} messages into {make_url(url).database}")
    t0 = time.perf_counter()
    reset_schema(url)
    migrate(url)
    ids = create_reviewers(url)
    say(f"  schema + users       {time.perf_counter() - t0:7.1f} s")
    lay = review_gen.Layout.of(cases, messages)
    with psycopg.connect(libpq_url(url)) as conn:
        info = review_gen.load(conn, lay, ids, log=say)
        conn.autocommit = True
        conn.execute(f"COMMENT ON DATABASE \"{make_url(url).database}\" IS "
                     f"'{want} big_case={info['big_case']} load_s={info['load_seconds']:.0f}'")
    say(f"  load rate            {(cases + messages) / info['load_seconds']:,.0f} case+message rows/s")


def data_summary(url: str) -> dict:
    with psycopg.connect(libpq_url(url)) as conn:
        q = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        summary = {t: q(f"SELECT reltuples::bigint FROM pg_class WHERE relname = '{t}'")
                   for t in ("merchants", "conversations", "messages", "cases", "flags", "reports",
                             "penalty_decisions")}
        summary["cases"] = q("SELECT count(*) FROM cases")
        summary["backlog"] = q("SELECT count(*) FROM cases WHERE status IN "
                               "('open','in_review','on_hold','escalated','awaiting_approval')")
        summary["open"] = q("SELECT count(*) FROM cases WHERE status = 'open'")
        summary["big_case"] = int(current_marker(url).split("big_case=")[1].split()[0])
        summary["big_messages"] = q(f"SELECT count(*) FROM messages WHERE conversation_id = "
                                    f"(SELECT conversation_id FROM cases WHERE id = {summary['big_case']})")
        summary["db_size"] = q("SELECT pg_size_pretty(pg_database_size(current_database()))")
        summary["pg"] = q("SHOW server_version")
        summary["shared_buffers"] = q("SHOW shared_buffers")
    return summary


def stats(samples: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    return f"median {statistics.median(ms):7.2f} ms  p95 {p95:7.2f} ms  (n={len(ms)})"


def time_get(client, path: str, repeat: int, before=None) -> list[float]:
    samples = []
    for _ in range(repeat):
        if before:
            before()
        t0 = time.perf_counter()
        resp = client.get(path)
        samples.append(time.perf_counter() - t0)
        if resp.status_code != 200:
            raise SystemExit(f"GET {path} -> {resp.status_code}\n{resp.get_data(as_text=True)[:2000]}")
    return samples


def deep_cursor(app, user_id: int, pages: int) -> str:
    from backoffice.cases.queries import QueueFilter, queue_page
    from backoffice.extensions import db

    with app.app_context():
        flt = QueueFilter()
        for _ in range(pages):
            page = queue_page(flt, user_id)
            flt.after = page.next_cursor
            if not page.next_cursor:
                break
        db.session.remove()
    return flt.after


def bench_pages(url: str, summary: dict, repeat: int, profile: bool) -> None:
    from urllib.parse import quote

    from backoffice.cases import queries

    app = make_app(url)
    client = app.test_client()
    resp = client.post("/login", data={"login": "bench-r01", "password": PASSWORD})
    assert resp.status_code in (302, 303), resp.status_code
    with app.app_context():
        from backoffice.accounts.models import User
        from backoffice.extensions import db

        uid = db.session.scalar(sa.select(User.id).where(User.login == "bench-r01"))
    cursor = deep_cursor(app, uid, 200)
    deep = f"/cases?after={quote(cursor)}"
    big = f"/cases/{summary['big_case']}"
    clear = queries._COUNT_CACHE.clear

    for path in ("/cases", deep, big):  # warm the connection pool, caches and templates
        time_get(client, path, 3)
    say("")
    say(f"server time, in-process through the Flask test client, {repeat} requests each:")
    results = [
        ("queue first page, counts cached", "/cases", None),
        ("queue first page, counts cold  ", "/cases", clear),
        ("queue deep page (200 pages), cached", deep, None),
        ("queue deep page (200 pages), cold  ", deep, clear),
        (f"case page, {summary['big_messages']} messages", big, None),
    ]
    for label, path, before in results:
        say(f"  {label:<38} {stats(time_get(client, path, repeat, before))}")
    say(f"  (deep cursor: {cursor})")
    if profile:
        for label, path, before in results:
            prof = cProfile.Profile()
            for _ in range(20):
                if before:
                    before()
                prof.enable()
                client.get(path)
                prof.disable()
            buf = io.StringIO()
            pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(25)
            print(f"\n===== profile: {label} (20 requests) =====\n{buf.getvalue()}")


def backend_cpu(pid: int) -> float:
    """CPU seconds a PostgreSQL backend on this machine has used (user + system)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _claim_client(app, k: int, start, stop, counter, results) -> None:
    """One reviewer clicking "next case" as fast as the server answers."""
    from backoffice.accounts.models import User
    from backoffice.audit.operations import Actor
    from backoffice.cases.claims import claim_next
    from backoffice.extensions import db

    claimed: list[int] = []
    errors: list[str] = []
    with app.app_context():
        user = db.session.scalar(sa.select(User).where(User.login == f"bench-r{k + 1:02d}"))
        actor, user_id = Actor(user, "web"), user.id
        backend = db.session.scalar(sa.text("SELECT pg_backend_pid()"))
        db.session.commit()
        start.wait()
        server = backend_cpu(backend)
        while not stop.is_set():
            try:
                case = claim_next(actor, user)
                case_id = case.id if case else None
                db.session.commit()
            except Exception as exc:  # noqa: BLE001
                db.session.rollback()
                errors.append(f"{type(exc).__name__}: {exc}")
                continue
            if case_id is None:
                stop.set()
                break
            claimed.append(case_id)
            with counter.get_lock():
                counter.value += 1
        server = backend_cpu(backend) - server
        db.session.remove()
    results.put(("client", user_id, claimed, errors, server))


def _claim_process(url: str, ks: list[int], start, stop, counter, results) -> None:
    """One server worker process (its own app and pool) serving some of the clients on threads."""
    import threading

    app = make_app(url)
    cpu = time.process_time()
    threads = [threading.Thread(target=_claim_client, args=(app, k, start, stop, counter, results)) for k in ks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.put(("process", time.process_time() - cpu))
    with app.app_context():
        from backoffice.extensions import db

        db.engine.dispose()


def bench_claims(url: str, total: int, clients: int, seconds: float, workers: int) -> float:
    import multiprocessing as mp

    load_before = os.getloadavg()[0]
    keeper = psycopg.connect(libpq_url(url), autocommit=True)
    keeper.execute("CREATE TEMP TABLE claim_snapshot AS SELECT id, status, claimed_by_id, claim_expires_at, "
                   "version FROM cases WHERE status IN ('open', 'in_review')")
    audit_start = keeper.execute("SELECT coalesce(max(id), 0) FROM audit_events").fetchone()[0]

    ctx = mp.get_context("fork")
    start, stop = ctx.Barrier(clients + 1), ctx.Event()
    counter, results = ctx.Value("l", 0), ctx.Queue()
    procs = [ctx.Process(target=_claim_process, args=(url, list(range(w, clients, workers)), start, stop, counter,
                                                       results)) for w in range(workers)]
    for proc in procs:
        proc.start()
    start.wait()
    t0 = time.perf_counter()
    while not stop.is_set() and counter.value < total and time.perf_counter() - t0 < seconds:
        time.sleep(0.005)
    stop.set()
    elapsed = time.perf_counter() - t0
    messages = [results.get() for _ in range(clients + workers)]
    for proc in procs:
        proc.join()
    outcomes = [m[1:] for m in messages if m[0] == "client"]
    claimed = [(case_id, user_id) for user_id, ids, _, _ in outcomes for case_id in ids]
    errors = [e for _, _, errs, _ in outcomes for e in errs]
    client_cpu = sum(m[1] for m in messages if m[0] == "process")
    server_cpu = sum(o[3] for o in outcomes)
    ids = [c for c, _ in claimed]
    dupes = len(ids) - len(set(ids))
    holder = dict(claimed)
    with keeper.cursor() as cur:
        rows = cur.execute("SELECT id, status, claimed_by_id FROM cases WHERE id = ANY(%s)", (ids,)).fetchall()
        wrong = [r for r in rows if r[1] != "in_review" or r[2] != holder[r[0]]]
        audit = cur.execute("SELECT subject_id, count(*) FROM audit_events WHERE id > %s AND action = 'case.claim' "
                            "GROUP BY subject_id", (audit_start,)).fetchall()
        unsealed = cur.execute("SELECT count(*) FROM audit_events WHERE id > %s AND seq IS NULL",
                               (audit_start,)).fetchone()[0]
    audit_dupes = sum(1 for _, n in audit if n > 1)
    audit_missing = len(set(ids) - {int(s) for s, _ in audit})
    say("")
    say(f"claim-next, {clients} concurrent clients served by {workers} worker processes "
        f"({clients // workers} threads each, one app and pool per process, as a web server's workers):")
    n = max(len(ids), 1)
    per_claim = (client_cpu + server_cpu) / n
    say(f"  {len(ids):,} claims in {elapsed:.2f} s = {len(ids) / elapsed:,.0f} claims/s"
        f"  (load average before/after: {load_before:.2f} / {os.getloadavg()[0]:.2f})")
    say(f"  CPU per claim: {client_cpu / n * 1000:.2f} ms in the clients + {server_cpu / n * 1000:.2f} ms in their "
        f"PostgreSQL backends = {per_claim * 1000:.2f} ms; on {os.cpu_count()} idle cores that allows at most "
        f"{os.cpu_count() / per_claim:,.0f} claims/s")
    say(f"  double claims: {dupes} in results, {audit_dupes} in audit events, {len(wrong)} cases not held by "
        f"their claimant, {audit_missing} claims without audit event, {len(errors)} errors, "
        f"{unsealed} audit events left unsealed")
    if errors:
        say(f"  first error: {errors[0]}")

    # put the queue back the way it was and drop the benchmark's tail of the audit chain
    with keeper.transaction():
        # audit_events has an append-only trigger; replica mode lets the benchmark trim its own tail
        keeper.execute("SET LOCAL session_replication_role = replica")
        keeper.execute("UPDATE cases c SET status = s.status, claimed_by_id = s.claimed_by_id, "
                       "claim_expires_at = s.claim_expires_at, version = s.version FROM claim_snapshot s "
                       "WHERE c.id = s.id AND c.status IS DISTINCT FROM s.status OR c.id = s.id AND "
                       "c.claimed_by_id IS DISTINCT FROM s.claimed_by_id")
        keeper.execute("DELETE FROM audit_events WHERE id > %s", (audit_start,))
    # As autovacuum would: the restore rewrote thousands of rows, and until their pages are marked
    # all-visible again the queue's counts cannot be answered from the index alone.
    keeper.execute("VACUUM ANALYZE cases")
    keeper.close()
    return len(ids) / elapsed


def hardware() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, Python {platform.python_version()}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=1_000_000)
    ap.add_argument("--messages", type=int, default=10_000_000)
    ap.add_argument("--reload", action="store_true", help="drop and load the data set even if present")
    ap.add_argument("--repeat", type=int, default=200, help="requests per page measurement")
    ap.add_argument("--claims", type=int, default=5000)
    ap.add_argument("--clients", type=int, default=N_REVIEWERS)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2,
                    help="server worker processes serving the clients (default: one per core)")
    ap.add_argument("--claim-runs", type=int, default=3, help="repeat the claim run; the median is reported")
    ap.add_argument("--seconds", type=float, default=20.0, help="time limit of the claim run")
    ap.add_argument("--skip-pages", action="store_true")
    ap.add_argument("--skip-claims", action="store_true")
    ap.add_argument("--load-only", action="store_true")
    ap.add_argument("--profile", action="store_true", help="cProfile each page (printed, not saved)")
    ap.add_argument("--no-save", action="store_true", help="do not write bench/results/review.txt")
    args = ap.parse_args()
    if make_url(URL).database in ("test",) or (make_url(URL).database or "").startswith("test_"):
        raise SystemExit("refusing to use a test database")

    say(f"review benchmark · {time.strftime('%Y-%m-%d %H:%M')} · {hardware()}")
    prepare(URL, args.cases, args.messages, args.reload)
    if args.load_only:
        return
    s = data_summary(URL)
    say(f"PostgreSQL {s['pg']} (shared_buffers {s['shared_buffers']}, default server settings), "
        f"database {make_url(URL).database}: {s['db_size']}")
    say(f"data: {s['cases']:,} cases ({s['backlog']:,} in the backlog, {s['open']:,} open), "
        f"{s['messages']:,} messages, {s['conversations']:,} conversations, {s['merchants']:,} merchants, "
        f"{s['flags']:,} flags, {s['reports']:,} reports, {s['penalty_decisions']:,} penalty decisions")
    say(f"migration head: {head_revision()}; git: "
        + subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                         text=True).stdout.strip())
    if not args.skip_pages:
        bench_pages(URL, s, args.repeat, args.profile)
    if not args.skip_claims:
        rates = [bench_claims(URL, args.claims, args.clients, args.seconds, args.workers)
                 for _ in range(args.claim_runs)]
        if len(rates) > 1:
            say("")
            say(f"claim-next over {len(rates)} runs: median {statistics.median(rates):,.0f} claims/s "
                f"(runs: {', '.join(f'{r:,.0f}' for r in rates)})")
    if not args.no_save:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text("\n".join(OUT) + "\n", encoding="utf-8")
        print(f"\nwritten to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
