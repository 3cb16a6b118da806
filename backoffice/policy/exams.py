"""Exam question banks (seed 004, exam-learning): ``rules/exams/<platform>.yaml``, typed and validated.

The bank is rules data like the packs; drawing and grading an exam is ``backoffice.appeals.exams``.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, model_validator

from backoffice.rulefiles import RuleModel, load

EXAMS_SUBDIR = "exams"


class Option(RuleModel):
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)


class Question(RuleModel):
    id: str
    zh: str
    en: str
    options: tuple[Option, ...] = Field(min_length=2)
    answer: int = Field(ge=0)

    @model_validator(mode="after")
    def _answer_exists(self):
        if self.answer >= len(self.options):
            raise ValueError(f"answer {self.answer} is not one of the {len(self.options)} options")
        return self


class Bank(RuleModel):
    """``rules/exams/<platform>.yaml``."""

    platform: str
    questions: tuple[Question, ...] = Field(min_length=1)


def load_bank(path: Path | str) -> Bank:
    """Load and validate one question bank; raise RuleFileError naming file and line."""
    return load(path, Bank, kind="an exam bank")
