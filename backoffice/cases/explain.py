"""Why a flag fired, in the reviewer's language: the detector in words, the term and the view of the text
it was found in, the score, and for the learned model its version and strongest features.

The detector's codes (``phone``, ``pinyin:weixin``, ``rule:offsite_contact:phone``) never reach the page:
every part is translated here, and an unknown code falls back to a neutral phrase.
"""

from __future__ import annotations

import re
import unicodedata

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from backoffice.labels import CATEGORY_LABELS, SOURCE_LABELS
from backoffice.policy.titles import fraud_pattern_title

DETECTOR_LABELS = {
    "lexicon": _l("keyword"),
    "phone": _l("phone number"),
    "landline": _l("landline number"),
    "phone_split": _l("phone number split across messages"),
    "qq_number": _l("QQ number"),
    "wechat_id": _l("WeChat ID"),
    "solicit": _l("asks to add a contact"),
    "email": _l("e-mail"),
    "url": _l("link"),
    "qr_code": _l("QR code"),
    "contact_image": _l("contact details in an image"),
    "reply_time": _l("late reply"),
    "mechanical_reply": _l("mechanical reply"),
    "irrelevant_reply": _l("reply that does not answer the question"),
    "after_refusal": _l("contact after the customer asked to stop"),
    "frequent_contact": _l("frequent messages"),
    "night_contact": _l("contact at an unreasonable hour"),
    "model": _l("learned model"),
    "customer_report": _l("customer report"),
    "merchant_fraud_report": _l("merchant report"),
    "mass_sending": _l("the same advertisement sent to several customers"),
    "removed_handle": _l("a contact handle of a removed shop"),
    "customer_fraud": _l("customer fraud pattern"),
    "manual_sweep": _l("found by a reviewer's daily sweep"),
}
#: How the term was written, for a hit found in another view of the text than the plain (folded) one.
VIEW_PHRASES = {
    "pinyin": _l("pinyin of %(term)s"),
    "initials": _l("pinyin initials of %(term)s"),
    "reversed": _l("%(term)s written backwards"),
    "components": _l("%(term)s split into components"),
    "digits": _l("%(term)s with numbers written out"),
    "joined": _l("%(term)s joined across messages"),
}
#: The same views without a term (a detector that names no term, e.g. a phone number written in words).
VIEW_NAMES = {
    "pinyin": _l("pinyin"),
    "initials": _l("pinyin initials"),
    "reversed": _l("written backwards"),
    "components": _l("split into components"),
    "digits": _l("numbers written out"),
    "joined": _l("joined across messages"),
}
#: Every view by name (the dashboard's precision by view).
VIEW_LABELS = {"folded": _l("plain text"), **VIEW_NAMES, "model": _l("learned model alone")}
#: A model feature's view prefix ("pinyin:weixin") in words.
FEATURE_PREFIXES = {
    "pinyin": _l("pinyin"),
    "initials": _l("pinyin initials"),
    "reversed": _l("backwards"),
    "components": _l("components"),
    "digits": _l("digits"),
    "joined": _l("across messages"),
}
#: The model's features for the shape of a run of digits (other shapes: "a number of 5-8 digits").
NUMBER_SHAPES = {
    "mobile": _l("a number shaped like a mobile number"), "masked": _l("a partly hidden number"),
    "decimal": _l("a number with a decimal point"), "dotted": _l("a number with two dots (like a version)"),
    "percent": _l("a percentage"), "year": _l("a year"), "code-year": _l("a code followed by a year"),
    "dash": _l("numbers joined by a dash"), "slash": _l("numbers joined by a slash"),
    "unit": _l("a number with a unit"), "currency": _l("an amount of money"),
}
#: Features shown per flag; the model keeps them in order of weight.
MAX_FEATURES = 5
_REPLY_RE = re.compile(r"^reply within (\d+) s$")
#: Detectors whose label already says which view they read, so the view is not repeated ("split across messages").
_VIEW_IN_LABEL = {"phone_split": "joined"}


