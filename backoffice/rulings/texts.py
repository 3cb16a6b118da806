"""The fixed wording of a ruling document (translated), looked up per language."""

from __future__ import annotations

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from backoffice.accounts.forms import ROLE_LABELS
from backoffice.accounts.models import Role
from backoffice.labels import CHANNEL_LABELS, MEASURE_NAMES, SENDER_LABELS, SEVERITY_LABELS

LANGS = ("zh", "en")

TEXTS = {
    "title": _l("Decision on a violation"),
    "number": _l("Ruling no."),
    "page": _l("Page {page} of {pages}"),
    "parties": _l("1. Case and parties"),
    "case": _l("Case no."),
    "merchant": _l("Merchant"),
    "platform": _l("Platform"),
    "channel": _l("Channel"),
    "customer": _l("Customer"),
    "decided_at": _l("Decided at"),
    "effective_at": _l("Takes effect at"),
    "decided_by": _l("Decided by"),
    "approved_by": _l("Approved by (four-eyes)"),
    "severity": _l("Severity"),
    "offence_no": _l("Offence no. under this rule"),
    "time_note": _l("All times are platform time (China Standard Time, UTC+8)."),
    "measures": _l("2. Measures imposed"),
    "measure": _l("Measure"),
    "extent": _l("Amount or extent"),
    "starts": _l("Starts"),
    "ends": _l("Ends"),
    "no_end": _l("no end date"),
    "until_lifted": _l("until lifted"),
    "permanent": _l("permanent"),
    "instant": _l("one-off"),
    "no_measures": _l("No measures (the violation is recorded without a penalty)."),
    "scope": _l("Territorial scope: the merchant's shop on this platform, in every region where it is "
                "offered."),
    "interim": _l("Automatic interim measures taken before the review"),
    "interim_note": _l("The measures above were taken fully automatically when the messages were flagged, "
                       "before any person reviewed the case. The search demotion ended when this ruling was "
                       "made (the ruling's own measures replace it); the risk notice is shown whatever the "
                       "review finds."),
    "lifted": _l("lifted %(t)s"),
    "cancelled": _l("cancelled before it began"),
    "facts": _l("3. Facts and circumstances"),
    "facts_intro": _l("The ruling relies on the following messages (quoted as received; marked text is "
                      "what was flagged; customers' personal data is masked)."),
    "message": _l("Message"),
    "sender": _l("Sender"),
    "no_messages": _l("The ruling relies on a customer report; no single message is quoted."),
    "rationale": _l("Reviewer's findings"),
    "ground": _l("4. Ground: the rule broken"),
    "ground_kind": _l("Contractual ground (the platform's rules for merchants)"),
    "rule": _l("Rule"),
    "document": _l("Source document"),
    "clause": _l("Clause"),
    "version": _l("Rule-set version"),
    "rule_text": _l("Rule text"),
    "why": _l("Why the conduct breaks the rule"),
    "computation": _l("How the measures follow from the rule"),
    "engine_record": _l("the rule engine's record, in English"),
    "in_chinese": _l("original in Chinese"),
    "automation": _l("5. Source and use of automated means"),
    "origin": _l("How the case arose"),
    "origin_notice": _l("From a customer report (a notice)"),
    "origin_own": _l("On the platform's own initiative"),
    "detection": _l("Detection"),
    "detected_auto": _l("Detected automatically (keyword and pattern detection)"),
    "detected_report": _l("From a customer report"),
    "detected_manual": _l("Found by platform staff"),
    "decision_auto": _l("Decision"),
    "decision_human": _l("Not automated: a human reviewer examined the conversation and decided"),
    "redress": _l("6. How to challenge this ruling"),
    "appeal_route": _l("Internal appeal: in the merchant portal open this ruling and choose "
                       "\"Appeal this ruling\". The appeal is free and is decided by a reviewer who was "
                       "not involved in this ruling."),
    "deadline": _l("Appeal deadline"),
    "deadline_note": _l("%(days)s days, counted in platform days from the ruling"),
    "deadline_note_eu": _l("at least %(months)s months from the ruling, as the EU Digital Services Act "
                           "requires (Art. 20(1)); the rule itself grants %(days)s days"),
    "evidence": _l("Evidence that helps"),
    "out_of_court": _l("Out-of-court dispute settlement: you may also turn to a certified out-of-court "
                       "dispute settlement body."),
    "courts": _l("Courts: you may bring the matter before the competent court at any time; the appeal "
                 "does not prevent this."),
    "outcome": _l("7. Appeal outcome"),
    "changed_banner": _l("Changed on appeal on %(t)s: the outcome and the measures now in force are in section 7."),
    "outcome_note": _l("The original ruling above is kept unchanged for the record; the appeal decision "
                       "below supersedes its measures."),
    "outcome_label": _l("Outcome"),
    "superseding": _l("Measures now in force"),
    "penalty_state": _l("State of the penalty"),
    "ended_at": _l("Penalty ended at"),
    "seal": _l("Rule enforcement"),
    "issued_by": _l("Issued by the platform's merchant rule enforcement team"),
    "hash": _l("Content SHA-256"),
    "hash_note": _l("The hash covers the content of this ruling as recorded by the platform. To check "
                    "a copy, upload it or enter the ruling number and hash on the verification page "
                    "(%(url)s)."),
    "masked": _l("Personal data of customers is masked."),
}

OUTCOMES = {"upheld": _l("Ruling upheld"), "overturned": _l("Ruling overturned: every measure reversed"),
            "reduced": _l("Penalty reduced")}
STATES = {"in_force": _l("in force"), "overturned": _l("overturned"), "superseded": _l("superseded"),
          "withdrawn": _l("undone by the reviewer")}
ROLES = {role.value: ROLE_LABELS[role] for role in Role}


def texts_for(lang: str) -> dict[str, object]:
    """Every fixed string and label table, translated into ``lang``."""
    with force_locale(lang):
        out: dict[str, object] = {k: str(v) for k, v in TEXTS.items()}
        for name, table in (("outcomes", OUTCOMES), ("states", STATES), ("roles", ROLES),
                            ("channels", CHANNEL_LABELS), ("senders", SENDER_LABELS),
                            ("severities", SEVERITY_LABELS), ("measure_names", MEASURE_NAMES)):
            out[name] = {k: str(v) for k, v in table.items()}
    return out
