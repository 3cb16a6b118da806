"""A short, readable name for the browser behind a session ("Chrome on Windows")."""

from __future__ import annotations

from flask_babel import gettext as _

# First match wins: Edge and the in-app browsers also claim to be Chrome and Safari.
_BROWSERS = (("Edg/", "Edge"), ("MicroMessenger", "WeChat"), ("DingTalk", "DingTalk"),
             ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari"))
_SYSTEMS = (("Windows", "Windows"), ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Android", "Android"),
            ("Mac OS X", "macOS"), ("Linux", "Linux"))


def _first(user_agent: str, table: tuple[tuple[str, str], ...]) -> str | None:
    return next((name for marker, name in table if marker in user_agent), None)


def device_label(user_agent: str | None) -> str:
    browser = _first(user_agent or "", _BROWSERS)
    system = _first(user_agent or "", _SYSTEMS)
    if browser and system:
        return _("%(browser)s on %(system)s", browser=browser, system=system)
    return browser or system or _("Unknown device")
