"""Policy layer: rule packs as validated data, and pure functions from a violation to measures.

Nothing here touches the database. ``init_app`` is the one Flask hook: it loads the packs
once at startup (so a broken pack stops the app) and caches the RuleBook on the app.
"""

from __future__ import annotations

import functools
import hashlib
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
    exam_window,
    self_check_applies,
    self_check_outcomes,
)
from .loader import PACKS_SUBDIR, RuleBook, UnknownRuleError, load_pack, load_rulebook
from .plan import MeasurePlan, PlannedMeasure, PriorOffence, StandingSnapshot
from .schema import EXAM_WINDOW_SETTINGS, Category, Pack, Platform, Rule, Severity

if TYPE_CHECKING:
    from flask import Flask

EXTENSION_KEY = "backoffice.rulebook"


def init_app(app: Flask) -> None:
    """Load the packs under ``app.config['RULES_DIR']`` and register ``flask rules``."""
    from .cli import rules_cli

    app.extensions[EXTENSION_KEY] = rulebook_of(Path(app.config["RULES_DIR"]))
    app.cli.add_command(rules_cli)


def rulebook_of(rules_dir: Path) -> RuleBook:
    """The rule book of ``rules_dir``, parsed once per directory and content of its pack files.

    Every application built in one process (a test suite builds thousands) shares the parsed
    packs as long as the files are unchanged; an edited pack is read again.
    """
    packs = sorted((Path(rules_dir) / PACKS_SUBDIR).glob("*.y*ml"))
    digest = hashlib.sha256()
    for path in packs:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return _parsed(str(Path(rules_dir).resolve()), digest.hexdigest())


@functools.lru_cache(maxsize=8)
def _parsed(rules_dir: str, _content_digest: str) -> RuleBook:
    return load_rulebook(Path(rules_dir))


def get_rulebook() -> RuleBook:
    """Return the RuleBook cached by ``init_app`` on the current app."""
    from flask import current_app

    return current_app.extensions[EXTENSION_KEY]


__all__ = [
    "EXAM_WINDOW_SETTINGS",
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
    "SelfCheckResult",
    "Severity",
    "StandingSnapshot",
    "UnknownRuleError",
    "apply_self_check",
    "automatic_measures",
    "compute_measures",
    "exam_chance_available",
    "exam_relief",
    "exam_window",
    "get_rulebook",
    "init_app",
    "load_pack",
    "load_rulebook",
    "next_platform_day",
    "offence_number",
    "rulebook_of",
    "self_check_applies",
    "self_check_outcomes",
]
