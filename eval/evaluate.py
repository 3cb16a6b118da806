"""Precision and recall per category on the labelled evaluation set.

    .venv/bin/python eval/evaluate.py [--min-confidence 0.0] [--verbose]

Each line of eval/messages.jsonl is one merchant message with the categories a
reviewer should flag. A category is predicted when any flag of it reaches the
confidence threshold. Prints a table, then (with --verbose) every miss and
every false flag.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from backoffice.detection.lexicon import CATEGORIES  # noqa: E402
from backoffice.detection.scanner import Scanner  # noqa: E402

DATA = Path(__file__).with_name("messages.jsonl")


def evaluate(rows: list[dict], scanner: Scanner, min_conf: float = 0.0):
    tp, fp, fn = Counter(), Counter(), Counter()
    errors = []
    for row in rows:
        hits = [h for h in scanner.hits(row["text"]) if h.confidence >= min_conf]
        pred, gold = {h.category for h in hits}, set(row["labels"])
        for c in pred & gold:
            tp[c] += 1
        for c in pred - gold:
            fp[c] += 1
            errors.append(("false flag", c, row, hits))
        for c in gold - pred:
            fn[c] += 1
            errors.append(("miss", c, row, hits))
    return tp, fp, fn, errors


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-confidence", type=float, default=0.0)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    tp, fp, fn, errors = evaluate(rows, Scanner(), args.min_confidence)
    clean = sum(1 for r in rows if not r["labels"])
    print(f"{len(rows)} messages ({len(rows) - clean} with violations, {clean} harmless look-alikes); "
          f"min confidence {args.min_confidence}")
    print(f"{'category':20} {'support':>7} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>9} {'recall':>7}")
    for c in CATEGORIES:
        p = tp[c] / (tp[c] + fp[c]) if tp[c] + fp[c] else 1.0
        r = tp[c] / (tp[c] + fn[c]) if tp[c] + fn[c] else 1.0
        print(f"{c:20} {tp[c] + fn[c]:>7} {tp[c]:>4} {fp[c]:>4} {fn[c]:>4} {p:>9.3f} {r:>7.3f}")
    T, F, N = sum(tp.values()), sum(fp.values()), sum(fn.values())
    print(f"{'all':20} {T + N:>7} {T:>4} {F:>4} {N:>4} {T / max(1, T + F):>9.3f} {T / max(1, T + N):>7.3f}")
    if args.verbose:
        for kind, cat, row, hits in errors:
            found = ", ".join(f"{h.category}:{h.term}:{h.matched!r}" for h in hits) or "-"
            print(f"{kind:10} {cat:18} [{row['technique']}] {row['text']!r} -> {found}")


if __name__ == "__main__":
    main()
