"""A rule's title for people: in the reader's language, the code when unknown, a label when none."""

from __future__ import annotations

from flask_babel import force_locale

from backoffice.policy import get_rulebook
from backoffice.policy.titles import rule_title

CODE = "zbj.offsite_contact"


def test_the_title_follows_the_readers_language(app):
    rule = get_rulebook().rule(CODE)
    assert rule.title_en != rule.title_zh
    with app.test_request_context():
        assert rule_title(CODE) == rule.title_zh  # Chinese by default
    for lang, title in (("zh", rule.title_zh), ("en", rule.title_en)):
        with app.test_request_context(), force_locale(lang):
            assert rule_title(CODE) == title


def test_an_unknown_code_is_shown_as_is_and_no_code_as_an_unclassified_report(app):
    with app.test_request_context(), force_locale("en"):
        assert rule_title("zbj.no_such_rule") == "zbj.no_such_rule"
        assert rule_title(None) == "Unclassified report"
        assert rule_title("") == "Unclassified report"
