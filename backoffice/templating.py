"""Template filters and globals."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

from flask import Flask, request
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from markupsafe import Markup

from backoffice import labels
from backoffice.accounts.devices import device_label
from backoffice.accounts.forms import ROLE_LABELS
from backoffice.accounts.models import Role
from backoffice.appeals import states as appeal_states
from backoffice.audit.labels import action_label, actor_label, changes
from backoffice.cases import states as case_states
from backoffice.cases.explain import VIEW_LABELS, explain_flag
from backoffice.db import utcnow
from backoffice.merchants.models import Platform
from backoffice.policy import get_rulebook
from backoffice.policy.titles import grade_note, rule_title
from backoffice.rulings.facts import ruling_number
from backoffice.timeutil import deadline_text, to_platform_tz

PLATFORM_LABELS = {
    Platform.zbj: _l("ZBJ"),
    Platform.taobao: _l("Taobao"),
    Platform.pdd: _l("Pinduoduo"),
    Platform.community: _l("Community"),
}


def platform_time(value: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    if value is None:
        return "—"
    return to_platform_tz(value).strftime(fmt)


def points(value) -> str:
    """Violation points as people write them: 2, 0.2, 12 (not 2.00)."""
    if value is None:
        return "—"
    text = format(Decimal(str(value)).normalize(), "f")
    return "0" if text in ("-0", "") else text


def rule_options(rules, selected: str | None = None) -> Markup:
    """``<option>``s naming each rule by its title, grouped by platform (the value stays the code)."""
    groups: dict[Platform, list] = {}
    for rule in rules:
        groups.setdefault(rule.platform, []).append(rule)
    html = Markup("")
    for platform, members in groups.items():
        options = Markup("").join(
            Markup('<option value="{}"{}>{}</option>').format(
                rule.code, Markup(" selected") if rule.code == selected else "", rule_title(rule.code))
            for rule in members)
        html += Markup('<optgroup label="{}">{}</optgroup>').format(PLATFORM_LABELS[platform], options)
    return html


def json_text(value) -> str:
    """Readable JSON for people (Chinese kept as is); Jinja escapes the result."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _unread() -> int:
    if not current_user.is_authenticated:
        return 0
    from backoffice.notifications.operations import unread_count

    return unread_count(current_user)


def _site_name() -> str:
    """A merchant sees the site under their platform's own name; staff see the back office's."""
    if not (current_user.is_authenticated and current_user.role is Role.merchant and current_user.merchant):
        return str(_l("Chat compliance back office"))
    pack = get_rulebook().pack(current_user.merchant.platform)
    name = pack.site_name or pack.name
    return str(_l("%(platform)s merchant centre", platform=name.zh if str(get_locale()).startswith("zh") else name.en))


def _calibration_label(label: str) -> str:
    from markupsafe import Markup

    from backoffice.calibration.queries import open_count

    n = open_count(current_user)
    return Markup('{} <span class="badge">{}</span>').format(label, n) if n else label


def _nav() -> list[tuple[str, str]]:
    """(endpoint, label) pairs for the signed-in user's role."""
    from flask_babel import gettext as _

    if not current_user.is_authenticated:
        return []
    role = current_user.role
    items: list[tuple[str, str]] = []
    if role in (Role.reviewer, Role.senior_reviewer, Role.manager):
        items.append(("cases.queue", _("Case queue")))
        items.append(("ingest.conversations", _("Daily sweep")))
    if role in (Role.senior_reviewer, Role.manager):
        items.append(("appeals.index", _("Appeals")))
    if role is Role.manager:
        items.append(("approvals.index", _("Approvals")))
        items.append(("rationales.index", _("Canned reasons")))
    if role in (Role.manager, Role.admin):
        items.append(("dashboard.index", _("Dashboard")))  # the reports: see report_tabs
    if role in (Role.reviewer, Role.senior_reviewer):
        items.append(("calibration.mine", _calibration_label(_("Calibration reviews"))))
    if role is Role.merchant:
        items += [("portal.index", _("My shop")), ("portal.service_quality", _("Service quality")),
                  ("portal.conversations", _("Conversations"))]
    items.append(("portal.notifications", _("Notifications")))
    if role is Role.admin:
        items += [("admin.users", _("Accounts")), ("tokens.index", _("API tokens")),
                  ("audit.index", _("Audit trail"))]
    return items


#: The managers' reports, one entry in the main navigation and tabs on each page (report_tabs.html).
REPORT_PAGES = (("dashboard.index", _l("Dashboard")), ("quality.index", _l("Service quality")),
                ("rulings.index", _l("Rulings")),
                ("statements.index", _l("Statements of reasons")), ("calibration.index", _l("Calibration")),
                ("whatif.index", _l("What if")))
