"""Policy layer: rule packs as validated data, and pure functions from a violation to measures.

Nothing here touches the database. ``init_app`` is the one Flask hook: it loads the packs
once at startup (so a broken pack stops the app) and caches the RuleBook on the app.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .compute import ParameterError, automatic_measures, compute_measures, next_platform_day, offence_number
from .leniency import (
    ExamPass,
    ExamRelief,
    LeniencyError,
    SelfCheckResult,
    apply_self_check,
    exam_chance_available,
    exam_relief,
    self_check_applies,
    self_check_outcomes,
)
from .loader import RuleBook, RulePackError, UnknownRuleError, load_pack, load_rulebook
from .plan import MeasurePlan, PlannedMeasure, PriorOffence, StandingSnapshot
from .schema import Category, Pack, Platform, Rule, Severity

if TYPE_CHECKING:
    from flask import Flask

EXTENSION_KEY = "backoffice.rulebook"


def init_app(app: Flask) -> None:
    """Load the packs under ``app.config['RULES_DIR']`` and register ``flask rules``."""
    from .cli import rules_cli

    app.extensions[EXTENSION_KEY] = load_rulebook(Path(app.config["RULES_DIR"]))
    app.cli.add_command(rules_cli)


def get_rulebook() -> RuleBook:
    """Return the RuleBook cached by ``init_app`` on the current app."""
    from flask import current_app

    return current_app.extensions[EXTENSION_KEY]


__all__ = [
    "EXTENSION_KEY",
    "Category",
    "ExamPass",
    "ExamRelief",
    "LeniencyError",
    "MeasurePlan",
    "Pack",
    "ParameterError",
    "Platform",
    "PlannedMeasure",
    "PriorOffence",
    "Rule",
    "RuleBook",
    "RulePackError",
    "SelfCheckResult",
    "Severity",
    "StandingSnapshot",
    "UnknownRuleError",
    "apply_self_check",
    "automatic_measures",
    "compute_measures",
    "exam_chance_available",
    "exam_relief",
    "get_rulebook",
    "init_app",
    "load_pack",
    "load_rulebook",
    "next_platform_day",
    "offence_number",
    "self_check_applies",
    "self_check_outcomes",
]
