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
from backoffice.detection.normalize import _DIGIT_VALUE, DIGIT_LIKE, normalize
from backoffice.rulefiles import Count, Number, RuleModel, Score, Text, load

Words = tuple[Text, ...]


class Aliases(RuleModel):
    wechat: Words
    qq: Words


class Official(RuleModel):
    domains: Words
    qr_markers: Words
    image_markers: Words


class Numbers(RuleModel):
    exempt_before: Words
    exempt_after: Words
    window: Count


class Landline(RuleModel):
    require_context: Words
    window: Count


class SplitPhone(RuleModel):
    window_seconds: Number
    max_messages: Count


class Confidence(RuleModel):
    phone: Score
    landline: Score
    phone_split: Score
    qq_number: Score
    wechat_id: Score
    email: Score
    url: Score
    qr_code: Score
    contact_image: Score
    solicit: Score
    phone_partial: Score = 0.6
    qq_split: Score = 0.85


class Factor(RuleModel):
    pinyin: Score
    reversed: Score
    components: Score


class ViewSettings(RuleModel):
    """The obfuscation views (views.py); without this section the DEFAULT_VIEWS apply."""

    contact_words: Words
    contact_confidence: Score
    initials: tuple[tuple[Text, Text], ...]  # (initials, the word they abbreviate)
    initials_confidence: Score
    factor: Factor
    solicit_before: Words
    homophone_exempt: Words
    function_chars: Text
    min_syllables: Count


class ContactsFile(RuleModel):
    """``rules/lexicons/contacts.yaml``."""

    aliases: Aliases
    official: Official
    numbers: Numbers
    landline: Landline
    split_phone: SplitPhone
    confidence: Confidence
    views: ViewSettings | None = None


DEFAULT_VIEWS = {
    "contact_words": [], "contact_confidence": 0.6, "initials": [], "initials_confidence": 0.55,
    "factor": {"pinyin": 0.8, "reversed": 0.9, "components": 0.9}, "solicit_before": [],
    "homophone_exempt": [], "function_chars": "", "min_syllables": 3,
}

TLDS = "com|cn|net|org|top|xyz|vip|cc|me|io|shop|info|co|tv|club|site|online|wang|ltd|link|app"
#: An address starts where its local part does (after any leading "._%+-", outside the match's
#: span) and the local part and the spaces after it are possessive: no character of either can
#: begin the "@" that follows, so giving characters back never helps. Trying every position of a
#: long run ("www.www.www...") with backtracking was quadratic with a large constant: 25 s for a
#: 20,000-character message. (An address glued to the one before it, "a@qq.com.b@163.com", is not
#: found as a second address; the first one flags the message.)
_EMAIL_RE = re.compile(
    r"(?<![a-z0-9._%+-])[._%+-]*+(?P<email>[a-z0-9][a-z0-9._%+-]*+\s*+(?:@|#|艾特|\(at\)|\[at\]|(?<=\s)at\s+)\s*"
    rf"[a-z0-9-]+(?:\s*(?:\.|点)\s*[a-z0-9-]+)*?\s*(?:\.|点|dot)\s*(?:{TLDS})(?![a-z]))"
)
#: A bare domain has at most this many labels between its first and its top-level one, each of
#: at most 63 characters (as in DNS). Unbounded, a new attempt after every 点 or space walked
#: all later labels: "a点" x 10,000 took 6 to 12 s.
MAX_LABELS = 10
_URL_RE = re.compile(
    r"(?:https?://|www\s*(?:\.|点)\s*)[^\s,。!?;，\x1f]+"
    rf"|(?<![@a-z0-9.#_-])[a-z0-9][-a-z0-9]{{0,62}}(?:\s?(?:\.|点)\s?[a-z0-9-]{{1,63}}){{0,{MAX_LABELS}}}?"
    rf"\s?(?:\.|点)\s?(?:{TLDS})(?![a-z])"
)
#: Seven or more of one digit in a row: a placeholder or test number, never a real contact.
_PLACEHOLDER_RE = re.compile(r"([0-9])\1{6,}")
_MOBILE_RE = re.compile(r"(?<![0-9])(?:86)?(1[3-9][0-9]{9})(?![0-9])")
_LANDLINE_RE = re.compile(r"(?<![0-9])((?:0[1-9][0-9]{1,2}[0-9]{7,8})|(?:[48]00[0-9]{7}))(?![0-9])")
_DIGIT_RE = re.compile(r"[0-9]")
# Digits view: inside a run of digit-like characters, 两 and the look-alike letters o, l, i
# are digits too (138oo12三四五六, 一三八两...); letters at either end of the run stay letters.
_DIGITISH_RUN_RE = re.compile(f"[{DIGIT_LIKE}两oli]{{7,}}")
_DIGITS_TABLE = str.maketrans({**_DIGIT_VALUE, "两": "2", "o": "0", "l": "1", "i": "1"})
# masked mobile numbers on the compact view: 138****1234 loses its stars there (1381234);
# the scanner keeps the hit only when the original span shows the mask
MASKED_RE = re.compile(r"(?<![0-9])1[3-9][0-9](?:xxxx)?[0-9]{4}(?![0-9])")
MASK_CHARS = re.compile(r"[*＊xX×ｘＸ]")
_TAIL_RE = re.compile(r"尾号(?:是|为)?([0-9]{4})(?![0-9])")
_TAIL_CONTEXT = ("手机", "电话", "号码", "tel", "联系")


