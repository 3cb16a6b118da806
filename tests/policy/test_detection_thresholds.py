"""Each pack says how sure the detector must be before a review, and before automatic measures."""

from __future__ import annotations

import pytest

from backoffice.policy import load_rulebook
from backoffice.rulefiles import RuleFileError

from .conftest import RULES_DIR, SAMPLE_PACK

DETECTION = """\
detection:
  review_threshold: 0.4
  automatic_threshold: 0.85
  categories:
    offsite_contact: {automatic: 0.95}
    abuse: {review: 0.6, automatic: 0.7}
rules:
"""


def _with(text: str) -> str:
    return SAMPLE_PACK.replace("rules:\n", text, 1)


@pytest.mark.parametrize(("category", "review", "automatic"), [
    # chosen on the development corpus's dev split (rules/packs/*.yaml say how)
    ("offsite_contact", 0.45, 0.97),
    ("abuse", 0.45, 0.97),
    ("illegal_service", 0.45, 0.97),
    ("ads_spam", 0.45, 0.98),
    ("negative_service", 0.5, 0.97),  # rules alone: their confidence
    ("prohibited_content", 0.5, 0.97),
])
def test_every_shipped_pack_has_the_thresholds_chosen_on_dev(category, review, automatic):
    book = load_rulebook(RULES_DIR)
    for platform in book.packs:
        reviews, automatics = book.detection_thresholds(platform)
        assert (reviews[category], automatics[category]) == (review, automatic), platform


def test_shipped_packs_explain_the_thresholds():
    for path in (RULES_DIR / "packs").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        comment = text[:text.index("\ndetection:")].rsplit("\n\n", 1)[-1]
        assert "Below review_threshold" in comment, path
        assert "automatic measures" in comment, path


def test_category_overrides_fall_back_to_the_pack_defaults(write_pack):
    book = load_rulebook(write_pack(_with(DETECTION)))
    review, automatic = book.detection_thresholds("zbj")
    assert (review["offsite_contact"], automatic["offsite_contact"]) == (0.4, 0.95)
    assert (review["abuse"], automatic["abuse"]) == (0.6, 0.7)
    assert (review["ads_spam"], automatic["ads_spam"]) == (0.4, 0.85)


def test_a_pack_without_a_detection_section_gets_the_defaults(write_pack):
    review, automatic = load_rulebook(write_pack()).detection_thresholds("zbj")
    assert (review["offsite_contact"], automatic["offsite_contact"]) == (0.5, 0.9)


@pytest.mark.parametrize(("section", "path", "message"), [
    ("detection: {review_threshold: 1.5}\n", "detection.review_threshold", "less than or equal to 1"),
    ("detection: {automatic_threshold: -0.1}\n", "detection.automatic_threshold",
     "greater than or equal to 0"),
    ("detection: {review_threshold: 0.95, automatic_threshold: 0.9}\n", "detection.review_threshold",
     "must not exceed automatic_threshold"),
    ("detection: {categories: {abuse: {review: 0.95}}}\n", "detection.categories.abuse",
     "review (0.95) must not exceed automatic (0.9) for abuse"),
    ("detection: {categories: {spam: {review: 0.2}}}\n", "detection.categories.spam", "offsite_contact"),
    ("detection: {categories: {abuse: {sure: 0.2}}}\n", "detection.categories.abuse.sure", "Extra inputs"),
])
def test_bad_thresholds_are_refused_with_the_place(write_pack, section, path, message):
    text = _with(section + "rules:\n")
    with pytest.raises(RuleFileError) as excinfo:
        load_rulebook(write_pack(text))
    (problem,) = excinfo.value.problems
    assert problem.path == path
    assert message in problem.message
    assert problem.line == text.count("\n", 0, text.index("detection:")) + 1
