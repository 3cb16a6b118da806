"""Split a message into plain and highlighted segments from flag spans (pure)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    text: str
    marked: bool
    rules: tuple[str, ...] = ()
    anchor: str | None = None


def segments(text: str, spans: list[tuple[int, int, str]], anchor_prefix: str) -> list[Segment]:
    """``spans`` are (start, end, rule) on ``text``; overlapping spans merge into one mark."""
    valid = sorted((max(0, s), min(len(text), e), r) for s, e, r in spans if s is not None and e and s < e)
    merged: list[list] = []
    for start, end, rule in valid:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].add(rule)
        else:
            merged.append([start, end, {rule}])
    out, pos = [], 0
    for n, (start, end, rules) in enumerate(merged):
        if start > pos:
            out.append(Segment(text[pos:start], False))
        out.append(Segment(text[start:end], True, tuple(sorted(rules)), f"{anchor_prefix}-{n}"))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:], False))
    return out or [Segment(text, False)]
