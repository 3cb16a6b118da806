"""Agreement rates and Cohen's kappa against hand-computed fixtures, and their invariants."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backoffice.calibration.agreement import (
    VERDICTS,
    Judgment,
    Pair,
    cohen_kappa,
    confusion,
    overall,
    rates_by,
)

V, N, I = "violation", "no_violation", "insufficient_evidence"
OFFSITE, ADS = "zbj.offsite_contact", "zbj.ads_spam"


def pair(original: Judgment, second: Judgment, who: str = "ann") -> Pair:
    return Pair(original=original, second=second, original_reviewer=who)


def pairs_of(*spec: tuple[str, str, int]) -> list[Pair]:
    """(original verdict, second verdict, how many) → pairs."""
    return [pair(Judgment(a), Judgment(b)) for a, b, n in spec for _ in range(n)]


@pytest.mark.parametrize(("original", "second", "verdict", "full"), [
    (Judgment(V, OFFSITE, "general"), Judgment(V, OFFSITE, "general"), True, True),
    (Judgment(V, OFFSITE, "general"), Judgment(V, OFFSITE, "serious"), True, False),
    (Judgment(V, OFFSITE, "general"), Judgment(V, ADS, "general"), True, False),
    (Judgment(V, OFFSITE, "general"), Judgment(N), False, False),
    (Judgment(N, OFFSITE), Judgment(N), True, True),  # no rule is compared when nothing was found
    (Judgment(I, OFFSITE), Judgment(I), True, True),
    (Judgment(N, OFFSITE), Judgment(I), False, False),
    (Judgment(V, OFFSITE, None), Judgment(V, OFFSITE, "serious"), True, True),  # no severity recorded
    (Judgment(V, OFFSITE, None), Judgment(V, ADS, "serious"), True, False),
])
def test_verdict_and_full_agreement(original, second, verdict, full):
    p = pair(original, second)
    assert (p.verdict_agrees, p.fully_agrees) == (verdict, full)


def test_rates_per_reviewer_and_rule_match_a_hand_count():
    pairs = [
        Pair(Judgment(V, OFFSITE, "general"), Judgment(V, OFFSITE, "general"), "ann"),
        Pair(Judgment(V, OFFSITE, "general"), Judgment(V, OFFSITE, "serious"), "ann"),
        Pair(Judgment(N, ADS), Judgment(V, ADS, "general"), "ann"),
        Pair(Judgment(N, OFFSITE), Judgment(N), "bob"),
        Pair(Judgment(V, ADS, "serious"), Judgment(V, ADS, "serious"), "bob"),
    ]
    by_reviewer = {r.key: r.row()[1:] for r in rates_by(pairs, lambda p: p.original_reviewer)}
    # ann: 3 reviews, 2 same verdicts, 1 full; bob: 2 reviews, both fully agree.
    assert by_reviewer == {"ann": (3, 2, 0.667, 1, 0.333), "bob": (2, 2, 1.0, 2, 1.0)}
    by_rule = {r.key: r.row()[1:] for r in rates_by(pairs, lambda p: p.rule)}
    # offsite: 3 reviews, 3 same verdicts, 2 full; ads: 2 reviews, 1 same verdict, 1 full.
    assert by_rule == {OFFSITE: (3, 3, 1.0, 2, 0.667), ADS: (2, 1, 0.5, 1, 0.5)}
    assert overall(pairs).row()[1:] == (5, 4, 0.8, 3, 0.6)


@pytest.mark.parametrize(("spec", "kappa"), [
    # The textbook two-category example: po = 0.7, pe = 0.5·0.6 + 0.5·0.4 = 0.5, kappa = 0.2 / 0.5.
    (((V, V, 20), (V, N, 5), (N, V, 10), (N, N, 15)), 0.4),
    # Three verdicts: po = 8/10; original V5 N4 I1, second V4 N4 I2; pe = (20+16+2)/100 = 0.38;
    # kappa = 0.42 / 0.62 = 21/31.
    (((V, V, 4), (N, N, 3), (I, I, 1), (V, N, 1), (N, I, 1)), 0.677),
    (((V, V, 3), (N, N, 2)), 1.0),  # perfect agreement
    (((V, N, 5), (N, V, 5)), -1.0),  # po = 0, pe = 0.5
    # Agreement no better than chance: po = 0.5, pe = 0.5.
    (((V, V, 1), (V, N, 1), (N, V, 1), (N, N, 1)), 0.0),
    (((V, V, 4),), None),  # one verdict only: chance agreement is certain, kappa undefined
    ((), None),
])
def test_cohen_kappa_against_hand_computed_values(spec, kappa):
    assert cohen_kappa(pairs_of(*spec)) == kappa


def test_confusion_has_every_cell():
    cells = confusion(pairs_of((V, V, 2), (N, I, 1)))
    assert len(cells) == 9
    assert (cells[(V, V)], cells[(N, I)], cells[(I, N)]) == (2, 1, 0)


judgments = st.builds(Judgment, st.sampled_from(VERDICTS), st.sampled_from([OFFSITE, ADS, None]),
                      st.sampled_from(["general", "serious", None]))
pair_lists = st.lists(st.builds(Pair, judgments, judgments, st.sampled_from(["ann", "bob", "cat"])), max_size=40)


@given(pair_lists)
def test_rates_are_bounded_and_groups_add_up(pairs):
    total = overall(pairs)
    for groups in (rates_by(pairs, lambda p: p.original_reviewer), rates_by(pairs, lambda p: p.rule)):
        assert sum(g.reviews for g in groups) == total.reviews == len(pairs)
        assert sum(g.verdict_agreements for g in groups) == total.verdict_agreements
        assert sum(g.full_agreements for g in groups) == total.full_agreements
        for g in groups:
            assert 0 <= g.full_agreements <= g.verdict_agreements <= g.reviews
            assert 0.0 <= g.full_rate <= g.verdict_rate <= 1.0
    assert sum(confusion(pairs).values()) == len(pairs)
    assert sum(n for (a, b), n in confusion(pairs).items() if a == b) == total.verdict_agreements


@given(pair_lists)
def test_kappa_is_bounded_and_one_only_for_perfect_agreement(pairs):
    kappa = cohen_kappa(pairs)
    if kappa is None:
        assert len({p.original.verdict for p in pairs} | {p.second.verdict for p in pairs}) <= 1
        return
    assert -1.0 <= kappa <= 1.0
    assert (kappa == 1.0) == all(p.verdict_agrees for p in pairs)


@given(pair_lists)
def test_kappa_does_not_depend_on_the_order_of_reviews(pairs):
    assert cohen_kappa(pairs) == cohen_kappa(list(reversed(pairs)))
