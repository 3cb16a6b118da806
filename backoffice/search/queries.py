"""Staff search across cases: a shop's name or id, message text, a contact handle (in full, in part or
masked as 138****5678), a case number. Results are grouped by case, each with what matched.

PostgreSQL reads trigram GIN indexes (ILIKE '%…%' on messages, shop names, shop ids and handles;
migration 05755663072a); SQLite runs the same LIKE without them. Text of two characters (微信) has no
trigram, so the index cannot narrow it: its message search covers the open cases only, which the page
says (bench/results/search.txt has both kinds).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import sqlalchemy as sa
from markupsafe import Markup, escape

from backoffice.cases.models import OPEN_STATUSES, Case
from backoffice.conversations.models import Message
from backoffice.db import MAX_ID, db
from backoffice.merchants.models import Merchant, MerchantHandle

MIN_LENGTH = 2
#: Shorter text has no trigram: its message search is limited to open cases (see _message_hits).
TRIGRAM = 3
MAX_LENGTH = 100
MAX_CASES = 50
#: Rows read from each source before grouping: enough to fill a page of cases.
MAX_ROWS = 300
SNIPPET_CONTEXT = 30
_HANDLE_CHARS = re.compile(r"^[0-9a-z_@.*+-]+$")


@dataclass
class Hit:
    what: str  # "case", "merchant", "message" or "handle"
    snippet: Markup
    label: str = ""  # the handle's kind (phone, WeChat, ...), the sender of a message
    message_id: int | None = None


@dataclass
class CaseResult:
    case: Case
    hits: list[Hit] = field(default_factory=list)


def _like(text: str) -> str:
    """``text`` as a LIKE pattern matching it anywhere, its wildcards taken literally."""
    return "%" + re.sub(r"([\\%_])", r"\\\1", text) + "%"


def _inline(pattern: str):
    """A LIKE pattern written into the statement (quoted by the dialect) rather than bound: PostgreSQL
    plans each search for its own pattern (a rare one reads the trigram index, a common one scans),
    never with a generic plan prepared for every pattern."""
    return sa.bindparam(None, pattern, type_=sa.String(), literal_execute=True)


def handle_query(q: str) -> tuple[str, re.Pattern] | None:
    """(LIKE pattern, regex) for a handle as a person types it, or None when ``q`` is no handle.

    Spaces and dashes between the digits of a phone number go; a leading +86 goes; each run of ``*`` (a masked
    part: 138****5678) matches any characters, and a masked handle is matched whole.
    """
    text = q.strip().lower()
    squeezed = re.sub(r"[\s-]+", "", text)
    if re.fullmatch(r"\+?[0-9*]+", squeezed):  # a phone number written in groups: 138 1234 5678
        text = squeezed
    if not _HANDLE_CHARS.match(text) or len(text.replace("*", "")) < 4:
        return None
    text = re.sub(r"^\+?86(?=1\d{10}$)", "", text)
    parts = [p for p in re.split(r"\*+", text)]
    literal = [re.sub(r"([\\%_])", r"\\\1", p) for p in parts]
    if len(parts) == 1:
        return _like(text), re.compile(re.escape(text), re.I)
    return "%".join(literal), re.compile(".*?".join(re.escape(p) for p in parts), re.I)


def snippet(text: str, pattern: re.Pattern) -> Markup | None:
    """The part of ``text`` around the first match of ``pattern``, escaped, the match in ``<mark>``."""
    found = pattern.search(text)
    if not found:
        return None
    start, end = found.span()
    left, right = max(0, start - SNIPPET_CONTEXT), min(len(text), end + SNIPPET_CONTEXT)
    return Markup("{}{}<mark>{}</mark>{}{}").format(  # format() escapes each part
        "…" if left else "", text[left:start], text[start:end], text[end:right], "…" if right < len(text) else "")


def search(q: str) -> list[CaseResult]:
    """Cases matching ``q``, open ones first, newest first; at most MAX_CASES."""
    q = q.strip()[:MAX_LENGTH]
    literal = re.compile(re.escape(q), re.I)
    found: dict[int, list[Hit]] = {}
    number = q.lstrip("#")
    if number.isdigit() and int(number) <= MAX_ID and db.session.get(Case, int(number)) is not None:
        found.setdefault(int(number), []).append(Hit("case", escape(q)))
    for case_id, hit in _merchant_hits(q, literal) + _message_hits(q, literal) + _handle_hits(q):
        found.setdefault(case_id, []).append(hit)
    if not found:
        return []
    cases = db.session.scalars(
        sa.select(Case).where(Case.id.in_(found)).options(sa.orm.joinedload(Case.merchant))
        .order_by(Case.status.in_(OPEN_STATUSES).desc(), Case.opened_at.desc(), Case.id.desc())
        .limit(MAX_CASES)).unique()
    return [CaseResult(case, found[case.id][:5]) for case in cases]


def _cases_of_merchants(merchant_ids) -> list[tuple[int, int]]:
    """(case id, merchant id) of the merchants' cases, newest first."""
    return list(db.session.execute(
        sa.select(Case.id, Case.merchant_id).where(Case.merchant_id.in_(merchant_ids))
        .order_by(Case.opened_at.desc()).limit(MAX_ROWS)))


