"""``flask --app backoffice scan [FILE]``: tune the detectors without storing anything."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping

import click
from flask import current_app
from flask.cli import with_appcontext

from backoffice.detection.conversation import ConversationError, scan_conversation
from backoffice.detection.lexicon import CATEGORIES


def rule_map_from_app(platform: str) -> dict[str, str | None]:
    """category -> the platform's rule for it (the pack's detection target), or None."""
    from backoffice.policy import get_rulebook

    rulebook = get_rulebook()
    out: dict[str, str | None] = {}
    for cat in CATEGORIES:
        rule = rulebook.rule_for(platform, cat)
        out[cat] = rule.code if rule is not None else None
    return out


def scan_line(
    line: str, lineno: int, platform: str, rule_maps: Callable[[str], Mapping[str, str | None]], tz: str
) -> dict:
    """One output object for one input line (never raises for bad input)."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"line {lineno}: invalid JSON: {exc.msg} at column {exc.colno}"}
    if not isinstance(data, dict):
        return {"id": None, "error": f"line {lineno}: expected a JSON object"}
    ident = data.get("external_id", data.get("id"))
    if "messages" in data:
        conv = data
        platform = data.get("platform") or platform
    elif "text" in data:
        conv = {"messages": [{k: data.get(k) for k in ("sender_role", "text", "sent_at", "attachments")}]}
    else:
        return {"id": ident, "error": f"line {lineno}: neither a conversation (messages) nor a message (text)"}
    try:
        flags = scan_conversation(conv, platform, rule_maps(platform), tz)
    except ConversationError as exc:
        return {"id": ident, "error": f"line {lineno}: {exc}"}
    return {"id": ident, "flags": [_flag_json(f) for f in flags]}


def _flag_json(f) -> dict:
    d = {
        "message_index": f.message_index,
        "rule": f.rule,
        "category": f.category,
        "start": f.start,
        "end": f.end,
        "matched": f.matched,
        "detector": f.detector,
        "confidence": f.confidence,
        "term": f.term,
        "source": f.source,
    }
    if f.attachment_index is not None:
        d["attachment_index"] = f.attachment_index
    if f.detail:
        d["detail"] = f.detail
    return d


@click.command("scan")
@click.argument("file", type=click.File("r", encoding="utf-8"), default="-", required=False)
@click.option("--platform", default="zbj", show_default=True, help="Platform for single-message lines.")
@click.option("--tz", default=None, help="Platform time zone (default: the app's TIMEZONE).")
@with_appcontext
def scan_cli(file, platform: str, tz: str | None) -> None:
    """Scan JSON Lines from FILE (stdin when omitted) and print flags; stores nothing.

    Each line is a conversation ({"external_id", "messages": [...]}) or a single
    message ({"id", "sender_role", "text", "sent_at"}). One JSON line is printed
    per input line: {"id": ..., "flags": [...]}, or {"id": ..., "error": ...}
    for a bad line, and processing goes on.
    """
    tz = tz or current_app.config.get("TIMEZONE", "Asia/Shanghai")
    maps: dict[str, dict] = {}

    def rule_maps(plat: str) -> dict:
        if plat not in maps:
            maps[plat] = rule_map_from_app(plat)
        return maps[plat]

    for lineno, line in enumerate(file, start=1):
        if line.strip():
            click.echo(json.dumps(scan_line(line, lineno, platform, rule_maps, tz), ensure_ascii=False))
