"""The shape of the development corpus: template families, rows and splits.

A *family* is one idea ("add me on WeChat to talk details", "we cannot add WeChat, please stay
on the platform") written several ways by the team. Every row rendered from a family, and every
mechanical evasion applied to it, lands in the family's split, so the test split measures how the
detector does on ideas and phrasings it never saw while being tuned.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

OFFSITE, ADS, ILLEGAL, ABUSE = "offsite_contact", "ads_spam", "illegal_service", "abuse"
LABELS = (OFFSITE, ADS, ILLEGAL, ABUSE)

#: Split shares by family, decided by a hash of the family id (never by looking at the rows).
SPLITS = (("train", 60), ("dev", 20), ("test", 20))
SALT = "backoffice-corpus-2026-12"


@dataclass(frozen=True)
class Family:
    """One idea, several rewrites.

    ``labels``: the categories a reviewer flags ([] for a hard negative or ordinary chat).
    ``technique``: the evasion technique (violations) or the hard-negative kind the texts show.
    ``texts``: the rewrites; ``{slot}`` placeholders are filled by ``slots.render``.
    ``transforms``: mechanical evasions (``techniques.TRANSFORMS``) that may be applied to the
    rewrites; each transformed row carries that transform as its technique.
    """

    id: str
    labels: tuple[str, ...]
    technique: str
    texts: tuple[str, ...]
    transforms: tuple[str, ...] = ()

    @property
    def group(self) -> str:
        if self.labels:
            return "violation"
        return "clean" if self.technique == "ordinary chat" else "hard_negative"


def F(id: str, labels, technique: str, texts, transforms=()) -> Family:  # noqa: N802 - data shorthand
    """Shorthand for the family files: ``F("wx-ask", [OFFSITE], "plain", [...], ["reversed"])``."""
    return Family(id, tuple(sorted(labels)), technique, tuple(texts), tuple(transforms))


def split_of(family_id: str) -> str:
    """train / dev / test for a family id, by a salted hash (stable, independent of the rows)."""
    h = int.from_bytes(hashlib.sha256(f"{SALT}:{family_id}".encode()).digest()[:4], "big") % 100
    acc = 0
    for name, share in SPLITS:
        acc += share
        if h < acc:
            return name
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class Conversation:
    """A short chat. ``labels``: the categories a reviewer flags for the merchant's messages.

    ``messages``: (sender_role, text) pairs in order; times are added by the builder. Texts may
    use slots. Conversations form their own families (``family``), split the same way.
    """

    id: str
    family: str
    labels: tuple[str, ...]
    technique: str
    messages: tuple[tuple[str, str], ...]


def C(id: str, family: str, labels, technique: str, messages) -> Conversation:  # noqa: N802
    return Conversation(id, family, tuple(sorted(labels)), technique, tuple((r, t) for r, t in messages))
