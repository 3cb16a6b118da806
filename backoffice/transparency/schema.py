"""The DSA Transparency Database statement-of-reasons schema as data, and a validator.

Source: ``../shared/STANDARDS.md`` section (b), which reads the database's own validation
(``StatementStoreRequest.php``) and enums (``Statement.php``). ``validate`` returns every
problem it finds, not only the first, so that a manager sees at once what to fix. It is pure:
no database, no Flask.

The rules are conditional (``*_other`` only with ``*_OTHER``, explanations per ground, end dates
after the application date), which reads more plainly in Python than as a JSON Schema.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

#: At most this many statements per ``POST /api/v1/statements`` call.
BATCH_LIMIT = 100


def _words(names: str) -> frozenset[str]:
    return frozenset(names.split())


def _prefixed(prefix: str, names: str) -> frozenset[str]:
    return frozenset(f"{prefix}{n}" for n in _words(names))


DECISION_VISIBILITY = _prefixed("DECISION_VISIBILITY_", """
    CONTENT_REMOVED CONTENT_DISABLED CONTENT_DEMOTED CONTENT_AGE_RESTRICTED
    CONTENT_INTERACTION_RESTRICTED CONTENT_LABELLED OTHER""")
DECISION_MONETARY = _prefixed("DECISION_MONETARY_", "SUSPENSION TERMINATION OTHER")
DECISION_PROVISION = _prefixed("DECISION_PROVISION_", """
    PARTIAL_SUSPENSION TOTAL_SUSPENSION PARTIAL_TERMINATION TOTAL_TERMINATION""")
DECISION_ACCOUNT = _prefixed("DECISION_ACCOUNT_", "SUSPENDED TERMINATED")
ACCOUNT_TYPE = _prefixed("ACCOUNT_TYPE_", "BUSINESS PRIVATE")
DECISION_GROUND = _prefixed("DECISION_GROUND_", "ILLEGAL_CONTENT INCOMPATIBLE_CONTENT")
CONTENT_TYPE = _prefixed("CONTENT_TYPE_", "APP AUDIO IMAGE PRODUCT SYNTHETIC_MEDIA TEXT VIDEO OTHER")
CATEGORY = _prefixed("STATEMENT_CATEGORY_", """
    ANIMAL_WELFARE CONSUMER_INFORMATION CYBER_VIOLENCE CYBER_VIOLENCE_AGAINST_WOMEN
    DATA_PROTECTION_AND_PRIVACY_VIOLATIONS ILLEGAL_OR_HARMFUL_SPEECH
    INTELLECTUAL_PROPERTY_INFRINGEMENTS NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS
    NOT_SPECIFIED_NOTICE OTHER_VIOLATION_TC PROTECTION_OF_MINORS RISK_FOR_PUBLIC_SECURITY
    SCAMS_AND_FRAUD SELF_HARM UNSAFE_AND_PROHIBITED_PRODUCTS VIOLENCE""")
CATEGORY_SPECIFICATION = _prefixed("KEYWORD_", """
    ADULT_SEXUAL_MATERIAL AGE_SPECIFIC_RESTRICTIONS AGE_SPECIFIC_RESTRICTIONS_MINORS ANIMAL_HARM
    BIOMETRIC_DATA_BREACH BULLYING_AGAINST_GIRLS CHILD_SEXUAL_ABUSE_MATERIAL
    CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE CONTENT_PROMOTING_EATING_DISORDERS COORDINATED_HARM
    COPYRIGHT_INFRINGEMENT CYBER_BULLYING_INTIMIDATION CYBER_HARASSMENT
    CYBER_HARASSMENT_AGAINST_WOMEN CYBER_INCITEMENT CYBER_STALKING CYBER_STALKING_AGAINST_WOMEN
    DATA_FALSIFICATION DEFAMATION DESIGN_INFRINGEMENT DISCRIMINATION FEMALE_GENDERED_DISINFORMATION
    GEOGRAPHIC_INDICATIONS_INFRINGEMENT GEOGRAPHICAL_REQUIREMENTS GOODS_SERVICES_NOT_PERMITTED
    GROOMING_SEXUAL_ENTICEMENT_MINORS HATE_SPEECH HIDDEN_ADVERTISEMENT HUMAN_EXPLOITATION
    HUMAN_TRAFFICKING ILLEGAL_ORGANIZATIONS IMPERSONATION_ACCOUNT_HIJACKING INAUTHENTIC_ACCOUNTS
    INAUTHENTIC_LISTINGS INAUTHENTIC_USER_REVIEWS INCITEMENT_AGAINST_WOMEN INCITEMENT_VIOLENCE_HATRED
    INSUFFICIENT_INFORMATION_ON_TRADERS LANGUAGE_REQUIREMENTS MISINFORMATION_DISINFORMATION
    MISLEADING_INFO_CONSUMER_RIGHTS MISLEADING_INFO_GOODS_SERVICES MISSING_PROCESSING_GROUND
    NON_CONSENSUAL_IMAGE_SHARING NON_CONSENSUAL_IMAGE_SHARING_AGAINST_WOMEN
    NON_CONSENSUAL_MATERIAL_DEEPFAKE NON_CONSENSUAL_MATERIAL_DEEPFAKE_AGAINST_WOMEN
    NONCOMPLIANCE_PRICING NUDITY PATENT_INFRINGEMENT PHISHING PROHIBITED_PRODUCTS PYRAMID_SCHEMES
    RIGHT_TO_BE_FORGOTTEN RISK_ENVIRONMENTAL_DAMAGE RISK_PUBLIC_HEALTH SELF_MUTILATION STALKING
    SUICIDE TERRORIST_CONTENT TRADE_SECRET_INFRINGEMENT TRADEMARK_INFRINGEMENT
    TRAFFICKING_WOMEN_GIRLS UNLAWFUL_SALE_ANIMALS UNSAFE_CHALLENGES UNSAFE_PRODUCTS
    VIOLATION_EU_LAW VIOLATION_NATIONAL_LAW OTHER""")
SOURCE_TYPE = frozenset({"SOURCE_ARTICLE_16", "SOURCE_TRUSTED_FLAGGER", "SOURCE_TYPE_OTHER_NOTIFICATION",
                         "SOURCE_VOLUNTARY"})
AUTOMATED_DECISION = _prefixed("AUTOMATED_DECISION_", "FULLY PARTIALLY NOT_AUTOMATED")
YES_NO = frozenset({"Yes", "No"})
#: The 27 EU member states (Greece is GR) plus Iceland, Liechtenstein and Norway.
EEA_COUNTRIES = _words("""
    AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK IS LI NO""")
#: ISO 639-1 language codes (``content_language`` takes them upper-cased).
ISO_639_1 = _words("""
    AA AB AE AF AK AM AN AR AS AV AY AZ BA BE BG BI BM BN BO BR BS CA CE CH CO CR CS CU CV CY DA DE
    DV DZ EE EL EN EO ES ET EU FA FF FI FJ FO FR FY GA GD GL GN GU GV HA HE HI HO HR HT HU HY HZ IA
    ID IE IG II IK IO IS IT IU JA JV KA KG KI KJ KK KL KM KN KO KR KS KU KV KW KY LA LB LG LI LN LO
    LT LU LV MG MH MI MK ML MN MR MS MT MY NA NB ND NE NG NL NN NO NR NV NY OC OJ OM OR OS PA PI PL
    PS PT QU RM RN RO RU RW SA SC SD SE SG SI SK SL SM SN SO SQ SR SS ST SU SV SW TA TE TG TH TI TK
    TL TN TO TR TS TT TW TY UG UK UR UZ VE VI VO WA WO XH YI YO ZA ZH ZU""")

PUID_RE = re.compile(r"^[a-zA-Z0-9\-_]+$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
EAN13_RE = re.compile(r"^\d{13}$")
URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)

CONTENT_DATE_MIN, CONTENT_DATE_MAX = date(2000, 1, 1), date(2038, 1, 1)
APPLICATION_DATE_MIN = date(2020, 1, 1)

#: The four restriction fields; a statement needs at least one of them.
DECISION_FIELDS = ("decision_visibility", "decision_monetary", "decision_provision", "decision_account")
END_DATE_FIELDS = ("end_date_visibility_restriction", "end_date_monetary_restriction",
                   "end_date_service_restriction", "end_date_account_restriction")
#: Free-text fields and their limits (characters).
TEXT_LIMITS = {
    "decision_visibility_other": 500,
    "decision_monetary_other": 500,
    "decision_ground_reference_url": 500,
    "illegal_content_legal_ground": 500,
    "illegal_content_explanation": 2000,
    "incompatible_content_ground": 500,
    "incompatible_content_explanation": 2000,
    "content_type_other": 500,
    "category_specification_other": 500,
    "decision_facts": 5000,
    "source_identity": 500,
    "puid": 500,
}
#: Fields whose value is free text written by the platform (scanned for personal data).
FREE_TEXT_FIELDS = tuple(f for f in TEXT_LIMITS if f not in ("puid", "decision_ground_reference_url"))
#: Single-valued enum fields.
ENUMS: dict[str, frozenset[str]] = {
    "decision_monetary": DECISION_MONETARY,
    "decision_provision": DECISION_PROVISION,
    "decision_account": DECISION_ACCOUNT,
    "account_type": ACCOUNT_TYPE,
    "decision_ground": DECISION_GROUND,
    "category": CATEGORY,
    "source_type": SOURCE_TYPE,
    "automated_detection": YES_NO,
    "automated_decision": AUTOMATED_DECISION,
    "incompatible_content_illegal": YES_NO,
}
#: Array fields of enum values.
ARRAY_ENUMS: dict[str, frozenset[str]] = {
    "decision_visibility": DECISION_VISIBILITY,
    "content_type": CONTENT_TYPE,
    "category_addition": CATEGORY,
    "category_specification": CATEGORY_SPECIFICATION,
    "territorial_scope": EEA_COUNTRIES,
}
REQUIRED = ("decision_ground", "content_type", "category", "content_date", "application_date",
            "decision_facts", "source_type", "automated_detection", "automated_decision", "puid")
#: (``*_other`` field, the field that must hold the OTHER value, that value).
OTHER_FIELDS = (
    ("decision_visibility_other", "decision_visibility", "DECISION_VISIBILITY_OTHER"),
    ("decision_monetary_other", "decision_monetary", "DECISION_MONETARY_OTHER"),
    ("content_type_other", "content_type", "CONTENT_TYPE_OTHER"),
)
#: The fields each decision ground requires, and those it does not allow.
GROUND_FIELDS = {
    "DECISION_GROUND_ILLEGAL_CONTENT": ("illegal_content_legal_ground", "illegal_content_explanation"),
    "DECISION_GROUND_INCOMPATIBLE_CONTENT": ("incompatible_content_ground",
                                             "incompatible_content_explanation"),
}
KNOWN_FIELDS = frozenset(
    set(TEXT_LIMITS) | set(ENUMS) | set(ARRAY_ENUMS) | set(END_DATE_FIELDS)
    | {"content_id", "content_language", "content_date", "application_date"}
)


def _blank(value: Any) -> bool:
    """Missing as the database's ``required`` rule sees it: null, empty string or empty array."""
    return value is None or (isinstance(value, str) and not value.strip()) or (
        isinstance(value, list | tuple) and not value)


