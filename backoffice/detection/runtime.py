"""The detector inside the app: the model is loaded once at start, the thresholds come from the packs,
the lexicons from ``RULES_DIR/lexicons``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from flask import current_app, has_app_context

from backoffice.detection import model as model_mod
from backoffice.detection.lexicon import LEXICONS_SUBDIR
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
