"""``flask --app backoffice scan [FILE]``: tune the detectors without storing anything; ``flask detect``:
the learning loop (``export-feedback`` writes reviewers' verdicts as training rows)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import datetime

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

from backoffice.detection.conversation import ConversationError, scan_conversation
from backoffice.detection.runtime import current_model, current_scanner, review_thresholds


def rule_map_from_app(platform: str) -> dict[str, str | None]:
    """category (or ``category/label``) -> the platform's rule for it (the pack's detection target), or None."""
    from backoffice.policy import get_rulebook

    return get_rulebook().detection_map(platform)


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
        return {"id": ident,
                "error": f"line {lineno}: neither a conversation (messages) nor a message (text)"}
    try:
        flags = scan_conversation(conv, platform, rule_maps(platform), tz, scanner=current_scanner(),
                                  model=current_model(), review=review_thresholds(platform))
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
    if f.score is not None:  # the combined score that decided the flag, and what decided it
        d.update(score=f.score, view=f.view, model_version=f.model_version, features=list(f.features))
    elif f.view != "folded":
        d["view"] = f.view
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


detect_cli = AppGroup("detect", help="The detector's learning loop: reviewers' feedback out, models in.")

_DAY = click.DateTime(formats=["%Y-%m-%d"])


@detect_cli.command("export-feedback")
@click.option("--since", type=_DAY, help="First day a reviewer judged the flag (platform time, YYYY-MM-DD).")
@click.option("--until", type=_DAY, help="Last such day, inclusive.")
@click.option("--out", type=click.File("w", encoding="utf-8", lazy=False), default="-",
              help="JSON Lines file to write (default: standard output).")
def export_feedback(since: datetime | None, until: datetime | None, out) -> None:
    """Write one training row per detector flag a reviewer confirmed or dismissed (JSON Lines).

    Each row is {"id", "text", "labels", "technique", "family", "split", "group"} as in the training
    corpus (labels: the categories confirmed on that message; family: one per conversation), plus the
    flag: flag_id, label (1 confirmed, 0 dismissed), category, sender_role, platform, detector, term,
    view, confidence, score, model_version, judged_at. A flag whose ruling was overturned on appeal
    counts as dismissed, as on the dashboard.
    """
    from backoffice.cases.feedback import feedback_rows

    if since and until and until < since:
        raise click.BadParameter("--until is before --since", param_hint="--until")
    n = 0
    for row in feedback_rows(since.date() if since else None, until.date() if until else None):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    click.echo(f"{n} judged flags written", err=True)


@detect_cli.command("train")
@click.option("--corpus", "corpora", type=click.Path(exists=True, dir_okay=False), multiple=True,
              help="Labelled JSON Lines (default: eval/corpus/messages.jsonl and eval/messages.jsonl, "
                   "plus the merchant's messages of the harmless conversations in "
                   "eval/corpus/conversations.jsonl).")
@click.option("--extra", type=click.Path(exists=True, dir_okay=False), multiple=True,
              help="More training rows, e.g. the output of 'detect export-feedback' (split 'train').")
@click.option("--out", type=click.Path(file_okay=False), default=None,
              help="Model directory to write (default: rules/models).")
@click.option("--seed", type=int, default=20261206, show_default=True)
@click.option("--refit/--no-refit", default=True, show_default=True,
              help="Fit the written model on train and dev together once C and the temperatures are "
                   "chosen on dev (--no-refit: train only, so dev figures stay held out).")
def train_cmd(corpora: tuple[str, ...], extra: tuple[str, ...], out: str | None, seed: int, refit: bool) -> None:
    """Train the learned stage on the corpus's train split, choose and calibrate on dev, then
    (by default) refit on train and dev; never reads test.

    Deterministic: the same rows and seed write the same model bytes.
    """
    from pathlib import Path

    from backoffice.detection import train
    from backoffice.detection.model import DEFAULT_DIR

    paths = [Path(p) for p in corpora] or [train.DEFAULT_CORPUS, train.LEGACY_CORPUS]
    try:
        rows = train.read_rows(paths) + train.extra_rows(train.read_rows(map(Path, extra)))
        if not corpora:
            rows += train.conversation_rows(train.DEFAULT_CONVERSATIONS)
        meta = train.train(rows, Path(out) if out else DEFAULT_DIR, seed=seed, log=click.echo, refit=refit)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"model {meta['version']}")
