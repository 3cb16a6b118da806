"""Every rule of the Transparency Database schema (STANDARDS.md section b), one table row each."""

from __future__ import annotations

import copy

import pytest

from backoffice.transparency import schema
from backoffice.transparency.schema import validate


def valid() -> dict:
    return {
        "decision_visibility": ["DECISION_VISIBILITY_CONTENT_DEMOTED"],
        "end_date_visibility_restriction": "2026-12-07",
        "account_type": "ACCOUNT_TYPE_BUSINESS",
        "decision_ground": "DECISION_GROUND_INCOMPATIBLE_CONTENT",
        "incompatible_content_ground": "Terms and conditions: rule zbj.offsite_contact.",
        "incompatible_content_explanation": "The merchant steered the customer off the platform.",
        "content_type": ["CONTENT_TYPE_TEXT"],
        "category": "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
        "territorial_scope": ["DE", "FR", "GR"],
        "content_language": "ZH",
        "content_date": "2026-11-20",
        "application_date": "2026-11-22",
        "decision_facts": "Facts.",
        "source_type": "SOURCE_VOLUNTARY",
        "automated_detection": "Yes",
        "automated_decision": "AUTOMATED_DECISION_FULLY",
        "puid": "zbj-case-1-automatic-2",
    }


def changed(**changes) -> dict:
    statement = valid()
    for key, value in changes.items():
        if value is DELETE:
            statement.pop(key, None)
        else:
            statement[key] = value
    return statement


DELETE = object()
NO_DECISION = {f: DELETE for f in ("decision_visibility", "end_date_visibility_restriction")}
ILLEGAL = {"decision_ground": "DECISION_GROUND_ILLEGAL_CONTENT", "incompatible_content_ground": DELETE,
           "incompatible_content_explanation": DELETE, "illegal_content_legal_ground": "Art. 1 of a law",
           "illegal_content_explanation": "Why it is illegal."}

