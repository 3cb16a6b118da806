"""Locale selection: Simplified Chinese by default, English on request."""

from __future__ import annotations

from flask import current_app, has_request_context, session
from flask_babel import lazy_gettext as _l

LOGIN_MESSAGE = _l("Please sign in to continue.")


def select_locale() -> str:
    lang = session.get("locale") if has_request_context() else None
    if lang in current_app.config["LANGUAGES"]:
        return lang
    return current_app.config["BABEL_DEFAULT_LOCALE"]
