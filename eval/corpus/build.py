"""Build the development corpus: eval/corpus/messages.jsonl and eval/corpus/conversations.jsonl.

    .venv/bin/python eval/corpus/build.py

Every family file in ``families/`` lists template families (``spec.F``), and ``conversations*.py``
the short conversations (``spec.C``); each rewrite is rendered with fresh slot values, and
violation rewrites also get mechanical evasions (``techniques.TRANSFORMS``), each row tagged with
its technique. Hard negatives get only the
neutral transforms (full-width, traditional script, ...) so that a transform alone never
means "violation". Rows inherit the split of their family (``spec.split_of``). Deterministic:
the same files give the same corpus byte for byte, and each family (conversation) draws from a
random stream of its own, so adding one changes no other's rows.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import random
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from corpus import families as families_pkg  # noqa: E402
from corpus.slots import render, values  # noqa: E402
from corpus.spec import Family, split_of  # noqa: E402
from corpus.techniques import NEUTRAL, TRANSFORMS  # noqa: E402

MESSAGES = HERE / "messages.jsonl"
CONVERSATIONS = HERE / "conversations.jsonl"
SEED = 20261206
#: Chance that a rewrite also appears under one mechanical evasion (violations, negatives).
P_TRANSFORM = {"violation": 0.8, "hard_negative": 0.15, "clean": 0.1}


def all_families() -> list[Family]:
    out: list[Family] = []
    for mod in sorted(m.name for m in pkgutil.iter_modules(families_pkg.__path__)):
        out.extend(importlib.import_module(f"corpus.families.{mod}").FAMILIES)
    _check_unique([f.id for f in out], "family")
    return out


def _check_unique(ids: list[str], what: str) -> None:
    """Ids seed the random streams and name the rows: each must be used once."""
    dup = sorted(i for i, n in Counter(ids).items() if n > 1)
    if dup:
        raise SystemExit(f"{what} ids used twice: {dup}")


def _rows_of(family: Family, r: random.Random) -> list[dict]:
    rows, seen = [], set()
    split, group = split_of(family.id), family.group
    names = [t for t in TRANSFORMS if group == "violation" or t in NEUTRAL]
    for k, tpl in enumerate(family.texts):
        copies = 2 if "{" in tpl else 1
        for _ in range(copies):
            text = render(tpl, r)
            variants = [(text, family.technique)]
            if r.random() < P_TRANSFORM[group]:
                for name in r.sample(names, len(names)):
                    out = TRANSFORMS[name](text, r)
                    if out and out != text:
                        variants.append((out, name))
                        break
            for t, technique in variants:
                if t in seen:
                    continue
                seen.add(t)
                rows.append({"id": f"{family.id}/{k}/{len(rows)}", "text": t, "labels": list(family.labels),
                             "technique": technique, "family": family.id, "split": split, "group": group})
    return rows


def build_messages() -> list[dict]:
    # One random stream per family, seeded by its id: a family added or removed anywhere leaves
    # every other family's rows as they were.
    return [row for fam in all_families() for row in _rows_of(fam, random.Random(f"{SEED}:{fam.id}"))]


def build_conversations() -> list[dict]:
    convs = []  # conversations.py first, then each writer's conversations_*.py, in name order
    for path in sorted(HERE.glob("conversations*.py")):
        convs.extend(importlib.import_module(f"corpus.{path.stem}").CONVERSATIONS)
    _check_unique([c.id for c in convs], "conversation")
    out = []
    for c in convs:
        r = random.Random(f"{SEED}:{c.id}")  # per conversation, like the families
        vals = values(r)
        t = datetime(2026, 11, 2, 1, 0, tzinfo=UTC) + timedelta(minutes=r.randint(0, 600))
        messages = []
        for role, text in c.messages:
            t += timedelta(seconds=r.randint(15, 70))
            messages.append({"sender_role": role, "text": text.format(**vals),
                             "sent_at": t.isoformat().replace("+00:00", "Z")})
        out.append({"id": c.id, "platform": "zbj", "messages": messages, "labels": list(c.labels),
                    "technique": c.technique, "family": c.family, "split": split_of(c.family),
                    "group": "violation" if c.labels else "negative"})
    return out


def write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> None:
    msgs, convs = build_messages(), build_conversations()
    write(MESSAGES, msgs)
    write(CONVERSATIONS, convs)
    by_split = {s: sum(1 for m in msgs if m["split"] == s) for s in ("train", "dev", "test")}
    print(f"wrote {len(msgs)} messages {by_split} to {MESSAGES.name}; {len(convs)} conversations to "
          f"{CONVERSATIONS.name}")


if __name__ == "__main__":
    main()
