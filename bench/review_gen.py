"""Data generator for the review benchmark: merchants, conversations, messages, cases, flags via COPY.

Used by bench/review_bench.py; run that file (``--help``) rather than this one.

Layout (deterministic for a given seed and size):
  * merchants: ``cases / 20`` (50,000 at 1,000,000 cases), each with an opening ledger entry and a balance;
  * conversations: one per case; message counts uniform 1..19 (mean 10), adjusted so the total is exact;
    conversation ``cases // 2`` has exactly 500 messages and an open case (the case-page target); the same
    merchant and customer have a few earlier, closed cases;
  * cases: ~5 % in the backlog (open 80 %, in review 10 % with half the leases expired, on hold 4 %,
    escalated 4 %, awaiting approval 2 %), the rest decided (75 %) or dismissed; priority computed with the
    formula of backoffice.cases.operations.priority from category, confidence, priors, reports and flags;
  * flags: 1-3 detector flags on messages of the conversation (the flagged message's text carries the hit
    at the flag's offsets), plus one report flag and one report row for ~12 % of cases; 25 flags on the
    500-message conversation;
  * penalty decisions for ~20 % of decided cases (the "prior decisions" panel of the case page).
Bulk load uses COPY with ``session_replication_role = replica`` (foreign-key triggers skipped: the
generator keeps references consistent itself) and ``synchronous_commit = off``.
"""

from __future__ import annotations

import random
import time
from array import array
from dataclasses import dataclass

SEED = 20261122
DAY = 86400
NOW = int(time.time()) // 3600 * 3600  # the data set's "now", rounded to the hour

PLATFORMS = ["zbj", "taobao", "pdd", "community"]
PLATFORM_WEIGHTS = [0.25, 0.35, 0.25, 0.15]
RULES = {
    "zbj": [("zbj.ads_spam", "ads_spam"), ("zbj.illegal_service", "illegal_service"),
            ("zbj.offsite_contact", "offsite_contact")],
    "taobao": [("taobao.malicious_harassment", "abuse"), ("taobao.ads_non_sale_listing", "ads_spam"),
               ("taobao.ads_risky_external_site", "ads_spam"), ("taobao.misleading_effect", "prohibited_content"),
               ("taobao.ads_repeated", "ads_spam")],
    "pdd": [("pdd.uncivil_language", "abuse"), ("pdd.offsite_luring", "offsite_contact"),
            ("pdd.negative_service", "negative_service"), ("pdd.prohibited_info", "prohibited_content")],
    "community": [("community.unfriendly", "abuse"), ("community.spam_ads", "ads_spam"),
                  ("community.illegal_info", "illegal_service"), ("community.prohibited_content",
                                                                  "prohibited_content")],
}
CATEGORY_WEIGHT = {"illegal_service": 40, "offsite_contact": 30, "abuse": 30, "ads_spam": 20,
                   "prohibited_content": 20, "negative_service": 10, None: 15}
CHANNELS = ["im", "im", "im", "enterprise_wechat", "privacy_number"]

# status codes in the per-case array
ST = ["open", "in_review", "on_hold", "escalated", "awaiting_approval", "decided", "dismissed"]
OPEN, IN_REVIEW, ON_HOLD, ESCALATED, AWAITING, DECIDED, DISMISSED = range(7)
BACKLOG = {OPEN, IN_REVIEW, ON_HOLD, ESCALATED, AWAITING}

