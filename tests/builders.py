"""Plain builders shared by the test packages (fixtures live in conftest.py)."""

from __future__ import annotations

from datetime import timedelta

from backoffice.audit.operations import Actor
from backoffice.db import utcnow


def chat(external_id: str, merchant: str, *texts: tuple[str, str], platform: str = "zbj",
         reports: list[dict] | None = None) -> dict:
    """A conversation; ``texts`` are (sender_role, text) one minute apart, ending an hour ago."""
    start = utcnow() - timedelta(hours=1, minutes=len(texts))
    payload = {
        "platform": platform, "external_id": external_id, "channel": "im",
        "merchant": {"external_id": merchant, "name": "测试商家"},
        "customer": {"external_id": f"u-{external_id}", "name": "王女士"},
        "messages": [{"external_id": str(n), "sender_role": role, "text": text,
                      "sent_at": (start + timedelta(minutes=n)).isoformat()}
                     for n, (role, text) in enumerate(texts, 1)],
    }
    if reports is not None:
        payload["reports"] = reports
    return payload


CLI = Actor(None, "cli")  # operations run from the command line
WECHAT = "加我薇信 abc12345 详聊"  # a merchant's message that opens a zbj.offsite_contact case


def web(user) -> Actor:
    """``user`` acting from a web page."""
    return Actor(user, "web")
