"""Exam-learning (seed 004): a question bank in rules/exams/, graded on submit."""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

from flask import current_app

from backoffice.policy import get_rulebook
from backoffice.policy.exams import EXAMS_SUBDIR, Bank, Question, load_bank


@cache
def _load(path: str) -> Bank:
    return load_bank(path)


def bank(platform: str) -> Bank | None:
    path = Path(current_app.config["RULES_DIR"]) / EXAMS_SUBDIR / f"{platform}.yaml"
    return _load(str(path)) if path.exists() else None


def draw(platform: str, seed: int | None = None) -> list[Question]:
    b = bank(platform)
    if b is None:
        return []
    count = int(get_rulebook().setting(platform, "exam_questions").value)
    rng = random.Random(seed)  # noqa: S311 - which questions come is no secret; answers are checked here
    return rng.sample(list(b.questions), min(count, len(b.questions)))


def grade(platform: str, question_ids: list[str], answers: dict[str, int]) -> int:
    """Percentage of correct answers (0–100)."""
    by_id = {q.id: q for q in bank(platform).questions}
    correct = sum(1 for qid in question_ids if answers.get(qid) == by_id[qid].answer)
    return round(100 * correct / len(question_ids)) if question_ids else 0


def pass_mark(platform: str) -> int:
    return int(get_rulebook().setting(platform, "exam_pass_mark").value)