def _number_length(run: str) -> bool:
    n = len(run)
    return 10 <= n <= 12 or n in (13, 14) and run[0] in "8八捌" and run[1] in "6六陆"


@dataclass(frozen=True, slots=True)
class ContactHit:
    detector: str
    view: str  # "compact" or "s"
    start: int
    end: int
    confidence: float
    term: str
    shown: str = "folded"  # the view reported to reviewers (Hit.view)
    detail: str | None = None


def _alternation(words: tuple[str, ...]) -> str:
    parts = []
    for w in sorted({normalize(x) for x in words}, key=len, reverse=True):
        esc = re.escape(w)
        parts.append(f"(?<![a-z]){esc}" if w.isascii() and w[0].isalpha() else esc)
    return "|".join(parts)


class ContactDetector:
    def __init__(self, directory: Path | str | None = None) -> None:
        path = Path(directory or DEFAULT_DIR) / CONTACTS_FILE
        cfg = load(path, ContactsFile, kind="the contact detector settings")
        self.cfg = cfg
        self.conf = cfg.confidence.model_dump()
        self.view_cfg = {**DEFAULT_VIEWS, **(cfg.views.model_dump() if cfg.views else {})}
        wx, qq = _alternation(cfg.aliases.wechat), _alternation(cfg.aliases.qq)
        self.qq_alias_re = re.compile(qq)
        self.qq_re = re.compile(
            rf"(?:{qq})(?:号码|号|群号|群|账号)?(?:是|为)?([1-9][0-9]{{4,10}})(?![0-9元块分])"
        )
        self.wx_re = re.compile(
            rf"(?:{wx})(?:号码|号|id|账号)?(?:是|为|搜)?([a-z][a-z0-9]{{5,19}})|(wxid[a-z0-9]{{4,20}})"
        )
        self.solicit_re = re.compile(
            rf"(?:加|走|私|留|用|联系|找|发)(?:我|个|一下|下|我的|个人)?(?:(?P<wx>{wx})|(?P<qq>{qq}))(?![子款分除费钱件扣做当形图吉])"
        )
        self.exempt_before = [normalize(w) for w in cfg.numbers.exempt_before]
        self.exempt_after = tuple(normalize(w) for w in cfg.numbers.exempt_after)
        self.num_window = cfg.numbers.window
        self.landline_ctx = [normalize(w) for w in cfg.landline.require_context]
        self.landline_window = cfg.landline.window
        self.domains = tuple(cfg.official.domains)
        self.qr_markers = [normalize(w) for w in cfg.official.qr_markers]
        self.image_markers = [normalize(w) for w in cfg.official.image_markers]
        self.split_window = cfg.split_phone.window_seconds
        self.split_max = cfg.split_phone.max_messages
        # Batch-pass triggers, each a superset of what the detectors above can find:
        # every phone/QQ number is a 5-13 digit run; every WeChat id, QQ or solicitation
        # hit contains an alias (the aliases join the candidate automaton); every
        # e-mail or URL has a scheme, www or a .tld.
        # QQ numbers always follow an alias, so the digit trigger only needs phone lengths.
        self.trigger_words = {normalize(x): "微信" for x in cfg.aliases.wechat}
        self.trigger_words.update({normalize(x): "QQ" for x in cfg.aliases.qq})
        self.trigger_words["wxid"] = "微信"
        # every e-mail or URL contains http, www or its TLD's letters
        self.trigger_words.update({w: "url" for w in ["http", "www", *TLDS.split("|")]})
        # phone numbers are runs of 10-13 digit-like characters before numeral conversion
        # (the batch pass takes the runs of 10-14 and checks the length itself), plus the
        # masked numbers (138****1234 without its stars, or with x) and 两/o/l/i inside runs
        # (on the batch view, where digit-like characters are digits already)
        self.compact_trigger = re.compile(r"[0-9olix两]{7,}")
        self._dl_run = re.compile("[0-9]+")
        self.s_trigger = re.compile(rf"https?://|www|(?:[.点]|dot)\s*(?:{TLDS})(?![a-z])")

    # -- helpers ---------------------------------------------------------
    def number_exempt(self, c: str, start: int, end: int) -> bool:
        if _PLACEHOLDER_RE.search(c, start, end):  # 13800000000: a placeholder, nobody's number
            return True
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

    def digits_view(self, c: str) -> str | None:
        """``c`` with 两 and o/l/i inside digit runs made digits (same length), or None."""
        out = None
        for m in _DIGITISH_RUN_RE.finditer(c):
            run = m.group(0)
            lead = len(run) - len(run.lstrip("oli"))
            core = run.strip("oli")
            if sum(ch in DIGIT_LIKE for ch in core) < 5:
                continue
            conv = core.translate(_DIGITS_TABLE)
            if conv != core:
                base = out if out is not None else c
                a = m.start() + lead
                out = base[:a] + conv + base[a + len(core):]
        return out

    def partial_numbers(self, c: str, s: str) -> list[ContactHit]:
        """A phone number given in part: 138****1234, 手机尾号1234."""
        out = []
        for m in MASKED_RE.finditer(c):
            out.append(ContactHit("phone_partial", "compact", m.start(), m.end(), self.conf["phone_partial"],
                                  "phone", "digits", "masked"))
        if "尾号" in c:
            for m in _TAIL_RE.finditer(c):
                before = c[max(0, m.start() - self.num_window):m.start()]
                if any(w in before for w in _TAIL_CONTEXT):
                    out.append(ContactHit("phone_partial", "compact", m.start(), m.end(),
                                          self.conf["phone_partial"], "phone", "digits",
                                          f"tail of a phone number: {m.group(1)}"))
        return out

    # -- detection -------------------------------------------------------
    def detect(self, c: str, s: str) -> list[ContactHit]:
        """Contact hits in one message's compact view ``c`` and folded view ``s``."""
        out = self.phones(c) if _DIGIT_RE.search(c) else []
        d = self.digits_view(c) if ("两" in c or "o" in c or "l" in c or "i" in c) else None
        if d is not None:  # numbers with 两 or look-alike letters: new spans only
            old = {(h.start, h.end) for h in out}
            qq = self.conf["qq_number"]
            extra = self.phones(d) + [ContactHit("qq_number", "compact", m.start(), m.end(), qq, "QQ")
                                      for m in self.qq_re.finditer(d)]
            for h in extra:
                if (h.start, h.end) not in old and d[h.start:h.end] != c[h.start:h.end]:
                    digits = re.sub("[^0-9]", "", d[h.start:h.end])
                    out.append(ContactHit(h.detector, "compact", h.start, h.end, h.confidence, h.term,
                                          "digits", f"number read as {digits}"))
        out.extend(self.partial_numbers(c, s))
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
        emails = [m.span("email") for m in _EMAIL_RE.finditer(s)]
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

    def trigger_ok(self, run: str) -> bool:
        """A ``compact_trigger`` match that may hold a number: a masked number, or a run
        whose digit-like part (without o/l/i at its ends) or a pure digit-like stretch in
        it is 10-12 long, or 13-14 after 86 (tracking and order numbers are longer)."""
        if run.isdigit():  # the common case: a plain run of digits
            n = len(run)
            return _number_length(run) or n == 7 and run[0] == "1" and run[1] in "3456789"
        if MASKED_RE.search(run):
            return True
        run = run.replace("x", " ")
        return any(_number_length(w.strip("oli")) for w in run.split()) or any(
            _number_length(m) for m in self._dl_run.findall(run))

    def is_candidate(self, c: str, s: str) -> bool:
        return bool(self.compact_trigger.search(c) or self.s_trigger.search(s))
