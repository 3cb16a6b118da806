"""Our measures and rules in the Transparency Database's terms (STANDARDS.md section b, suggested mapping)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from backoffice.policy import PlannedMeasure, load_rulebook
from backoffice.rulefiles import RuleFileError
from backoffice.transparency import mapping
from backoffice.transparency.schema import CATEGORY, CATEGORY_SPECIFICATION, DECISION_GROUND

TZ = ZoneInfo("Asia/Shanghai")
RULES_DIR = Path(__file__).resolve().parents[2] / "rules"
# 17:30 UTC on 22 November is 01:30 on the 23rd in Shanghai: end dates are platform days.
START = dt.datetime(2026, 11, 22, 17, 30, tzinfo=dt.UTC)


def m(type_: str, days: int | None = None, **kw) -> PlannedMeasure:
    ends = START + dt.timedelta(days=days) if days else kw.pop("ends_at", None)
    return PlannedMeasure(type=type_, starts_at=START, ends_at=ends, days=days, **kw)


# (measure, the fields it maps to)
MEASURES = [
    ("content_removal", [m("content_removal")],
     {"decision_visibility": ["DECISION_VISIBILITY_CONTENT_REMOVED"]}),
    ("search_demotion_until_lifted", [m("search_demotion", until_lifted=True)],
     {"decision_visibility": ["DECISION_VISIBILITY_CONTENT_DEMOTED"]}),
    ("search_demotion_for_days", [m("search_demotion", 7)],
     {"decision_visibility": ["DECISION_VISIBILITY_CONTENT_DEMOTED"], "end_date_visibility_restriction": "2026-11-30"}),
    ("business_restriction", [m("business_restriction", 15)],
     {"decision_provision": "DECISION_PROVISION_PARTIAL_SUSPENSION", "end_date_service_restriction": "2026-12-08"}),
    ("listing_restriction_until_lifted", [m("listing_restriction", until_lifted=True)],
     {"decision_provision": "DECISION_PROVISION_PARTIAL_SUSPENSION"}),
    ("mute_minutes", [m("mute", minutes=10, ends_at=START + dt.timedelta(minutes=10))],
     {"decision_provision": "DECISION_PROVISION_PARTIAL_SUSPENSION", "end_date_service_restriction": "2026-11-23"}),
    ("mute_days", [m("mute", 7)],
     {"decision_provision": "DECISION_PROVISION_PARTIAL_SUSPENSION", "end_date_service_restriction": "2026-11-30"}),
    ("mute_permanent", [m("mute", permanent=True)],
     {"decision_provision": "DECISION_PROVISION_PARTIAL_TERMINATION"}),
    ("deposit_deduction", [m("deposit_deduction", requested=Decimal("5000"), applied=Decimal("5000"))],
     {"decision_monetary": "DECISION_MONETARY_OTHER", "decision_monetary_other": "security-deposit forfeiture"}),
    ("deposit_deduction_shortfall", [m("deposit_deduction", requested=Decimal("500"), applied=Decimal("0"),
                                       shortfall=Decimal("500"))],
     {"decision_monetary": "DECISION_MONETARY_OTHER", "decision_monetary_other": "security-deposit forfeiture"}),
    ("whole_deposit_of_nothing", [m("deposit_deduction", whole_deposit=True, requested=Decimal("0"),
                                    applied=Decimal("0"))], {}),
    ("consumer_compensation", [m("consumer_compensation", amount=Decimal("300"))],
     {"decision_monetary": "DECISION_MONETARY_OTHER",
      "decision_monetary_other": "compensation the merchant must pay to the consumer"}),
    ("removal", [m("removal"), m("deposit_deduction", whole_deposit=True, requested=Decimal("10000"),
                                 applied=Decimal("10000"))],
     {"decision_provision": "DECISION_PROVISION_TOTAL_TERMINATION", "decision_account": "DECISION_ACCOUNT_TERMINATED",
      "decision_monetary": "DECISION_MONETARY_OTHER", "decision_monetary_other": "security-deposit forfeiture"}),
    ("integrity_points", [m("integrity_points", integrity_points=-40)], {}),
    ("violation_points", [m("violation_points", violation_points=Decimal("2"), track="general")], {}),
    ("warning", [m("warning")], {}),
    ("risk_notice", [m("risk_notice")], {}),
    # ZBJ off-platform contact, first offence (seed 000): points are facts, the rest restricts.
    ("zbj_offsite_first", [m("integrity_points", integrity_points=-40), m("business_restriction", 15),
                           m("deposit_deduction", requested=Decimal("5000"), applied=Decimal("5000"))],
     {"decision_provision": "DECISION_PROVISION_PARTIAL_SUSPENSION", "end_date_service_restriction": "2026-12-08",
      "decision_monetary": "DECISION_MONETARY_OTHER", "decision_monetary_other": "security-deposit forfeiture"}),
    ("removal_outranks_restriction", [m("business_restriction", 7), m("removal")],
     {"decision_provision": "DECISION_PROVISION_TOTAL_TERMINATION", "decision_account": "DECISION_ACCOUNT_TERMINATED"}),
    ("permanent_mute_outranks_restriction", [m("mute", 7), m("mute", permanent=True)],
     {"decision_provision": "DECISION_PROVISION_PARTIAL_TERMINATION"}),
    ("latest_end_wins", [m("business_restriction", 7), m("listing_restriction", 14)],
     {"decision_provision": "DECISION_PROVISION_PARTIAL_SUSPENSION", "end_date_service_restriction": "2026-12-07"}),
    ("an_open_end_is_indefinite", [m("business_restriction", 7), m("listing_restriction", until_lifted=True)],
     {"decision_provision": "DECISION_PROVISION_PARTIAL_SUSPENSION"}),
    ("removed_content_has_no_visibility_end", [m("content_removal"), m("search_demotion", 7)],
     {"decision_visibility": ["DECISION_VISIBILITY_CONTENT_REMOVED", "DECISION_VISIBILITY_CONTENT_DEMOTED"]}),
    ("both_monetary_measures", [m("deposit_deduction", requested=Decimal("1"), applied=Decimal("1")),
                                m("consumer_compensation", amount=Decimal("1000"))],
     {"decision_monetary": "DECISION_MONETARY_OTHER",
      "decision_monetary_other": "security-deposit forfeiture; compensation the merchant must pay to the consumer"}),
]


@pytest.mark.parametrize(("measures", "fields"), [c[1:] for c in MEASURES], ids=[c[0] for c in MEASURES])
def test_each_measure_type_maps_to_its_fields(measures, fields):
    assert mapping.restrictions(measures, TZ) == fields


def test_every_measure_type_of_the_policy_is_mapped_or_a_fact():
    from backoffice.policy.measures import MEASURE_TYPES

    assert set(MEASURE_TYPES) == set(mapping.MEASURE_FIELDS) | set(mapping.FACT_ONLY)


@pytest.fixture(scope="module")
def rulebook():
    return load_rulebook(RULES_DIR)


def test_every_rule_has_a_valid_classification(rulebook):
    for rule in rulebook.rules():
        cls = mapping.classify(rule)
        assert cls.decision_ground in DECISION_GROUND, rule.code
        assert cls.category in CATEGORY, rule.code
        assert set(cls.category_specification) <= CATEGORY_SPECIFICATION, rule.code


@pytest.mark.parametrize(("code", "ground", "category", "specification"), [
    ("zbj.offsite_contact", mapping.INCOMPATIBLE, "STATEMENT_CATEGORY_OTHER_VIOLATION_TC", ("KEYWORD_OTHER",)),
    ("pdd.offsite_luring", mapping.INCOMPATIBLE, "STATEMENT_CATEGORY_OTHER_VIOLATION_TC", ("KEYWORD_OTHER",)),
    ("taobao.malicious_harassment", mapping.INCOMPATIBLE, "STATEMENT_CATEGORY_CYBER_VIOLENCE",
     ("KEYWORD_CYBER_HARASSMENT",)),
    ("pdd.uncivil_language", mapping.INCOMPATIBLE, "STATEMENT_CATEGORY_CYBER_VIOLENCE", ("KEYWORD_CYBER_HARASSMENT",)),
    ("zbj.ads_spam", mapping.INCOMPATIBLE, "STATEMENT_CATEGORY_OTHER_VIOLATION_TC", ("KEYWORD_OTHER",)),
    ("zbj.illegal_service", mapping.INCOMPATIBLE, "STATEMENT_CATEGORY_SCAMS_AND_FRAUD", ()),
    # rule data overrides the category default
    ("community.illegal_info", mapping.INCOMPATIBLE, "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", ()),
    ("taobao.misleading_effect", mapping.INCOMPATIBLE, "STATEMENT_CATEGORY_CONSUMER_INFORMATION",
     ("KEYWORD_MISLEADING_INFO_GOODS_SERVICES",)),
])
def test_rules_map_by_category_unless_their_pack_says_otherwise(rulebook, code, ground, category, specification):
    cls = mapping.classify(rulebook.rule(code))
    assert (cls.decision_ground, cls.category, cls.category_specification) == (ground, category, specification)
    if specification != ("KEYWORD_OTHER",):
        assert cls.category_specification_other is None  # the default's text goes with the default's keyword


SAMPLE = (Path(__file__).resolve().parents[1] / "policy" / "conftest.py").read_text(encoding="utf-8")


def _sample_pack() -> str:
    start = SAMPLE.index('SAMPLE_PACK = """\\\n') + len('SAMPLE_PACK = """\\\n')
    return SAMPLE[start:SAMPLE.index('"""', start)]


