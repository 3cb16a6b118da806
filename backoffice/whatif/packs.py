"""A changed pack from text (validated by the policy loader), and what changed against the pack in use."""

from __future__ import annotations

import difflib
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from backoffice.policy import load_pack
from backoffice.policy.measures import describe
from backoffice.policy.schema import Pack, Rule
from backoffice.rulefiles import RuleFileError

#: A pack file is a few dozen kilobytes; refuse anything far larger before parsing it.
MAX_PACK_BYTES = 512 * 1024


def pack_from_text(text: str, name: str = "pack.yaml") -> Pack:
    """Validate pack YAML with the same loader and schema as rules/packs; errors name ``name``."""
    if len(text.encode("utf-8")) > MAX_PACK_BYTES:
        raise RuleFileError.one(name, None, f"the pack is larger than {MAX_PACK_BYTES // 1024} KB")
    # The loader reads files (it is the one place that parses rule YAML), so hand it one.
    with tempfile.TemporaryDirectory(prefix="whatif-") as tmp:
        path = Path(tmp) / "pack.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            return load_pack(path)
        except RuleFileError as exc:
            raise RuleFileError(name, exc.problems) from None


@dataclass(frozen=True)
class RuleChange:
    code: str
    what: str  # "added", "removed", or the changed item, e.g. "ladder.general.2", "window_days"
    before: str  # in English, for the command line
    after: str
    #: The item itself on each side (measures, days, flags), for a page to word in its own language.
    old: Any = None
    new: Any = None


def rule_changes(current: Pack | None, changed: Pack) -> list[RuleChange]:
    """The numbers and texts that differ, rule by rule (ladders compared rung by rung)."""
    old = {r.code: r for r in current.rules} if current is not None else {}
    new = {r.code: r for r in changed.rules}
    changes: list[RuleChange] = []
    for code in [*old, *(c for c in new if c not in old)]:
        if code not in new:
            changes.append(RuleChange(code, "removed", old[code].title_en, ""))
        elif code not in old:
            changes.append(RuleChange(code, "added", "", new[code].title_en))
        else:
            items = _rule_items(old[code], new[code])
            changes += [RuleChange(code, what, a, b, *raw) for what, a, b, *raw in items if a != b]
    return changes


def _rule_items(a: Rule, b: Rule) -> list[tuple]:
    """(item, before, after, before as data, after as data) for every item compared."""
    def window(r: Rule) -> str:
        return "all time" if r.window_days is None else f"{r.window_days} days"

    def check(r: Rule) -> int:  # 0: none; otherwise its number of days
        return r.self_check_days if r.self_check else 0

    items = [
        ("window_days", window(a), window(b), a.window_days, b.window_days),
        ("severities", ", ".join(a.severities), ", ".join(b.severities), a.severities, b.severities),
        ("self_check", _check(a), _check(b), check(a), check(b)),
        ("exam_learning", str(a.exam_learning).lower(), str(b.exam_learning).lower(), a.exam_learning, b.exam_learning),
        ("automatic", _automatic(a), _automatic(b), a.automatic, b.automatic),
        ("source.text.zh", a.source.text.zh, b.source.text.zh, a.source.text.zh, b.source.text.zh),
        ("source.text.en", a.source.text.en, b.source.text.en, a.source.text.en, b.source.text.en),
    ]
    for severity in dict.fromkeys([*a.severities, *b.severities]):
        rungs_a, rungs_b = a.ladder.get(severity, ()), b.ladder.get(severity, ())
        for n in range(max(len(rungs_a), len(rungs_b))):
            items.append((f"ladder.{severity}.{n + 1}", _rung(rungs_a, n), _rung(rungs_b, n),
                          rungs_a[n].measures if n < len(rungs_a) else None,
                          rungs_b[n].measures if n < len(rungs_b) else None))
    return items


def _rung(rungs, n: int) -> str:
    return " + ".join(describe(x) for x in rungs[n].measures) if n < len(rungs) else ""


def _check(r: Rule) -> str:
    return f"yes ({r.self_check_days} day{'s' if r.self_check_days > 1 else ''})" if r.self_check else "no"


def _automatic(r: Rule) -> str:
    return ", ".join(f"{x.at}: {describe(x.measure)}" for x in r.automatic)


def text_diff(current: str, changed: str, *, context: int = 2, limit: int = 400) -> list[str]:
    """A unified diff of the pack texts, cut to ``limit`` lines."""
    lines = list(difflib.unified_diff(current.splitlines(), changed.splitlines(), "in use", "changed",
                                      n=context, lineterm=""))
    return lines[:limit] + (["…"] if len(lines) > limit else [])
