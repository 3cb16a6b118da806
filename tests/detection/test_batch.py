"""Batch scanning gives exactly the per-message hits, on one core and on two."""

import json
from pathlib import Path

from backoffice.detection import default_scanner
from backoffice.detection.batch import BatchScanner

EVAL = Path(__file__).resolve().parents[2] / "eval" / "messages.jsonl"


def _texts():
    rows = [json.loads(x) for x in EVAL.read_text(encoding="utf-8").splitlines() if x.strip()]
    return [r["text"] for r in rows] + ["", "\x1f weird", "好的"]


def test_scan_texts_equals_per_message_hits():
    sc = default_scanner()
    texts = _texts()
    expected = [(i, sc.hits(t)) for i, t in enumerate(texts) if sc.hits(t)]
    assert sc.scan_texts(texts) == expected
    assert len(expected) > 200


def test_pool_returns_only_flagged_in_order():
    sc = default_scanner()
    texts = _texts()
    with BatchScanner(2, chunk=50) as pool:
        got = pool.scan(texts)
    assert got == sc.scan_texts(texts)
