"""Choose the review and automatic thresholds per category on the dev split (never on test).

    .venv/bin/python eval/corpus/thresholds.py [--model DIR] [--auto-precision 0.99]

For each category the model knows, prints precision and recall of single messages on dev at a
range of thresholds, and suggests:

- review: the highest threshold that keeps dev recall >= --review-recall (0.92), provided its
  precision is at least the precision at 0.5 - reviewers should see nearly every violation;
- automatic: the lowest threshold whose dev precision is >= --auto-precision (0.99) with at least
  20 flags above it - a measure taken before any person looks must almost never be wrong.

The chosen values go into the rule packs' ``detection:`` sections by hand, with the date.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from backoffice.detection import model  # noqa: E402
from backoffice.detection.combine import decide, floors  # noqa: E402
from backoffice.detection.scanner import Scanner  # noqa: E402

GRID = [round(x, 2) for x in np.arange(0.05, 1.0, 0.05)] + [0.97, 0.98, 0.99]


def scores(rows: list[dict], mdl: model.Model, scanner: Scanner) -> tuple[np.ndarray, list[set[str]]]:
    texts = [r["text"] for r in rows]
    hits = [scanner.hits(t) for t in texts]
    return mdl.probabilities(texts, [model.rule_features(h) for h in hits]), hits


def review_table(rows: list[dict], p: np.ndarray, rule_cats: list[set[str]], cats) -> None:
    """Single messages through the product's decision (``combine.decide``) at one review threshold."""
    print("\nreview threshold (all categories): message recall, precision (category right), precision (any)")
    gold = [set(r["labels"]) for r in rows]
    for t in GRID:
        preds = [set(decide(pr, {h.category for h in hs}, cats, dict.fromkeys(cats, t), floors(hs)))
                 for pr, hs in zip(p, rule_cats, strict=True)]
        viol = sum(1 for g in gold if g)
        flagged = [(g, x) for g, x in zip(gold, preds, strict=True) if x]
        caught = sum(1 for g, x in zip(gold, preds, strict=True) if g & x)
        right = sum(1 for g, x in flagged if g and x <= g)
        anyp = sum(1 for g, _ in flagged if g)
        print(f"  {t:4.2f}  recall {caught / viol:.3f}  precision {right / max(1, len(flagged)):.3f}  "
              f"any {anyp / max(1, len(flagged)):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path)
    ap.add_argument("--split", default="dev", choices=("train", "dev"))
    ap.add_argument("--auto-precision", type=float, default=0.99)
    ap.add_argument("--review-recall", type=float, default=0.92)
    args = ap.parse_args()
    mdl = model.load(args.model)
    rows = [json.loads(x) for x in (HERE / "messages.jsonl").read_text(encoding="utf-8").splitlines() if x]
    rows = [r for r in rows if r["split"] == args.split]
    p, rule_cats = scores(rows, mdl, Scanner())
    review_table(rows, p, rule_cats, mdl.categories)
    for j, cat in enumerate(mdl.categories):
        y = np.array([cat in r["labels"] for r in rows])
        print(f"\n{cat}: {y.sum()} positives of {len(rows)} ({args.split})")
        table = []
        for t in GRID:
            pred = p[:, j] >= t
            tp = int((pred & y).sum())
            prec = tp / pred.sum() if pred.sum() else 1.0
            rec = tp / y.sum() if y.sum() else 1.0
            table.append((t, prec, rec, int(pred.sum())))
            print(f"  {t:4.2f}  precision {prec:.3f}  recall {rec:.3f}  flagged {int(pred.sum())}")
        base = next(pr for t, pr, _, _ in table if t == 0.5)
        review = max((t for t, pr, rc, _ in table if rc >= args.review_recall and pr >= base), default=0.5)
        auto = min((t for t, pr, _, n in table if pr >= args.auto_precision and n >= 20), default=None)
        print(f"  suggested review {review}, automatic {auto}")


if __name__ == "__main__":
    main()
