"""Batch scanning gives exactly the per-message hits, on one core and on two."""

import gc
import json
from pathlib import Path

import pytest

from backoffice.detection import default_scanner
from backoffice.detection.batch import BatchScanner
from backoffice.detection.normalize import Views

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


@pytest.mark.parametrize("running", [True, False])
def test_a_batch_scan_pauses_the_garbage_collector_and_leaves_it_as_it_was(running, monkeypatch):
    sc = default_scanner()
    seen = []
    real = sc.hits_views
    monkeypatch.setattr(sc, "hits_views", lambda v: seen.append(gc.isenabled()) or real(v))
    (gc.enable if running else gc.disable)()
    try:
        assert sc.scan_texts(["加我薇信abc123", "好的"]) == [(0, real(Views("加我薇信abc123")))]
        assert seen == [False]  # paused during the pass
        assert gc.isenabled() is running
        monkeypatch.setattr(sc, "hits_views", lambda v: 1 / 0)
        with pytest.raises(ZeroDivisionError):
            sc.scan_texts(["加我薇信abc123"])
        assert gc.isenabled() is running  # also when the pass fails
    finally:
        gc.enable()