def _says_nothing(feature: str) -> bool:
    """A feature no reviewer can read as a reason: punctuation or spaces only ("，", ","), or one Latin
    letter or digit ("j", "8"), plain or ``folded:``. The model still weighs them; the page leaves them out."""
    prefix, sep, rest = feature.partition(":")
    if sep and rest and (prefix in FEATURE_PREFIXES or prefix in ("rule", "num", "token")):
        return False
    text = rest if sep and prefix == "folded" and rest else feature
    if all(unicodedata.category(c)[0] in "PZSC" for c in text):
        return True
    return len(text.strip()) == 1 and text.strip().isascii()


def detector_label(detector: str | None) -> str:
    return str(DETECTOR_LABELS[detector]) if detector in DETECTOR_LABELS else _("other detector")


def _quoted(term: str) -> str:
    return _("“%(term)s”", term=term)


def _what(detector: str, term: str | None, view: str, matched: str | None = None) -> str:
    """The detector, and the term where it names one, as written in its view.

    A lexicon hit reports its entry's label: the canonical term, or the name of a group of variants
    ("威胁" for "知道你住哪"). Where the plain text does not contain that label, the words that are in the
    message are quoted, and the label only names the list they are on.
    """
    label = detector_label(detector)
    if detector == "reply_time":
        match = _REPLY_RE.match(term or "")
        if match:
            return _("%(what)s (limit %(n)s minutes)", what=label, n=f"{int(match.group(1)) / 60:g}")
        return label
    if detector == "customer_fraud" and fraud_pattern_title(term):
        return _("%(what)s: %(term)s", what=label, term=fraud_pattern_title(term))
    if detector in ("lexicon", "solicit") and term and matched and view not in VIEW_PHRASES and term not in matched:
        return _("%(what)s: %(matched)s (listed under %(term)s)", what=label, matched=_quoted(matched),
                 term=_quoted(term))
    if detector in ("lexicon", "solicit") and term:
        shown = str(VIEW_PHRASES[view]) % {"term": _quoted(term)} if view in VIEW_PHRASES else _quoted(term)
        return _("%(what)s: %(term)s", what=label, term=shown)
    if view in VIEW_NAMES and _VIEW_IN_LABEL.get(detector) != view:
        return _("%(what)s (%(view)s)", what=label, view=str(VIEW_NAMES[view]))
    return label


#: How much of a matched text the dashboard quotes as an example.
EXAMPLE_CHARS = 24


def term_text(detector: str, term: str | None, view: str, example: str | None) -> str:
    """A row of the precision by term in words: the detector kind, its term as written, and a text it
    matched as a quoted example ("learned model: pinyin 你给, e.g. “你给中评什么意思？…”")."""
    if view == "model" or detector == "model":
        label = detector_label("model")
        what = _("%(what)s: %(term)s", what=label, term=feature_text(term)) if term else label
    else:
        what = _what(detector, term, view)
    if not example or example == term:
        return what
    shown = example if len(example) <= EXAMPLE_CHARS else example[:EXAMPLE_CHARS] + "…"
    return _("%(what)s, e.g. %(example)s", what=what, example=_quoted(shown))


def _ref(message: object) -> str:
    return f"#{message}"