def _load(tmp_path, extra: str):
    text = _sample_pack().replace("    default_for_category: true\n", "    default_for_category: true\n" + extra, 1)
    (tmp_path / "packs").mkdir(exist_ok=True)
    (tmp_path / "packs" / "sample.yaml").write_text(text, encoding="utf-8")
    return load_rulebook(tmp_path)


def test_an_illegal_ground_override_carries_its_legal_ground(tmp_path):
    dsa = "    dsa: {decision_ground: DECISION_GROUND_ILLEGAL_CONTENT, legal_ground: 'Law X, Art. 2'}\n"
    book = _load(tmp_path, dsa)
    cls = mapping.classify(book.rule("zbj.sample"))
    assert (cls.decision_ground, cls.legal_ground) == (mapping.ILLEGAL, "Law X, Art. 2")


@pytest.mark.parametrize(("extra", "path", "message"), [
    ("    dsa: {category: STATEMENT_CATEGORY_SPAM}\n", "rules.0.dsa.category", "not a Transparency Database value"),
    ("    dsa: {category_specification: [KEYWORD_SPAM]}\n", "rules.0.dsa.category_specification", "KEYWORD_SPAM"),
    ("    dsa: {decision_ground: DECISION_GROUND_ILLEGAL_CONTENT}\n", "rules.0.dsa.legal_ground", "legal_ground"),
    ("    dsa: {decision_ground: DECISION_GROUND_TC}\n", "rules.0.dsa.decision_ground",
     "DECISION_GROUND_ILLEGAL_CONTENT"),
    ("    dsa: {categroy: STATEMENT_CATEGORY_SCAMS_AND_FRAUD}\n", "rules.0.dsa.categroy", "Extra inputs"),
])
def test_a_wrong_dsa_block_stops_the_pack_with_its_place(tmp_path, extra, path, message):
    with pytest.raises(RuleFileError) as excinfo:
        _load(tmp_path, extra)
    problem = excinfo.value.problems[0]
    assert problem.path == path
    assert message in problem.message
    text = (tmp_path / "packs" / "sample.yaml").read_text(encoding="utf-8")
    assert problem.line == text.count("\n", 0, text.index("    dsa:")) + 1  # the line of the dsa block