def _day(value: Any, name: str, problems: list[str]) -> date | None:
    if not isinstance(value, str) or not DATE_RE.match(value):
        problems.append(f"{name}: must be a date written YYYY-MM-DD (got {value!r})")
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        problems.append(f"{name}: {value!r} is not a calendar date")
        return None


def _enum_list(name: str, value: Any, allowed: frozenset[str], problems: list[str]) -> list[str]:
    if not isinstance(value, list):
        problems.append(f"{name}: must be an array")
        return []
    bad = [v for v in value if not isinstance(v, str) or v not in allowed]
    for v in bad:
        problems.append(f"{name}: {v!r} is not an allowed value")
    if len(set(map(str, value))) != len(value):
        problems.append(f"{name}: a value is listed twice")
    return [v for v in value if isinstance(v, str)]


def validate(statement: Mapping[str, Any]) -> list[str]:
    """Every way ``statement`` breaks the Transparency Database's rules; empty when it is valid."""
    if not isinstance(statement, Mapping):
        return ["the statement must be a JSON object"]
    problems: list[str] = []
    present = {k: v for k, v in statement.items() if v is not None}

    for name in sorted(set(statement) - KNOWN_FIELDS):
        problems.append(f"{name}: not a field of the statement-of-reasons schema")

    for name in REQUIRED:
        if _blank(present.get(name)):
            problems.append(f"{name}: required")
    if all(_blank(present.get(name)) for name in DECISION_FIELDS):
        problems.append("decision_visibility, decision_monetary, decision_provision, decision_account: "
                        "at least one restriction is required")

    # Types, enums and lengths of whatever is given.
    for name, allowed in ENUMS.items():
        value = present.get(name)
        if value is None or _blank(value):
            continue
        if not isinstance(value, str) or value not in allowed:
            problems.append(f"{name}: {value!r} is not an allowed value")
    arrays = {}
    for name, allowed in ARRAY_ENUMS.items():
        if name in present and not (name in REQUIRED and _blank(present[name])):
            arrays[name] = _enum_list(name, present[name], allowed, problems)
    for name, limit in TEXT_LIMITS.items():
        value = present.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            problems.append(f"{name}: must be a string")
        elif len(value) > limit:
            problems.append(f"{name}: {len(value)} characters; at most {limit}")

    # *_other only together with the OTHER value, and then required.
    for other, field, value in OTHER_FIELDS:
        chosen = present.get(field)
        has_other = value in chosen if isinstance(chosen, list) else chosen == value
        if has_other and _blank(present.get(other)):
            problems.append(f"{other}: required when {field} is {value}")
        elif not has_other and other in present:
            problems.append(f"{other}: only allowed when {field} is {value}")

    # The explanation that belongs to the ground, and nothing of the other ground.
    ground = present.get("decision_ground")
    for name, fields in GROUND_FIELDS.items():
        for field in fields:
            if ground == name and _blank(present.get(field)):
                problems.append(f"{field}: required when decision_ground is {name}")
            elif ground != name and ground in GROUND_FIELDS and field in present:
                problems.append(f"{field}: only allowed when decision_ground is {name}")
    if "incompatible_content_illegal" in present and ground != "DECISION_GROUND_INCOMPATIBLE_CONTENT":
        problems.append("incompatible_content_illegal: only allowed when decision_ground is "
                        "DECISION_GROUND_INCOMPATIBLE_CONTENT")
    if "source_identity" in present and present.get("source_type") == "SOURCE_VOLUNTARY":
        problems.append("source_identity: ignored for SOURCE_VOLUNTARY; leave it out")

    # Dates.
    if not _blank(present.get("content_date")):
        day = _day(present["content_date"], "content_date", problems)
        if day and not CONTENT_DATE_MIN <= day <= CONTENT_DATE_MAX:
            problems.append(f"content_date: {day} is outside {CONTENT_DATE_MIN}..{CONTENT_DATE_MAX}")
    applied = None
    if not _blank(present.get("application_date")):
        applied = _day(present["application_date"], "application_date", problems)
        if applied and applied < APPLICATION_DATE_MIN:
            problems.append(f"application_date: {applied} is before {APPLICATION_DATE_MIN}")
    for name in END_DATE_FIELDS:
        value = present.get(name)
        if value is None or value == "":  # blank: indefinite
            continue
        end = _day(value, name, problems)
        if end and applied and end < applied:
            problems.append(f"{name}: {end} is before application_date {applied}")

    # Identifiers and codes.
    puid = present.get("puid")
    if isinstance(puid, str) and puid and not PUID_RE.match(puid):
        problems.append("puid: only letters, digits, '-' and '_' are allowed")
    url = present.get("decision_ground_reference_url")
    if isinstance(url, str) and url and not URL_RE.match(url):
        problems.append("decision_ground_reference_url: not an http(s) URL")
    language = present.get("content_language")
    if language is not None and (not isinstance(language, str) or language not in ISO_639_1):
        problems.append(f"content_language: {language!r} is not an upper-case ISO 639-1 code")
    content_id = present.get("content_id")
    if content_id is not None:
        if not isinstance(content_id, Mapping) or set(content_id) - {"EAN-13"}:
            problems.append('content_id: must be an object {"EAN-13": "<13 digits>"}')
        elif not (isinstance(content_id.get("EAN-13"), str) and EAN13_RE.match(content_id["EAN-13"])):
            problems.append("content_id: EAN-13 must be 13 digits")
    return problems


def is_restrictive(statement: Mapping[str, Any]) -> bool:
    return any(not _blank(statement.get(name)) for name in DECISION_FIELDS)


def free_text(statement: Mapping[str, Any]) -> Iterable[tuple[str, str]]:
    """(field, text) for every free-text field that holds a string."""
    for name in FREE_TEXT_FIELDS:
        value = statement.get(name)
        if isinstance(value, str) and value:
            yield name, value