def _merchant_hits(q: str, literal: re.Pattern) -> list[tuple[int, Hit]]:
    merchants = {m.id: m for m in db.session.scalars(
        sa.select(Merchant).where(sa.or_(Merchant.name.ilike(_inline(_like(q)), escape="\\"),
                                         Merchant.external_id.ilike(_inline(_like(q)), escape="\\"))).limit(50))}
    if not merchants:
        return []
    hits = {}
    for mid, merchant in merchants.items():
        text = f"{merchant.name} · {merchant.external_id}"
        hits[mid] = Hit("merchant", snippet(text, literal) or escape(text))
    return [(case_id, hits[mid]) for case_id, mid in _cases_of_merchants(merchants)]


def _message_hits(q: str, literal: re.Pattern) -> list[tuple[int, Hit]]:
    matches = Message.text.ilike(_inline(_like(q)), escape="\\")
    if len(q) >= TRIGRAM:
        stmt = (sa.select(Case.id, Message.id, Message.text, Message.sender_role)
                .join(Case, Case.conversation_id == Message.conversation_id).where(matches))
    elif db.session.get_bind().dialect.name == "postgresql":
        # No trigram to look up: the index cannot narrow the text. Read only the open cases' messages,
        # case by case through each conversation's messages (OFFSET 0 keeps the planner from flattening
        # the LATERAL into a scan of every message): 0.2 s rather than 0.7 s at a million messages.
        found = (sa.select(Message.id, Message.text, Message.sender_role)
                 .where(Message.conversation_id == Case.conversation_id, matches).offset(0).lateral("found"))
        stmt = (sa.select(Case.id, found.c.id, found.c.text, found.c.sender_role).select_from(Case)
                .join(found, sa.true()).where(Case.status.in_(OPEN_STATUSES)))
    else:
        stmt = (sa.select(Case.id, Message.id, Message.text, Message.sender_role)
                .join(Case, Case.conversation_id == Message.conversation_id)
                .where(matches, Case.status.in_(OPEN_STATUSES)))
    rows = db.session.execute(stmt.limit(MAX_ROWS))
    return [(case_id, Hit("message", snippet(text, literal) or escape(text[:2 * SNIPPET_CONTEXT]),
                          sender.value, message_id))
            for case_id, message_id, text, sender in rows]


def _handle_hits(q: str) -> list[tuple[int, Hit]]:
    query = handle_query(q)
    if query is None:
        return []
    pattern, regex = query
    handles = db.session.execute(
        sa.select(MerchantHandle.merchant_id, MerchantHandle.kind, MerchantHandle.value)
        .where(MerchantHandle.value.like(_inline(pattern), escape="\\")).limit(50)).all()
    if not handles:
        return []
    by_merchant: dict[int, Hit] = {}
    for merchant_id, kind, value in handles:
        by_merchant.setdefault(merchant_id, Hit("handle", snippet(value, regex) or escape(value), kind))
    return [(case_id, by_merchant[mid]) for case_id, mid in _cases_of_merchants(by_merchant)]
