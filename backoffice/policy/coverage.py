"""Every category and routed label the detector raises must go to a rule of each platform (or be
listed as not policed, with why). Checked by ``flask rules check``; pure, no Flask."""

from __future__ import annotations

from collections.abc import Mapping, Set

from .loader import RuleBook
from .schema import CATEGORIES


def uncovered(book: RuleBook, labels: Mapping[str, Set[str]], routed: Mapping[str, Set[str]]) -> list[str]:
    """Problems, one line each: what the detector raises on a platform that no rule of it takes.

    :param labels: category -> every label (lexicon term) the detector can report in it
    :param routed: category -> the labels the lexicons mark ``routed``: each platform must say which
        rule takes them (or that none does), not leave them to their category's rule
    """
    problems = []
    for platform in sorted(book.packs):
        mapping = book.detection_map(platform)
        for key in mapping:
            category, _, label = key.partition("/")
            if label and label not in labels.get(category, ()):
                problems.append(f"{platform}: {key!r} names no {category} term of the lexicons")
        for category in CATEGORIES:
            if category not in mapping:
                problems.append(f"{platform}: no rule takes the detector's category {category!r}; "
                                "add it to a rule's 'detects' or to detection.not_policed")
                continue
            for label in sorted(routed.get(category, ())):
                key = f"{category}/{label}"
                if key not in mapping and mapping[category] is not None:
                    problems.append(f"{platform}: no rule takes the detector's label {key!r}; "
                                    "add it to a rule's 'detects' or to detection.not_policed")
    return problems