CHAT = [
    "你好，请问这个还有货吗？", "亲，今天下单明天就能发货哦", "好的，我看一下尺寸",
    "订单号20240611123，麻烦帮我查一下物流", "快递单号SF1234567890，已经发出了", "价格是299元，包邮的",
    "这个设计稿第3版我改好了，您看看", "logo的颜色能不能再亮一点？", "可以的，5天内交付",
    "床单四件套现在有6个颜色可选", "您好，月底之前可以完成吗", "好的没问题，稍等我确认一下", "谢谢谢谢，辛苦了😊",
    "能不能便宜一点？预算只有800", "我们团队做过20个小程序项目，案例在店铺里", "已经上传到附件了，请查收",
    "麻烦您确认收货，给个评价吧", "这个方案包含微信小程序和公众号开发", "尺码偏小，建议拍大一码",
    "预计周三发货，请耐心等待", "好的，明白了，我跟设计师沟通一下", "合同已经发给您了，请查看",
    "你们的报价单我看了，还有点贵", "我们支持开发票，需要的话告诉我", "周末也可以沟通的，随时在线",
    "请问您的需求是做海报还是画册？", "初稿大概需要3个工作日", "收到，谢谢老板",
]
# (text, start, end, detector, term): the flagged span is text[start:end]
HITS = [
    ("加我薇信 wx_88231 详聊，价格好说", 2, 4, "contact", "薇信"),
    ("有问题直接打我电话 13812345678", 9, 20, "contact", "phone"),
    ("去 www.example-shop.com 下单便宜", 2, 22, "ads", "url"),
    ("你个煞笔客户，爱买不买", 2, 4, "abuse", "煞笔"),
    ("刷单返利，日结，加扣扣 123456789", 0, 4, "illegal", "刷单"),
    ("私下交易可以便宜点，走支付宝", 0, 4, "contact", "私下交易"),
]
NAMES = ["王先生", "李女士", "张伟", "刘洋", "陈静", "杨帆", "赵敏", "黄磊", "周杰", "吴倩", "徐婷", "孙浩"]
SHOP = ["设计工作室", "家居旗舰店", "服饰专营店", "数码配件店", "母婴用品店", "文创小铺", "茶叶直营店", "软件开发"]


def ts(epoch: int) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S+00", time.gmtime(epoch))