_REPORT_BLUEPRINTS = frozenset({"dashboard", "quality", "rulings", "statements", "whatif"})


def nav_current(endpoint: str) -> bool:
    """Whether the main navigation's ``endpoint`` is where the user is (a report counts as the dashboard)."""
    if endpoint == request.endpoint:
        return True
    return endpoint == "dashboard.index" and (
        (request.blueprint in _REPORT_BLUEPRINTS and request.endpoint != "rulings.verify")
        or (request.blueprint == "calibration" and request.endpoint != "calibration.mine"
            and current_user.role in (Role.manager, Role.admin)))


def _timezone_label(name: str) -> str:
    from flask_babel import gettext as _

    return _("Beijing time (UTC+8)") if name == "Asia/Shanghai" else name


def _icon_uri(static_folder: str) -> str:
    """static/favicon.svg as a data: URI: the pages carry their icon, so no request for it races a
    navigation (a browser fetches a linked icon after the page loads). /favicon.ico serves the file."""
    svg = (Path(static_folder) / "favicon.svg").read_text(encoding="utf-8")
    return "data:image/svg+xml," + quote(svg.strip(), safe=" =:/\"'")


def init_app(app: Flask) -> None:
    app.add_template_global(_icon_uri(app.static_folder), "icon_uri")
    app.add_template_filter(platform_time, "platform_time")
    app.add_template_filter(device_label, "device_label")
    app.add_template_filter(deadline_text, "platform_deadline")
    app.add_template_filter(ruling_number, "ruling_number")
    app.add_template_filter(points, "points")
    app.add_template_filter(json_text, "json_text")
    app.add_template_filter(action_label, "action_label")
    app.add_template_filter(actor_label, "actor_label")
    app.add_template_global(changes, "audit_changes")
    app.add_template_global(ROLE_LABELS, "ROLE_LABELS")
    app.add_template_global(PLATFORM_LABELS, "platform_labels")
    for name in ("CATEGORY_LABELS", "STATUS_LABELS", "VERDICT_LABELS", "SEVERITY_LABELS", "SOURCE_LABELS",
                 "CHANNEL_LABELS", "SENDER_LABELS", "APPROVAL_LABELS", "STANDING_LABELS", "MEASURE_NAMES",
                 "APPEAL_STATUS_LABELS", "APPEAL_OUTCOME_LABELS", "LANG_LABELS", "DECISION_STATUS_LABELS",
                 "PENALTY_STATE_LABELS", "SUBJECT_LABELS", "HANDLE_LABELS", "KIND_LABELS",
                 "CUSTOMER_STANDING_LABELS", "MERCHANT_APPEAL_LABELS", "EVIDENCE_KIND_LABELS", "PURGED",
                 "HELP_KIND_LABELS"):
        app.add_template_global(getattr(labels, name), name)
    app.add_template_filter(labels.measure_text, "measure_text")
    app.add_template_filter(labels.case_status_label, "case_status")
    app.add_template_filter(labels.customer_measure_text, "customer_measure_text")
    app.add_template_filter(labels.ladder_measure_text, "ladder_measure_text")
    app.add_template_filter(labels.countdown, "countdown")
    app.add_template_filter(labels.merchant_appeal_state, "merchant_appeal_state")
    app.add_template_filter(labels.ruleset_words, "ruleset_words")
    app.add_template_filter(labels.time_until, "time_until")
    app.add_template_filter(labels.deadline_basis, "deadline_basis")
    app.add_template_global(labels.deadline_left, "deadline_left")
    app.add_template_filter(rule_title, "rule_title")
    app.add_template_global(rule_options, "rule_options")
    app.add_template_global(grade_note, "grade_note")
    app.add_template_global(explain_flag, "explain_flag")
    app.add_template_global(VIEW_LABELS, "VIEW_LABELS")
    app.add_template_global(utcnow, "utcnow")
    # The status machines' predicates (case_states.can_reassign(case, current_user), ...).
    app.add_template_global(case_states, "case_states")
    app.add_template_global(appeal_states, "appeal_states")

    @app.context_processor
    def inject():
        return {
            "nav_items": _nav(),
            "nav_current": nav_current,
            "report_pages": REPORT_PAGES,
            "unread_notifications": _unread(),
            "site_name": _site_name(),
            "current_locale": str(get_locale()),
            "current_path": request.full_path.rstrip("?") if request else "/",
            "timezone_name": _timezone_label(app.config["TIMEZONE"]),
        }
