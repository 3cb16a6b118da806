"""Build eval/messages.jsonl: labelled merchant messages for evaluate.py.

Hand-written sentences, each with the categories a reviewer would flag ([] for
harmless look-alikes) and the technique or trap it exercises. Templates with
{wx}/{phone}/... are filled several times with deterministic values and
evasion renderings, so every technique appears with different numbers.

    .venv/bin/python eval/build_set.py     # rewrites eval/messages.jsonl
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from eval_data import LOOKALIKES, VIOLATIONS

OUT = Path(__file__).with_name("messages.jsonl")
CN = "零幺二三四五六拐八勾"
FULL = {c: chr(ord(c) + 0xFEE0) for c in "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"}
CIRCLED = dict(zip("123456789", "①②③④⑤⑥⑦⑧⑨", strict=True)) | {"0": "⓪"}


def _phone(r: random.Random) -> str:
    return "1" + r.choice("3578") + "".join(r.choice("0123456789") for _ in range(9))


def render(tpl: str, r: random.Random) -> str:
    phone = _phone(r)
    wx = r.choice(["zhang", "lili", "xm", "design", "tom", "chen"]) + r.choice(["_", "", "-"]) + str(
        r.randint(100, 99999)
    )
    qq = str(r.randint(10000, 3999999999))
    values = {
        "phone": phone,
        "phone_dash": f"{phone[:3]}-{phone[3:7]}-{phone[7:]}",
        "phone_space": " ".join(phone),
        "phone_cn": "".join(CN[int(d)] for d in phone),
        "phone_mixed": phone[:3] + "".join(CN[int(d)] for d in phone[3:7]) + phone[7:],
        "phone_full": "".join(FULL[d] for d in phone),
        "phone_circled": "".join(CIRCLED[d] for d in phone),
        "phone_zw": "\u200b".join(phone),
        "wx": wx,
        "wx_full": "".join(FULL.get(c, c) for c in wx),
        "qq": qq,
        "qq_cn": "".join(CN[int(d)] for d in qq),
        "qq_space": " ".join(qq),
        "mail": r.choice(["lisa", "design", "work", "zhang"]) + str(r.randint(1, 999)),
        "dom": r.choice(["shejishi", "logo-pro", "kuaiyin", "myshop", "abcdesign"]),
        "order": "".join(r.choice("0123456789") for _ in range(r.choice((18, 19)))),
        "track": "".join(r.choice("0123456789") for _ in range(13)),
        "price": str(r.randint(50, 20000)),
        "n": str(r.randint(2, 30)),
    }
    return tpl.format(**values)


def build() -> list[dict]:
    r = random.Random(20240611)
    rows = []
    for group, items in (("violation", VIOLATIONS), ("lookalike", LOOKALIKES)):
        for tpl, labels, technique in items:
            copies = 5 if "{" in tpl else 1
            seen = set()
            for _ in range(copies):
                text = render(tpl, r)
                if text in seen:
                    continue
                seen.add(text)
                rows.append({"id": f"e{len(rows) + 1:04d}", "text": text, "labels": sorted(labels),
                             "technique": technique, "group": group})
    return rows


def main() -> None:
    rows = build()
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} messages to {OUT}")


if __name__ == "__main__":
    main()