# (id, changes, the problem expected: a substring of exactly one reported problem)
INVALID = [
    # required fields
    *[(f"required-{name}", {name: DELETE}, f"{name}: required") for name in schema.REQUIRED],
    ("required-blank-string", {"decision_facts": "   "}, "decision_facts: required"),
    ("required-empty-array", {"content_type": []}, "content_type: required"),
    ("at-least-one-decision", NO_DECISION, "at least one restriction is required"),
    ("at-least-one-decision-empty", {**NO_DECISION, "decision_visibility": []}, "at least one restriction"),
    # enums
    ("enum-visibility", {"decision_visibility": ["DECISION_VISIBILITY_HIDDEN"]}, "'DECISION_VISIBILITY_HIDDEN' is not"),
    ("enum-visibility-not-array", {"decision_visibility": "DECISION_VISIBILITY_CONTENT_DEMOTED"}, "must be an array"),
    ("enum-visibility-twice", {"decision_visibility": ["DECISION_VISIBILITY_CONTENT_DEMOTED"] * 2}, "listed twice"),
    ("enum-monetary", {"decision_monetary": "DECISION_MONETARY_FINE"}, "decision_monetary: 'DECISION_MONETARY_FINE'"),
    ("enum-provision", {"decision_provision": "DECISION_PROVISION_PARTIAL"}, "decision_provision:"),
    ("enum-account", {"decision_account": "DECISION_ACCOUNT_BANNED"}, "decision_account:"),
    ("enum-account-type", {"account_type": "ACCOUNT_TYPE_MERCHANT"}, "account_type:"),
    ("enum-ground", {"decision_ground": "DECISION_GROUND_TC"}, "decision_ground:"),
    ("enum-content-type", {"content_type": ["CONTENT_TYPE_CHAT"]}, "content_type: 'CONTENT_TYPE_CHAT'"),
    ("enum-category", {"category": "STATEMENT_CATEGORY_SPAM"}, "category: 'STATEMENT_CATEGORY_SPAM'"),
    ("enum-category-bare", {"category": "OTHER_VIOLATION_TC"}, "category: 'OTHER_VIOLATION_TC'"),
    ("enum-category-addition", {"category_addition": ["STATEMENT_CATEGORY_SPAM"]}, "category_addition:"),
    ("enum-specification", {"category_specification": ["KEYWORD_SPAM"]}, "category_specification:"),
    ("enum-source-type", {"source_type": "SOURCE_REPORT"}, "source_type:"),
    ("enum-automated-decision", {"automated_decision": "AUTOMATED_DECISION_NO"}, "automated_decision:"),
    ("yes-no-detection", {"automated_detection": "yes"}, "automated_detection: 'yes'"),
    ("yes-no-detection-bool", {"automated_detection": True}, "automated_detection: True"),
    ("yes-no-incompatible-illegal", {"incompatible_content_illegal": "true"}, "incompatible_content_illegal:"),
    ("territory-unknown", {"territorial_scope": ["DE", "EL"]}, "territorial_scope: 'EL'"),
    ("territory-outside-eea", {"territorial_scope": ["CH"]}, "territorial_scope: 'CH'"),
    ("territory-lowercase", {"territorial_scope": ["de"]}, "territorial_scope: 'de'"),
    ("territory-not-array", {"territorial_scope": "DE"}, "territorial_scope: must be an array"),
    ("language-lowercase", {"content_language": "zh"}, "content_language: 'zh'"),
    ("language-unknown", {"content_language": "XX"}, "content_language: 'XX'"),
    # *_other fields
    ("visibility-other-required", {"decision_visibility": ["DECISION_VISIBILITY_OTHER"]},
     "decision_visibility_other: required"),
    ("visibility-other-without-other", {"decision_visibility_other": "x"}, "decision_visibility_other: only allowed"),
    ("monetary-other-required", {"decision_monetary": "DECISION_MONETARY_OTHER"}, "decision_monetary_other: required"),
    ("monetary-other-without-other", {"decision_monetary": "DECISION_MONETARY_SUSPENSION",
                                      "decision_monetary_other": "x"}, "decision_monetary_other: only allowed"),
    ("content-type-other-required", {"content_type": ["CONTENT_TYPE_TEXT", "CONTENT_TYPE_OTHER"]},
     "content_type_other: required"),
    ("content-type-other-without-other", {"content_type_other": "x"}, "content_type_other: only allowed"),
    # grounds
    ("incompatible-ground-required", {"incompatible_content_ground": DELETE}, "incompatible_content_ground: required"),
    ("incompatible-explanation-required", {"incompatible_content_explanation": ""},
     "incompatible_content_explanation: required"),
    ("illegal-ground-required", {**ILLEGAL, "illegal_content_legal_ground": DELETE},
     "illegal_content_legal_ground: required"),
    ("illegal-explanation-required", {**ILLEGAL, "illegal_content_explanation": DELETE},
     "illegal_content_explanation: required"),
    ("illegal-with-incompatible-fields", {**ILLEGAL, "incompatible_content_ground": "x"},
     "incompatible_content_ground: only allowed"),
    ("incompatible-with-illegal-fields", {"illegal_content_explanation": "x"},
     "illegal_content_explanation: only allowed"),
    ("incompatible-illegal-only-incompatible", {**ILLEGAL, "incompatible_content_illegal": "Yes"},
     "incompatible_content_illegal: only allowed"),
    ("source-identity-voluntary", {"source_identity": "a notifier"}, "source_identity: ignored for SOURCE_VOLUNTARY"),
    # lengths (characters, not bytes)
    *[(f"length-{name}", {name: "字" * (limit + 1)}, f"{name}: {limit + 1} characters; at most {limit}")
      for name, limit in schema.TEXT_LIMITS.items()
      if name not in ("puid", "decision_ground_reference_url", "decision_visibility_other", "decision_monetary_other",
                      "content_type_other", "illegal_content_legal_ground", "illegal_content_explanation",
                      "source_identity")],
    ("length-puid", {"puid": "a" * 501}, "puid: 501 characters; at most 500"),
    ("length-url", {"decision_ground_reference_url": "https://example.org/" + "a" * 481}, "at most 500"),
    ("length-visibility-other", {"decision_visibility": ["DECISION_VISIBILITY_OTHER"],
                                 "decision_visibility_other": "x" * 501}, "decision_visibility_other: 501"),
    ("length-monetary-other", {"decision_monetary": "DECISION_MONETARY_OTHER", "decision_monetary_other": "x" * 501},
     "decision_monetary_other: 501"),
    ("length-content-type-other", {"content_type": ["CONTENT_TYPE_OTHER"], "content_type_other": "x" * 501},
     "content_type_other: 501"),
    ("length-illegal-ground", {**ILLEGAL, "illegal_content_legal_ground": "x" * 501},
     "illegal_content_legal_ground: 501"),
    ("length-illegal-explanation", {**ILLEGAL, "illegal_content_explanation": "x" * 2001},
     "illegal_content_explanation: 2001"),
    ("length-source-identity", {"source_type": "SOURCE_ARTICLE_16", "source_identity": "x" * 501},
     "source_identity: 501"),
    ("text-not-string", {"decision_facts": 5}, "decision_facts: must be a string"),
    # dates
    ("content-date-format", {"content_date": "2026/11/20"}, "content_date: must be a date written YYYY-MM-DD"),
    ("content-date-calendar", {"content_date": "2026-02-30"}, "content_date: '2026-02-30' is not a calendar date"),
    ("content-date-too-early", {"content_date": "1999-12-31"}, "content_date: 1999-12-31 is outside"),
    ("content-date-too-late", {"content_date": "2038-01-02"}, "content_date: 2038-01-02 is outside"),
    ("application-date-format", {"application_date": "2026-11-22T10:00"}, "application_date: must be a date"),
    ("application-date-too-early", {"application_date": "2019-12-31"},
     "application_date: 2019-12-31 is before 2020-01-01"),
    *[(f"end-before-application-{name}", {name: "2026-11-21"}, f"{name}: 2026-11-21 is before application_date")
      for name in schema.END_DATE_FIELDS],
    ("end-date-format", {"end_date_service_restriction": "7 days"}, "end_date_service_restriction: must be a date"),
    # identifiers
    ("puid-pattern-space", {"puid": "zbj case 1"}, "puid: only letters, digits"),
    ("puid-pattern-slash", {"puid": "zbj/case/1"}, "puid: only letters, digits"),
    ("puid-pattern-cjk", {"puid": "案件-1"}, "puid: only letters, digits"),
    ("reference-url", {"decision_ground_reference_url": "terms page"}, "decision_ground_reference_url: not an http(s)"),
    ("content-id-shape", {"content_id": {"ISBN": "123"}}, "content_id: must be an object"),
    ("content-id-ean", {"content_id": {"EAN-13": "12345"}}, "content_id: EAN-13 must be 13 digits"),
    ("unknown-field", {"decision_reason": "x"}, "decision_reason: not a field"),
]