def conduct_text(detector: str, evidence: dict | None) -> str:
    """A conversation-level finding in words: what the merchant did, and which messages show it.

    ``evidence`` is what ``backoffice.detection.mechanical``/``harassment`` found; a finding without
    it (or of a shape this code does not know) is named by its detector alone.
    """
    label, e = detector_label(detector), evidence or {}
    try:
        if detector == "mechanical_reply":
            why = _("the same canned text (%(refs)s) was the reply to %(n)s different questions and does not "
                    "answer this one", n=e["questions"], refs=_(", ").join(map(_ref, e["replies"])))
        elif detector == "irrelevant_reply":
            why = _("a canned text already sent at %(earlier)s in reply to another question (%(other)s), "
                    "sharing no words with this question (%(question)s)", earlier=_ref(e["earlier_reply"]),
                    other=_ref(e["earlier_question"]), question=_ref(e["question"]))
        elif detector == "after_refusal":
            why = _("the customer asked to stop at %(ref)s (%(said)s); this is the merchant's message "
                    "no. %(nth)s after it, %(minutes)s minutes later", ref=_ref(e["refusal"]),
                    said=_quoted(e["said"]), nth=e["nth"], minutes=e["minutes"])
        elif detector == "frequent_contact":
            why = _("%(n)s merchant messages within %(minutes)s minutes with no reply from the customer "
                    "(from %(first)s)", n=e["messages"], minutes=e["minutes"], first=_ref(e["first"]))
        elif detector == "night_contact":
            why = _("sent at %(at)s, inside the unreasonable hours %(start)s–%(end)s, with no customer "
                    "message in the %(minutes)s minutes before", at=e["at"], start=e["start"], end=e["end"],
                    minutes=e["minutes"])
        else:
            return label
    except (KeyError, TypeError):
        return label
    return _("%(what)s: %(why)s", what=label, why=why)


def feature_text(feature: str) -> str:
    """One model feature in words: ``pinyin:weixin`` → "pinyin weixin", ``rule:offsite_contact:phone`` →
    "rule hit: phone number", ``num:mobile`` → "mobile-number-shaped digits", a plain n-gram quoted.

    The names are those of ``backoffice.detection.features.named`` and ``model.rule_features``.
    """
    prefix, sep, rest = feature.partition(":")
    if sep and prefix == "rule":
        category, _sep, what = rest.partition(":")
        if what.startswith("view:"):
            view = what.removeprefix("view:")
            return _("rule hit in %(view)s", view=str(VIEW_LABELS.get(view, view)))
        if what:
            hit = detector_label(what) if what in DETECTOR_LABELS else _quoted(what)
        else:
            hit = str(CATEGORY_LABELS.get(category, _("a rule")))
        return _("rule hit: %(hit)s", hit=hit)
    if sep and prefix == "num":
        if rest in NUMBER_SHAPES:
            return str(NUMBER_SHAPES[rest])
        return _("a number of %(n)s digits", n=rest)
    if sep and prefix in FEATURE_PREFIXES and rest:
        return _("%(view)s %(text)s", view=str(FEATURE_PREFIXES[prefix]), text=rest)
    if sep and prefix == "folded" and rest:
        return _quoted(rest)
    if sep and prefix == "token" and rest:
        return _("the letters and digits %(text)s", text=_quoted(rest))
    return _quoted(feature)


def model_text(version: str | None, features) -> str:
    """"model (version v3) because of: pinyin weixin, “加我”"."""
    shown = [feature_text(f) for f in [f for f in features or () if not _says_nothing(f)][:MAX_FEATURES]]
    model = _("model (version %(v)s)", v=version) if version else _("model")
    if not shown:
        return model
    return _("%(model)s because of: %(features)s", model=model, features=_(", ").join(shown))


def score_text(score: float | None, confidence: float) -> str:
    if score is not None:
        return _("combined score %(pct)s", pct=f"{score:.0%}")
    return _("confidence %(pct)s", pct=f"{confidence:.0%}")


def explain_flag(flag) -> str:
    """One line for a flag on the case page: source · what fired and how · model reasons · score."""
    source = str(SOURCE_LABELS.get(flag.source.value, _("Detector")))
    if flag.source.value != "detector":
        return source
    parts = [source]
    if flag.view == "model":
        parts.append(model_text(flag.model_version, flag.features))
    elif flag.where == "conduct":
        parts.append(conduct_text(flag.detector, flag.evidence))
    else:
        what = _what(flag.detector, flag.term, flag.view, getattr(flag, "matched", None))
        if flag.where == "attachment":
            what = _("%(what)s, in an attachment", what=what)
        parts.append(what)
        if flag.features:
            parts.append(model_text(flag.model_version, flag.features))
    parts.append(score_text(flag.score, flag.confidence))
    return " · ".join(parts)
