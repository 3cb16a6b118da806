"""Structured contact detectors: phones, QQ numbers, WeChat ids, e-mail, URLs.

Phones, QQ and WeChat ids are found on the compact view (separators removed,
Chinese numeral runs turned into digits); e-mail and URLs on the folded view
``s`` where dots and spaces still exist. Settings come from
rules/lexicons/contacts.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from backoffice.detection.lexicon import CONTACTS_FILE, DEFAULT_DIR
from backoffice.detection.normalize import DIGIT_LIKE, normalize
from backoffice.detection.yamlcheck import load_checked

_WORDS = [str]
CONTACTS_SCHEMA = {
    "aliases": {"wechat": _WORDS, "qq": _WORDS},
    "official": {"domains": _WORDS, "qr_markers": _WORDS, "image_markers": _WORDS},
    "numbers": {"exempt_before": _WORDS, "exempt_after": _WORDS, "window": int},
    "landline": {"require_context": _WORDS, "window": int},
    "split_phone": {"window_seconds": float, "max_messages": int},
    "confidence": {
        k: ("range", 0.0, 1.0)
        for k in ("phone", "landline", "phone_split", "qq_number", "wechat_id", "email", "url",
                  "qr_code", "contact_image", "solicit")
    },
}

TLDS = "com|cn|net|org|top|xyz|vip|cc|me|io|shop|info|co|tv|club|site|online|wang|ltd|link|app"
_EMAIL_RE = re.compile(
    r"[a-z0-9][a-z0-9._%+-]*\s*(?:@|#|艾特|\(at\)|\[at\]|\s+at\s+)\s*"
    rf"[a-z0-9-]+(?:\s*(?:\.|点)\s*[a-z0-9-]+)*?\s*(?:\.|点|dot)\s*(?:{TLDS})(?![a-z])"
)
_URL_RE = re.compile(
    r"(?:https?://|www\s*(?:\.|点)\s*)[^\s,。!?;，\x1f]+"
    rf"|(?<![@a-z0-9.#_-])[a-z0-9][-a-z0-9]{{0,62}}(?:\s?(?:\.|点)\s?[a-z0-9-]+)*?\s?(?:\.|点)\s?(?:{TLDS})(?![a-z])"
)
_MOBILE_RE = re.compile(r"(?<![0-9])(?:86)?(1[3-9][0-9]{9})(?![0-9])")
_LANDLINE_RE = re.compile(r"(?<![0-9])((?:0[1-9][0-9]{1,2}[0-9]{7,8})|(?:[48]00[0-9]{7}))(?![0-9])")
_DIGIT_RE = re.compile(r"[0-9]")


@dataclass(frozen=True, slots=True)
class ContactHit:
    detector: str
    view: str  # "compact" or "s"
    start: int
    end: int
    confidence: float
    term: str


def _alternation(words: list[str]) -> str:
    parts = []
    for w in sorted({normalize(x) for x in words}, key=len, reverse=True):
        esc = re.escape(w)
        parts.append(f"(?<![a-z]){esc}" if w.isascii() and w[0].isalpha() else esc)
    return "|".join(parts)


class ContactDetector:
    def __init__(self, directory: Path | str | None = None) -> None:
        path = Path(directory or DEFAULT_DIR) / CONTACTS_FILE
        cfg = load_checked(path, CONTACTS_SCHEMA)
        self.cfg = cfg
        self.conf = cfg["confidence"]
        wx, qq = _alternation(cfg["aliases"]["wechat"]), _alternation(cfg["aliases"]["qq"])
        self.qq_re = re.compile(
            rf"(?:{qq})(?:号码|号|群号|群|账号)?(?:是|为)?([1-9][0-9]{{4,10}})(?![0-9元块分])"
        )
        self.wx_re = re.compile(
            rf"(?:{wx})(?:号码|号|id|账号)?(?:是|为|搜)?([a-z][a-z0-9]{{5,19}})|(wxid[a-z0-9]{{4,20}})"
        )
        self.solicit_re = re.compile(
            rf"(?:加|走|私|留|用|联系|找|发)(?:我|个|一下|下|我的|个人)?(?:(?P<wx>{wx})|(?P<qq>{qq}))(?![子款分除费钱件扣做当形图吉])"
        )
        self.exempt_before = [normalize(w) for w in cfg["numbers"]["exempt_before"]]
        self.exempt_after = tuple(normalize(w) for w in cfg["numbers"]["exempt_after"])
        self.num_window = cfg["numbers"]["window"]
        self.landline_ctx = [normalize(w) for w in cfg["landline"]["require_context"]]
        self.landline_window = cfg["landline"]["window"]
        self.domains = tuple(cfg["official"]["domains"])
        self.qr_markers = [normalize(w) for w in cfg["official"]["qr_markers"]]
        self.image_markers = [normalize(w) for w in cfg["official"]["image_markers"]]
        self.split_window = cfg["split_phone"]["window_seconds"]
        self.split_max = cfg["split_phone"]["max_messages"]
        # Batch-pass triggers, each a superset of what the detectors above can find:
        # every phone/QQ number is a 5-13 digit run; every WeChat id, QQ or solicitation
        # hit contains an alias (the aliases join the candidate automaton); every
        # e-mail or URL has a scheme, www or a .tld.
        # QQ numbers always follow an alias, so the digit trigger only needs phone lengths.
        self.trigger_words = {normalize(x): "微信" for x in cfg["aliases"]["wechat"]}
        self.trigger_words.update({normalize(x): "QQ" for x in cfg["aliases"]["qq"]})
        self.trigger_words["wxid"] = "微信"
        # every e-mail or URL contains http, www or its TLD's letters
        self.trigger_words.update({w: "url" for w in ["http", "www", *TLDS.split("|")]})
        # phone numbers are runs of 10-13 digit-like characters before numeral conversion
        dl = f"[{DIGIT_LIKE}]"
        self.compact_trigger = re.compile(rf"(?<!{dl})(?:86|八六)?{dl}{{10,12}}(?!{dl})")
        self.s_trigger = re.compile(rf"https?://|www|(?:[.点]|dot)\s*(?:{TLDS})(?![a-z])")

    # -- helpers ---------------------------------------------------------
    def number_exempt(self, c: str, start: int, end: int) -> bool:
        before = c[max(0, start - self.num_window):start]
        if any(w in before for w in self.exempt_before):
            return True
        return c.startswith(self.exempt_after, end)

    def _near(self, c: str, start: int, words: list[str], window: int) -> bool:
        before = c[max(0, start - window):start]
        return any(w in before for w in words)

    def phones(self, c: str) -> list[ContactHit]:
        out = []
        for m in _MOBILE_RE.finditer(c):
            if not self.number_exempt(c, m.start(1), m.end(1)):
                out.append(ContactHit("phone", "compact", m.start(), m.end(), self.conf["phone"], "phone"))
        for m in _LANDLINE_RE.finditer(c):
            if self._near(c, m.start(), self.landline_ctx, self.landline_window) and not self.number_exempt(
                c, m.start(1), m.end(1)
            ):
                out.append(
                    ContactHit("landline", "compact", m.start(), m.end(), self.conf["landline"], "landline")
                )
        return out

    # -- detection -------------------------------------------------------
    def detect(self, c: str, s: str) -> list[ContactHit]:
        """Contact hits in one message's compact view ``c`` and folded view ``s``."""
        out = self.phones(c) if _DIGIT_RE.search(c) else []
        for m in self.qq_re.finditer(c):
            out.append(ContactHit("qq_number", "compact", m.start(), m.end(), self.conf["qq_number"], "QQ"))
        for m in self.wx_re.finditer(c):
            ident = m.group(1) or m.group(2)
            if m.group(1) and not _DIGIT_RE.search(ident) and len(ident) < 8:
                continue  # 微信好友 style words are not ids; short ids need a digit
            out.append(
                ContactHit("wechat_id", "compact", m.start(), m.end(), self.conf["wechat_id"], "微信")
            )
        for m in self.solicit_re.finditer(c):
            kind = "微信" if m.group("wx") else "QQ"
            out.append(ContactHit("solicit", "compact", m.start(), m.end(), self.conf["solicit"], kind))
        if not self.s_trigger.search(s):
            return out
        emails = [(m.start(), m.end()) for m in _EMAIL_RE.finditer(s)]
        for a, b in emails:
            out.append(ContactHit("email", "s", a, b, self.conf["email"], "email"))
        for m in _URL_RE.finditer(s):
            a, b = m.span()
            if any(a < eb and ea < b for ea, eb in emails):
                continue
            host = re.sub(r"\s|^https?://|^www\s*(?:\.|点)\s*", "", m.group(0)).replace("点", ".")
            host = host.split("/")[0]
            if any(host == d or host.endswith("." + d) for d in self.domains):
                continue
            out.append(ContactHit("url", "s", a, b, self.conf["url"], "url"))
        return out

    def is_candidate(self, c: str, s: str) -> bool:
        return bool(self.compact_trigger.search(c) or self.s_trigger.search(s))