@dataclass
class Layout:
    cases: int
    messages: int
    merchants: int
    big_conv: int
    big_messages: int = 500

    @classmethod
    def of(cls, cases: int, messages: int) -> Layout:
        return cls(cases, messages, max(cases // 20, 10), cases // 2)


class Writer:
    """Buffers COPY text lines and hands them to psycopg in ~1 MB chunks."""

    def __init__(self, copy):
        self.copy, self.buf, self.size, self.rows = copy, [], 0, 0

    def row(self, line: str) -> None:
        self.buf.append(line)
        self.size += len(line)
        self.rows += 1
        if self.size > 1 << 20:
            self.flush()

    def flush(self) -> None:
        if self.buf:
            self.copy.write("".join(self.buf))
            self.buf, self.size = [], 0


def _copy(conn, table: str, columns: str, produce, log) -> int:
    t0 = time.perf_counter()
    with conn.cursor() as cur, cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        w = Writer(copy)
        produce(w)
        w.flush()
    conn.commit()
    dt = time.perf_counter() - t0
    log(f"  {table:<20} {w.rows:>11,} rows {dt:7.1f} s ({w.rows / dt:,.0f} rows/s)")
    return w.rows


def load(conn, lay: Layout, reviewer_ids: list[int], log=print) -> dict:
    """Fill an empty, migrated database. ``conn`` is a psycopg 3 connection (not autocommit)."""
    rnd = random.Random(SEED)
    t_all = time.perf_counter()
    with conn.cursor() as cur:
        cur.execute("SET session_replication_role = replica")
        cur.execute("SET synchronous_commit = off")
        cur.execute("SET maintenance_work_mem = '1GB'")

    # ---- per-entity plans kept in compact arrays -------------------------------------------------
    t0 = time.perf_counter()
    n, nm = lay.cases, lay.merchants
    m_platform = array("b", (rnd.choices(range(4), PLATFORM_WEIGHTS)[0] for _ in range(nm + 1)))
    conv_merchant = array("i", [0]) + array("i", (rnd.randint(1, nm) for _ in range(n)))
    status = array("b", [0]) * (n + 1)
    opened = array("q", [0]) * (n + 1)
    counts = array("i", [0]) + array("i", (rnd.randint(1, 19) for _ in range(n)))
    for i in range(1, n + 1):
        if rnd.random() < 0.05:
            r = rnd.random()
            status[i] = (OPEN if r < .80 else IN_REVIEW if r < .90 else ON_HOLD if r < .94
                         else ESCALATED if r < .98 else AWAITING)
            opened[i] = NOW - rnd.randint(600, 21 * DAY)
        else:
            status[i] = DECIDED if rnd.random() < .75 else DISMISSED
            opened[i] = NOW - rnd.randint(3 * DAY, 365 * DAY)
    big = lay.big_conv
    status[big], opened[big] = OPEN, NOW - 3 * 3600
    # the same merchant and customer had earlier (closed) cases: conversations big-1 .. big-5
    for j in range(1, 6):
        conv_merchant[big - j] = conv_merchant[big]
        status[big - j] = DECIDED if j % 2 else DISMISSED
    counts[big] = lay.big_messages
    # make the message total exact
    diff = lay.messages - sum(counts)
    while diff:
        i = rnd.randint(1, n)
        if i == big:
            continue
        if diff > 0 and counts[i] < 40:
            counts[i] += 1
            diff -= 1
        elif diff < 0 and counts[i] > 1:
            counts[i] -= 1
            diff += 1
    first_msg = array("q", [0]) * (n + 2)
    first_msg[1] = 1
    for i in range(1, n + 1):
        first_msg[i + 1] = first_msg[i] + counts[i]
    customer = array("i", [0]) + array("i", (rnd.randint(1, n // 3 + 1) for _ in range(n)))
    log(f"  plan                 {time.perf_counter() - t0:7.1f} s")

    # ---- merchants, balances, opening ledger entries ---------------------------------------------
    created = ts(NOW - 400 * DAY)

    def merchants(w):
        for m in range(1, nm + 1):
            w.row(f"{m}\tbench-m{m}\t{PLATFORMS[m_platform[m]]}\t{NAMES[m % 12][0]}氏{SHOP[m % 8]}{m}\t{created}\n")

    def balances(w):
        for m in range(1, nm + 1):
            pts = "12" if m_platform[m] == 1 else "\\N"
            w.row(f"{m}\t{pts}\t10000.00\t1\t{created}\n")

    def ledger(w):
        for m in range(1, nm + 1):
            pts = "12" if m_platform[m] == 1 else "\\N"
            w.row(f"{m}\t{m}\topening\t{created}\t{created}\t{pts}\t10000.00\tf\topening balance\n")

    _copy(conn, "merchants", "id, external_id, platform, name, created_at", merchants, log)
    _copy(conn, "merchant_balances", "merchant_id, integrity_points, deposit_balance, entry_count, updated_at",
          balances, log)
    _copy(conn, "ledger_entries", "id, merchant_id, kind, created_at, effective_at, integrity_delta, "
          "deposit_delta, is_provisional, reason", ledger, log)

    # ---- conversations ---------------------------------------------------------------------------
    def conversations(w):
        r = random.Random(SEED + 1)
        for i in range(1, n + 1):
            c = customer[i] if i < big - 5 or i > big else customer[big]
            w.row(f"{i}\t{PLATFORMS[m_platform[conv_merchant[i]]]}\tbench-c{i}\t{r.choice(CHANNELS)}\t"
                  f"{conv_merchant[i]}\tbench-u{c}\t{NAMES[c % 12]}\t{ts(opened[i] - 86400)}\n")

    _copy(conn, "conversations", "id, platform, external_id, channel, merchant_id, customer_external_id, "
          "customer_name, created_at", conversations, log)

    # ---- which messages carry hits: decided per case, needed by messages and flags ---------------
    r = random.Random(SEED + 2)
    # per case: (message index, hit index) pairs packed as k*8+h; case -> slice in hit_pairs
    hit_start = array("q", [0]) * (n + 2)
    hit_pairs = array("q")
    has_report = bytearray(n + 1)
    for i in range(1, n + 1):
        hit_start[i] = len(hit_pairs)
        if i == big:
            ks = sorted(r.sample(range(counts[i]), 25))
        elif r.random() < 0.9:
            ks = sorted(r.sample(range(counts[i]), min(counts[i], r.choice((1, 1, 1, 2, 2, 3)))))
        else:
            ks = []
        for k in ks:
            hit_pairs.append(k * 8 + r.randrange(len(HITS)))
        if not ks or r.random() < 0.05:
            has_report[i] = 1
    hit_start[n + 1] = len(hit_pairs)

    def messages(w):
        rr = random.Random(SEED + 3)
        chat = CHAT
        nchat = len(chat)
        for i in range(1, n + 1):
            base, cnt = first_msg[i], counts[i]
            hits = {p >> 3: HITS[p & 7][0] for p in hit_pairs[hit_start[i]:hit_start[i + 1]]}
            t = opened[i] - 86400
            step = max(1, 80000 // cnt)
            for k in range(cnt):
                text = hits.get(k) or chat[rr.randrange(nchat)]
                w.row(f"{base + k}\t{i}\tx{k}\t{'customer' if k % 2 == 0 else 'merchant'}\t{ts(t + k * step)}\t"
                      f"{text}\t[]\n")

    _copy(conn, "messages", "id, conversation_id, external_id, sender_role, sent_at, text, attachments",
          messages, log)

    # ---- cases, flags, reports, penalty decisions ------------------------------------------------
    r = random.Random(SEED + 4)
    rule_of = array("b", [0]) * (n + 1)
    conf_of = array("b", [0]) * (n + 1)
    rev = reviewer_ids

    def cases(w):
        for i in range(1, n + 1):
            p = m_platform[conv_merchant[i]]
            rules = RULES[PLATFORMS[p]]
            ri = r.randrange(len(rules))
            rule_of[i] = ri
            nh = hit_start[i + 1] - hit_start[i]
            report = has_report[i]
            rule, cat = rules[ri] if nh or r.random() < 0.7 else (None, None)
            if rule is None:
                rule_of[i] = -1
            conf = r.randint(55, 99) if nh else 0
            conf_of[i] = conf
            priors = min(int(r.expovariate(1.0)), 9)
            flags = nh + report
            prio = (CATEGORY_WEIGHT.get(cat, 15) + round(conf / 100 * 20) + min(priors, 5) * 8
                    + min(report, 5) * 10 + min(flags, 10) * 2)
            st = status[i]
            op = opened[i]
            claimed = expires = closed = "\\N"
            if st == IN_REVIEW:
                claimed = str(rev[i % len(rev)])
                expires = ts(NOW - 3600 if i % 2 else NOW + 3600)
            elif st == ON_HOLD:
                claimed = str(rev[i % len(rev)])
            elif st in (DECIDED, DISMISSED):
                closed = ts(op + r.randint(600, 3 * DAY))
            sla = ts(op + 48 * 3600)
            w.row(f"{i}\t{PLATFORMS[p]}\t{conv_merchant[i]}\t{i}\t{rule or chr(92) + 'N'}\t{cat or chr(92) + 'N'}\t"
                  f"{ST[st]}\t{prio}\t{conf / 100}\t{flags}\t{report}\t{'t' if nh else 'f'}\t"
                  f"{'t' if report else 'f'}\t{priors}\t{ts(op)}\t{ts(op)}\t{sla}\t{claimed}\t{expires}\t"
                  f"{closed}\t1\n")

    _copy(conn, "cases", "id, platform, merchant_id, conversation_id, rule_code, category, status, priority, "
          "max_confidence, flag_count, report_count, has_detector, has_report, prior_offences, opened_at, "
          "last_flag_at, sla_due_at, claimed_by_id, claim_expires_at, closed_at, version", cases, log)

    report_flag = {}

    def flags(w):
        fid = 0
        rr = random.Random(SEED + 5)
        for i in range(1, n + 1):
            p = m_platform[conv_merchant[i]]
            rules = RULES[PLATFORMS[p]]
            rule, cat = rules[rule_of[i]] if rule_of[i] >= 0 else (None, None)
            rule_s, cat_s = rule or "\\N", cat or "\\N"
            st = status[i]
            fst = "open" if st in BACKLOG else ("confirmed" if st == DECIDED else "dismissed")
            at = ts(opened[i])
            for pair in hit_pairs[hit_start[i]:hit_start[i + 1]]:
                k, h = pair >> 3, pair & 7
                text, s, e, det, term = HITS[h]
                fid += 1
                conf = (conf_of[i] or 80) / 100 - rr.random() * 0.1
                w.row(f"{fid}\t{i}\t{i}\t{first_msg[i] + k}\tdetector\t{rule_s}\t{cat_s}\t{det}\t{term}\t{s}\t{e}\t"
                      f"{text[s:e]}\ttext\t\\N\t{conf:.2f}\t{fst}\t{at}\n")
            if has_report[i]:
                fid += 1
                report_flag[i] = fid
                w.row(f"{fid}\t{i}\t{i}\t\\N\treport\t{rule_s}\t{cat_s}\treport\t\\N\t\\N\t\\N\t\ttext\t\\N\t1.0\t"
                      f"{fst}\t{at}\n")

    _copy(conn, "flags", 'id, case_id, conversation_id, message_id, source, rule_code, category, detector, term, '
          'start, "end", matched, "where", attachment_index, confidence, status, created_at', flags, log)

    def reports(w):
        text = "商家态度恶劣，要求加微信私下交易"
        for rid, (i, fid) in enumerate(report_flag.items(), start=1):
            w.row(f"{rid}\t{i}\tcustomer\tabuse\t{text}\t{ts(opened[i] - 60)}\tbench-r{i}\t{fid}\n")

    _copy(conn, "reports", "id, conversation_id, reporter_role, reason, text, reported_at, fingerprint, flag_id",
          reports, log)

    def penalties(w):
        pid = 0
        rr = random.Random(SEED + 6)
        offences: dict[int, int] = {}
        for i in range(1, n + 1):
            if status[i] != DECIDED or rule_of[i] < 0 or (rr.random() > 0.2 and not big - 5 <= i < big):
                continue
            m = conv_merchant[i]
            rule = RULES[PLATFORMS[m_platform[m]]][rule_of[i]][0]
            offences[m] = offences.get(m, 0) + 1
            pid += 1
            w.row(f"{pid}\t{m}\t{rule}\tgeneral\t{offences[m]}\tbench\t{{}}\t{ts(opened[i] + DAY)}\tin_force\tf\t\n")

    _copy(conn, "penalty_decisions", "id, merchant_id, rule_code, severity, offence_no, ruleset_version, plan, "
          "decided_at, state, is_correction, end_reason", penalties, log)

    # ---- sequences, statistics -------------------------------------------------------------------
    t0 = time.perf_counter()
    with conn.cursor() as cur:
        for table in ("merchants", "ledger_entries", "conversations", "messages", "cases", "flags", "reports",
                      "penalty_decisions"):
            cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT coalesce(max(id), 1) FROM {table}))")
        cur.execute("RESET session_replication_role")
    conn.commit()
    conn.autocommit = True
    conn.execute("VACUUM (ANALYZE)")  # statistics and the visibility map, as autovacuum would leave them
    conn.autocommit = False
    log(f"  sequences + VACUUM  {time.perf_counter() - t0:7.1f} s")
    total = time.perf_counter() - t_all
    log(f"  total load           {total:7.1f} s")
    return {"big_case": big, "load_seconds": total}
