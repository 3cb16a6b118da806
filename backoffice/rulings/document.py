"""The template context of a ruling document: the facts plus their wording in one or two languages.

Every language-dependent leaf becomes ``{lang: text}`` so the template can print one language or
both (bilingual documents stack the English under the Chinese).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import current_app
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _

from backoffice.labels import TRACK_LABELS
from backoffice.rulings.texts import texts_for
from backoffice.timeutil import deadline_text, to_platform_tz

LANG_MODES = {"zh": ("zh",), "en": ("en",), "both": ("zh", "en")}
INSTANT = {"integrity_points", "violation_points", "deposit_deduction", "consumer_compensation",
           "content_removal", "warning", "risk_notice"}


def fmt(iso: str | None, seconds: bool = False) -> str:
    if not iso:
        return "—"
    pattern = "%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M"
    return to_platform_tz(datetime.fromisoformat(iso)).strftime(pattern)


def has_cjk(text: str | None) -> bool:
    """Whether ``text`` holds Chinese characters (CJK ideographs or full-width punctuation)."""
    return any("\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
               for c in text or "")


def fmt_deadline(iso: str) -> str:
    return deadline_text(datetime.fromisoformat(iso))


def _extent(m: dict) -> str:
    kind = m["type"]
    if kind == "integrity_points":
        return _("%(n)s integrity points", n=m.get("integrity_points"))
    if kind == "violation_points":
        track = m.get("track")
        return _("%(n)s points (%(track)s)", n=m.get("violation_points"),
                 track=TRACK_LABELS.get(track, track))
    if kind == "deposit_deduction":
        text = _("whole deposit") if m.get("whole_deposit") else _("%(n)s yuan", n=m.get("requested"))
        if m.get("shortfall") and str(m["shortfall"]) not in ("0", "0.00"):
            text += _(" (%(applied)s yuan taken, shortfall %(short)s yuan)", applied=m.get("applied"),
                      short=m.get("shortfall"))
        return text
    if kind == "consumer_compensation":
        return _("%(n)s yuan", n=m.get("amount"))
    if m.get("minutes"):
        return ngettext("%(num)s minute", "%(num)s minutes", int(m["minutes"]))
    if m.get("days"):
        return ngettext("%(num)s day", "%(num)s days", int(m["days"]))
    return "—"


def _ends(m: dict, T: dict) -> str:
    if m.get("ends_at"):
        return fmt(m["ends_at"])
    if m.get("permanent") or m["type"] == "removal":  # a removal has no end date, and is not "until lifted"
        return T["permanent"]
    if m["type"] in INSTANT:
        return T["instant"]
    return T["until_lifted"]


def _rows(measures: list[dict] | None, T: dict) -> list[dict] | None:
    if measures is None:
        return None
    return [{"name": T["measure_names"].get(m["type"], m["type"]), "extent": _extent(m),
             "starts": fmt(m.get("starts_at")), "ends": _ends(m, T)} for m in measures]


def _interim(items: list[dict], T: dict) -> list[dict]:
    return [{"name": T["measure_names"].get(i["type"], i["type"]), "starts": fmt(i["starts_at"]),
             "ends": _interim_end(i, T)} for i in items]


def _interim_end(item: dict, T: dict) -> str:
    lifted = item["lifted_at"]
    if not lifted:
        return _ends(item, T)
    if item["starts_at"] and datetime.fromisoformat(lifted) <= datetime.fromisoformat(item["starts_at"]):
        return T["cancelled"]
    return T["lifted"] % {"t": fmt(lifted)}


def css_string(text: str) -> str:
    """A quoted CSS string; anything but letters, digits, spaces and CJK is escaped."""
    return '"' + "".join(c if c.isalnum() or c in " .·-_:()（）" else f"\\{ord(c):x} " for c in text) + '"'


def _page_css(template: str) -> str:
    """'Page {page} of {pages}' as a CSS ``content`` value with page counters."""
    out, rest = [], template
    while rest:
        head, brace, tail = rest.partition("{")
        if head:
            out.append(css_string(head))
        if not brace:
            break
        name, _close, rest = tail.partition("}")
        out.append("counter(pages)" if name == "pages" else "counter(page)")
    return " ".join(out)


def verify_url() -> str:
    """Where a copy is verified: always a full address (config.PUBLIC_URL, checked at start-up)."""
    return current_app.config["PUBLIC_URL"].rstrip("/") + "/rulings/verify"


def _deadline_note(appeal: dict, T: dict) -> str:
    if months := appeal.get("min_months"):
        return str(T["deadline_note_eu"]) % {"months": months, "days": appeal["days"]}
    return str(T["deadline_note"]) % {"days": appeal["days"]}


def _localised(facts: dict, lang: str) -> dict[str, Any]:
    with force_locale(lang):
        T = texts_for(lang)
        later = facts.get("later") or {}
        appeal = later.get("appeal") or {}
        return {
            "T": T,
            "platform": facts["platform_name"][lang],
            "rule_title": facts["rule"]["title"][lang],
            "rule_text": facts["rule"]["text"][lang],
            "evidence": [e[lang] for e in facts["appeal"]["evidence"]],
            "measures": _rows(facts["measures"], T),
            "interim": _interim(facts["interim"], T),
            "successor": _rows(appeal.get("measures"), T) or [],
            "changed_banner": str(T["changed_banner"]) % {"t": fmt(appeal.get("decided_at"))},
            "deadline_note": _deadline_note(facts["appeal"], T),
            "hash_note": str(T["hash_note"]) % {"url": verify_url()},
            "page_css": _page_css(str(T["page"])),
        }


def _merge(values: dict[str, Any]) -> Any:
    """Same-shaped structures per language -> one structure whose text leaves are {lang: text}."""
    first = next(iter(values.values()))
    if isinstance(first, dict):
        return {k: _merge({lang: v.get(k) for lang, v in values.items()}) for k in first}
    if isinstance(first, list):
        return [_merge({lang: v[i] for lang, v in values.items()}) for i in range(len(first))]
    return values


def document_context(facts: dict, mode: str, content_hash: str) -> dict[str, Any]:
    """The context for ``templates/pdf/ruling.html``."""
    langs = LANG_MODES[mode]
    merged = _merge({lang: _localised(facts, lang) for lang in langs})
    first, T, pages = langs[0], merged["T"], merged.pop("page_css")
    css = {
        "top_left": css_string(f"{merged['platform'][first]} · {T['title'][first]}"),
        "top_right": css_string(f"{T['number'][first]} {facts['number']}"),
        "page": ' " · " '.join(pages[lang] for lang in langs),
        "bottom_right": css_string(f"SHA-256 {content_hash[:16]}"),
    }
    return {"f": facts, "langs": langs, "L": merged, "T": T, "hash": content_hash, "css": css, "fmt": fmt,
            "fmt_deadline": fmt_deadline, "has_cjk": has_cjk,
            "html_lang": "zh-CN" if first == "zh" else "en"}
