"""The detector inside the app: the model is loaded once at start, the thresholds come from the packs,
the lexicons from ``RULES_DIR/lexicons``."""

from __future__ import annotations

from datetime import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flask import current_app, has_app_context

from backoffice.detection import model as model_mod
from backoffice.detection.harassment import HarassmentSettings
from backoffice.detection.lexicon import LEXICONS_SUBDIR
from backoffice.detection.mechanical import MechanicalSettings
from backoffice.detection.scanner import Scanner, default_scanner

if TYPE_CHECKING:
    from flask import Flask

EXTENSION_KEY = "backoffice.detector_model"
SCANNER_KEY = "backoffice.scanner"
_OFF = {"off", "0", "false", "no", "none"}


def init_app(app: Flask) -> None:
    """Load the learned stage, or refuse to start with a message that says what to do.

    ``DETECTOR_MODEL`` = ``off`` runs the rule stage alone; ``DETECTOR_MODEL_DIR`` points at
    another model directory (default ``rules/models``).
    """
    if str(app.config.get("DETECTOR_MODEL", "on")).strip().lower() in _OFF:
        app.extensions[EXTENSION_KEY] = None
        return
    directory = app.config.get("DETECTOR_MODEL_DIR")
    app.extensions[EXTENSION_KEY] = model_mod.load(directory) if directory else model_mod.default_model()


def current_model() -> model_mod.Model | None:
    return current_app.extensions.get(EXTENSION_KEY)


def current_scanner() -> Scanner:
    """The scanner over the app's ``RULES_DIR/lexicons``; outside an app (or without RULES_DIR), rules/lexicons.

    Looked up once per app (the scanner itself is shared by every app on the same directory).
    """
    if not has_app_context():
        return default_scanner()
    scanner = current_app.extensions.get(SCANNER_KEY)
    if scanner is None:
        rules_dir = current_app.config.get("RULES_DIR")
        scanner = default_scanner(Path(rules_dir) / LEXICONS_SUBDIR if rules_dir else None)
        current_app.extensions[SCANNER_KEY] = scanner
    return scanner


def review_thresholds(platform: str) -> dict[str, float]:
    """category -> the score at which the platform's reviewers see a flag."""
    from backoffice.policy import get_rulebook

    review, _ = get_rulebook().detection_thresholds(platform)
    return dict(review)


def conduct_settings(platform: str) -> dict[str, Any]:
    """``scan_conversation``'s conduct detectors the platform's pack switches on, with its operator settings.

    PDD's negative-service rule says ``counts_mechanical_replies``; Taobao's harassment rule says
    ``harassment_by_conduct``. The pack loader checks that the settings they read exist.
    """
    from backoffice.policy import get_rulebook

    book = get_rulebook()

    def value(name: str) -> Any:
        return book.setting(platform, name).value

    out: dict[str, Any] = {}
    service = book.rule_for(platform, "negative_service")
    if service is not None and service.detector.get("counts_mechanical_replies"):
        out["mechanical"] = MechanicalSettings(repeats=int(value("mechanical_reply_repeats")),
                                               min_chars=int(value("mechanical_reply_min_chars")))
    abuse = book.rule_for(platform, "abuse")
    if abuse is not None and abuse.detector.get("harassment_by_conduct"):
        out["harassment"] = HarassmentSettings(
            quiet_start=time.fromisoformat(str(value("harassment_quiet_start"))),
            quiet_end=time.fromisoformat(str(value("harassment_quiet_end"))),
            prompted_minutes=int(value("harassment_prompted_minutes")),
            flood_messages=int(value("harassment_flood_messages")),
            flood_minutes=int(value("harassment_flood_minutes")),
            closing_messages=int(value("harassment_closing_messages")),
            closing_minutes=int(value("harassment_closing_minutes")))
    return out
