"""The detector inside the app: the model is loaded once at start, the thresholds come from the packs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask import current_app

from backoffice.detection import model as model_mod

if TYPE_CHECKING:
    from flask import Flask

EXTENSION_KEY = "backoffice.detector_model"
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


def review_thresholds(platform: str) -> dict[str, float]:
    """category -> the score at which the platform's reviewers see a flag."""
    from backoffice.policy import get_rulebook

    review, _ = get_rulebook().detection_thresholds(platform)
    return dict(review)
