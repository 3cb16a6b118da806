"""Every page a signed-in person can reach speaks words, not codes.

Each demo account walks the application from its home page, following every link it is shown
(GET only), in Chinese, the default. On every page the visible text must not contain a status,
verdict, rule code, detection category or audit event key as it is stored: those are for the
database and the API. Text shown as recorded data (an audit event's stored change, a statement
as submitted to the EU database, a rule pack being edited) is marked ``translate="no"``, as HTML
means it, and is not read. Pages reached only by a form post are outside the walk.
"""

from __future__ import annotations

import enum
import re
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
import sqlalchemy as sa

from backoffice.accounts.models import REVIEW_ROLES, Role, User
from backoffice.api.models import Scope
from backoffice.audit.operations import Actor
from backoffice.cases.claims import claim_next
from backoffice.cases.explain import DETECTOR_LABELS, VIEW_LABELS
from backoffice.demo.cli import load_demo
from backoffice.demo.data import ACCOUNTS
from backoffice.extensions import db
from backoffice.policy import rulebook_of

PACKAGE = Path(__file__).resolve().parents[2] / "backoffice"
#: Enumerations whose values are identifiers a person types or reads as such: sign-in names
#: ("admin", "manager" are also the demo accounts' logins) and API token scopes.
NAMES_NOT_CODES = {Role, Scope}
#: Pages that end the walker's session or only serve files.
NOT_WALKED = re.compile(r"^/(logout|account/sessions/.*/end|static/|api/)"
                        r"|\.(pdf|zip|csv|png|jpg)$|/download|/evidence/")
PAGES_PER_ACCOUNT = 120
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.:-]*[A-Za-z0-9]")
#: Detector terms that are phrases, not one word: the reply-time detector's "reply within 180 s".
RAW_PHRASES = re.compile(r"reply within \d+ s")


def _enum_codes() -> set[str]:
    import backoffice

    codes: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if module.endswith("__main__"):
            continue
        __import__(module)
    del backoffice

    def walk(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from walk(sub)

    for cls in walk(enum.Enum):
        if cls.__module__.startswith("backoffice") and cls not in NAMES_NOT_CODES:
            codes |= {str(member.value) for member in cls if isinstance(member.value, str)}
    return codes


def _audit_keys() -> set[str]:
    call = re.compile(r"record\(\s*[\w().]+,\s*\"([a-z_]+\.[a-z_.]+)\"")
    return {key for path in PACKAGE.rglob("*.py") for key in call.findall(path.read_text())}


@pytest.fixture(scope="module")
def raw_codes():
    rulebook = rulebook_of(PACKAGE.parent / "rules")
    codes = _enum_codes() | _audit_keys()
    codes |= {rule.code for rule in rulebook.rules()}
    codes |= {str(rule.category) for rule in rulebook.rules()}
    # The detector's own keys: detector names, views of the text (a model feature's prefix, "pinyin:你给"),
    # and the packs' customer fraud pattern keys ("download_app").
    codes |= set(DETECTOR_LABELS) | set(VIEW_LABELS)
    codes |= {pattern.key for platform in rulebook.packs for pattern in rulebook.fraud_patterns(platform)}
    logins = {account[0] for account in ACCOUNTS}  # shown on the account pages, rightly
    return {code for code in codes if len(code) > 2} - logins


class _Page(HTMLParser):
    """The visible, translatable text of a page and the links on it."""

    UNREAD = ("script", "style", "template", "textarea")
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.text: list[str] = []
        self.links: list[str] = []
        self._open: list[tuple[str, bool]] = []  # open elements: tag, and whether its content is unread

    @property
    def _hidden(self) -> bool:
        return any(unread for _tag, unread in self._open)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag not in self.VOID:
            self._open.append((tag, tag in self.UNREAD or attributes.get("translate") == "no"))

    def handle_endtag(self, tag):
        # Close up to the matching element: browsers close unclosed <p>, <li> the same way.
        if any(open_tag == tag for open_tag, _ in self._open):
            while self._open.pop()[0] != tag:
                pass

    def handle_data(self, data):
        if not self._hidden:
            self.text.append(data)


def _walk(client, raw_codes) -> dict[str, set[str]]:
    seen: set[str] = set()
    queue = deque(["/"])
    found: dict[str, set[str]] = {}
    while queue and len(seen) < PAGES_PER_ACCOUNT:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url, follow_redirects=True)
        assert response.status_code < 500, (url, response.status_code)
        if response.mimetype != "text/html":
            continue
        page = _Page()
        page.feed(response.get_data(as_text=True))
        text = " ".join(page.text)
        bad = {word for word in WORD.findall(text) if word in raw_codes} | set(RAW_PHRASES.findall(text))
        if bad:
            found[url] = bad
        for href in page.links:
            href = urldefrag(href)[0]
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue
            if NOT_WALKED.search(parts.path) or href in seen:
                continue
            queue.append(href)
    assert len(seen) > 3, "the walk reached almost nothing: is the account signed in?"
    return found


@pytest.mark.parametrize("account", [a for a in ACCOUNTS if a[0] != "reviewer2"], ids=lambda a: a[0])
def test_pages_show_words_not_codes(app, client, raw_codes, account):
    load_demo()
    login, role, password, _name, _merchant = account
    if Role(role) in REVIEW_ROLES:  # with a case in hand, the walk reaches the decision form
        user = db.session.scalar(sa.select(User).filter_by(login=login))
        assert claim_next(Actor(user, "web"), user) is not None
    db.session.commit()
    assert client.post("/login", data={"login": login, "password": password}).status_code == 302
    assert _walk(client, raw_codes) == {}


def test_every_audit_event_recorded_has_a_name_for_people():
    """The walk only sees the events the demo makes; the audit trail may show any of them."""
    from backoffice.audit.labels import ACTION_LABELS

    assert sorted(_audit_keys() - set(ACTION_LABELS)) == []
