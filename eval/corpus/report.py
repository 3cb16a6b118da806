"""Precision and recall of the detector on the development corpus, per split, category and technique.

    .venv/bin/python eval/corpus/report.py [--split test] [--rules-only] [--out bench/results/detection.md]
                                           [--threshold 0.5] [--family w1-] [--verbose]

Runs every row through the product's own path (``scan_conversation`` with the shipped model and
the review threshold), a single message as a one-message conversation. A category counts as
predicted when any flag of it is raised. Conversations count as right when the set of flagged
categories equals the labelled set. Hard-negative kinds report their false-alarm rate.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from backoffice.detection import model as model_mod  # noqa: E402
from backoffice.detection.conversation import scan_conversation  # noqa: E402
from backoffice.detection.model import CATEGORIES  # noqa: E402
from backoffice.detection.scanner import Scanner  # noqa: E402

SPLITS = ("train", "dev", "test")


def _read(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def predict(conv: dict, scanner, model, threshold: float, min_score: float = 0.0) -> set[str]:
    review = dict.fromkeys(CATEGORIES, threshold)
    flags = scan_conversation(conv, "zbj", scanner=scanner, model=model, review=review)
    return {f.category for f in flags if f.category in CATEGORIES
            and (f.score if f.score is not None else f.confidence) >= min_score}


def message_metrics(rows: list[dict], preds: list[set[str]]) -> dict:
    tp, fp, fn = Counter(), Counter(), Counter()
    tech_n, tech_hit = Counter(), Counter()
    for row, pred in zip(rows, preds, strict=True):
        gold = set(row["labels"])
        for c in pred & gold:
            tp[c] += 1
        for c in pred - gold:
            fp[c] += 1
        for c in gold - pred:
            fn[c] += 1
        tech_n[(row["group"], row["technique"])] += 1
        if gold:
            tech_hit[(row["group"], row["technique"])] += bool(gold & pred)
        else:
            tech_hit[(row["group"], row["technique"])] += bool(pred)
    # message level: a violation is caught when any of its categories is flagged; a flag on a
    # harmless message is a false alarm (the figures are per message)
    pos = [(set(r["labels"]), p) for r, p in zip(rows, preds, strict=True)]
    caught = sum(1 for g, p in pos if g and g & p)
    flagged = sum(1 for g, p in pos if p)
    right_flags = sum(1 for g, p in pos if p and g and p <= g)
    any_right = sum(1 for g, p in pos if p and g)
    return {"any_right": any_right, "tp": tp, "fp": fp, "fn": fn, "tech_n": tech_n, "tech_hit": tech_hit,
            "violations": sum(1 for g, _ in pos if g), "caught": caught, "flagged": flagged,
            "right_flags": right_flags, "n": len(rows)}


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def render(name: str, m: dict, conv: tuple[int, int] | None) -> list[str]:
    lines = [f"### {name}: {m['n']} messages, {m['violations']} violations", ""]
    rec = _ratio(m["caught"], m["violations"])
    prec = _ratio(m["right_flags"], m["flagged"])
    lines.append(f"- messages: recall **{rec:.3f}**, precision **{prec:.3f}** "
                 f"({m['caught']}/{m['violations']} caught, {m['flagged'] - m['right_flags']} wrong of "
                 f"{m['flagged']} flagged; a flag counts as right when all its categories are)")
    lines.append(f"- any violation (category aside): precision **{_ratio(m['any_right'], m['flagged']):.3f}**, "
                 f"false alarms on harmless messages {m['flagged'] - m['any_right']} of {m['n'] - m['violations']}")
    if m.get("auto"):
        for cat, (right, n) in m["auto"].items():
            lines.append(f"- at the automatic threshold, {cat}: {right}/{n} right = **{_ratio(right, n):.3f}**")
    if conv:
        lines.append(f"- conversations right: **{conv[0]}/{conv[1]} = {_ratio(*conv):.3f}**")
    lines += ["", "| category | support | TP | FP | FN | precision | recall |", "|---|---:|---:|---:|---:|---:|---:|"]
    for c in CATEGORIES:
        tp, fp, fn = m["tp"][c], m["fp"][c], m["fn"][c]
        lines.append(f"| {c} | {tp + fn} | {tp} | {fp} | {fn} | {_ratio(tp, tp + fp):.3f} | {_ratio(tp, tp + fn):.3f} |")
    lines += ["", "| group | technique or kind | rows | recall / false-alarm rate |", "|---|---|---:|---:|"]
    for (group, tech), n in sorted(m["tech_n"].items()):
        rate = m["tech_hit"][(group, tech)] / n
        flag = ""
        if group == "violation" and rate < 0.8:
            flag = " ⚠"
        if group != "violation" and rate > 0.05:
            flag = " ⚠"
        lines.append(f"| {group} | {tech} | {n} | {rate:.3f}{flag} |")
    return lines + [""]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=SPLITS, action="append")
    ap.add_argument("--rules-only", action="store_true")
    ap.add_argument("--threshold", type=float, default=0.45, help="review threshold (the packs use 0.45)")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--model", type=Path, help="model directory (default: rules/models)")
    ap.add_argument("--automatic", type=float, default=0.97, help="automatic threshold to check (the packs use 0.97)")
    ap.add_argument("--family", action="append", metavar="PREFIX",
                    help="only the families whose id starts with PREFIX (e.g. one writer's: w1-)")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    scanner = Scanner()
    mdl = None if args.rules_only else model_mod.load(args.model)
    msgs, convs = _read(HERE / "messages.jsonl"), _read(HERE / "conversations.jsonl")
    if args.family:
        prefixes = tuple(args.family)
        msgs = [m for m in msgs if m["family"].startswith(prefixes)]
        convs = [c for c in convs if c["family"].startswith(prefixes)]
    title = "rules only" if mdl is None else f"rules + model {mdl.version}"
    out = [f"## Detector on the development corpus: {title}, review threshold {args.threshold}", ""]
    for split in args.split or SPLITS:
        rows = [r for r in msgs if r["split"] == split]
        preds = [predict({"messages": [{"sender_role": "merchant", "text": r["text"]}]}, scanner, mdl,
                         args.threshold) for r in rows]
        cs = [c for c in convs if c["split"] == split]
        right = 0
        for c in cs:
            p = predict(c, scanner, mdl, args.threshold)
            right += p == set(c["labels"])
            if args.verbose and p != set(c["labels"]):
                print(f"CONV {c['id']} [{c['technique']}] gold={c['labels']} pred={sorted(p)}", file=sys.stderr)
        metrics = message_metrics(rows, preds)
        if mdl is not None:
            sure = [predict({"messages": [{"sender_role": "merchant", "text": r["text"]}]}, scanner, mdl,
                            args.threshold, args.automatic) for r in rows]
            metrics["auto"] = {c: (sum(1 for r, p in zip(rows, sure, strict=True) if c in p and c in r["labels"]),
                                   sum(1 for p in sure if c in p)) for c in CATEGORIES}
        out += render(split, metrics, (right, len(cs)) if cs else None)
        if args.verbose:
            for r, p in zip(rows, preds, strict=True):
                if p != set(r["labels"]):
                    print(f"{split} [{r['group']}/{r['technique']}] gold={r['labels']} pred={sorted(p)} "
                          f"{r['text']!r}", file=sys.stderr)
    text = "\n".join(out)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