VALID = [
    ("as-built", {}),
    ("provision-only", {**NO_DECISION, "decision_provision": "DECISION_PROVISION_PARTIAL_SUSPENSION"}),
    ("monetary-only", {**NO_DECISION, "decision_monetary": "DECISION_MONETARY_OTHER",
                       "decision_monetary_other": "security-deposit forfeiture"}),
    ("account-only", {**NO_DECISION, "decision_account": "DECISION_ACCOUNT_TERMINATED"}),
    ("visibility-other", {"decision_visibility": ["DECISION_VISIBILITY_OTHER"], "decision_visibility_other": "x"}),
    ("illegal", ILLEGAL),
    ("incompatible-also-illegal", {"incompatible_content_illegal": "No"}),
    ("content-type-other", {"content_type": ["CONTENT_TYPE_OTHER"], "content_type_other": "file"}),
    ("no-territorial-scope", {"territorial_scope": None}),
    ("every-eea-country", {"territorial_scope": sorted(schema.EEA_COUNTRIES)}),
    ("content-date-first-day", {"content_date": "2000-01-01"}),
    ("content-date-last-day", {"content_date": "2038-01-01"}),
    ("application-date-first-day", {"application_date": "2020-01-01", "content_date": "2020-01-01",
                                    "end_date_visibility_restriction": DELETE}),
    ("end-date-same-day", {"end_date_visibility_restriction": "2026-11-22"}),
    ("end-date-blank-indefinite", {"end_date_visibility_restriction": ""}),
    ("end-date-null-indefinite", {"end_date_visibility_restriction": None}),
    ("limits-exactly", {"decision_facts": "字" * 5000, "incompatible_content_explanation": "x" * 2000,
                        "incompatible_content_ground": "x" * 500, "puid": "a" * 500}),
    ("source-identity-notice", {"source_type": "SOURCE_ARTICLE_16", "source_identity": "a trusted flagger"}),
    ("specification", {"category_specification": ["KEYWORD_CYBER_HARASSMENT"], "category_specification_other": "x"}),
    ("category-addition", {"category_addition": ["STATEMENT_CATEGORY_SCAMS_AND_FRAUD"]}),
    ("reference-url", {"decision_ground_reference_url": "https://www.zbj.com/terms"}),
    ("content-id", {"content_id": {"EAN-13": "4006381333931"}}),
    ("puid-characters", {"puid": "ZBJ_case-1_decision-9"}),
]


@pytest.mark.parametrize(("changes", "expected"), [c[1:] for c in INVALID], ids=[c[0] for c in INVALID])
def test_each_rule_reports_its_problem(changes, expected):
    problems = validate(changed(**changes))
    assert [p for p in problems if expected in p], problems
    # the rule under test is the only one broken (a valid base, one change)
    assert len(problems) == 1 or expected in ("must be an array",), problems


@pytest.mark.parametrize("changes", [c[1] for c in VALID], ids=[c[0] for c in VALID])
def test_valid_statements_have_no_problems(changes):
    assert validate(changed(**changes)) == []


def test_every_problem_is_reported_not_only_the_first():
    statement = changed(puid="bad puid", content_date="1990-01-01", category="X", decision_facts=DELETE)
    problems = validate(statement)
    assert len(problems) == 4, problems


def test_a_statement_is_not_changed_by_validation():
    statement = valid()
    before = copy.deepcopy(statement)
    validate(statement)
    assert statement == before


def test_not_an_object():
    assert validate(["x"]) == ["the statement must be a JSON object"]  # type: ignore[arg-type]


def test_the_enums_are_those_of_standards_b():
    assert len(schema.CATEGORY_SPECIFICATION) == 69
    assert len(schema.CATEGORY) == 16
    assert len(schema.EEA_COUNTRIES) == 30
    assert "GR" in schema.EEA_COUNTRIES
    assert "EL" not in schema.EEA_COUNTRIES
    assert schema.BATCH_LIMIT == 100
