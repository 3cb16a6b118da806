"""A rule's classification for the DSA Transparency Database (the pack key ``dsa``)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from backoffice.rulefiles import PathError

from .measures import Frozen


class DsaClassification(Frozen):
    """How decisions under a rule are reported to the DSA Transparency Database.

    Every key is optional: what a rule leaves out comes from its category's default
    (``backoffice/transparency/mapping.py``). Values are the database's own enum names
    (``../shared/STANDARDS.md`` section b).
    """

    decision_ground: Literal["DECISION_GROUND_ILLEGAL_CONTENT",
                             "DECISION_GROUND_INCOMPATIBLE_CONTENT"] | None = None
    #: Required with DECISION_GROUND_ILLEGAL_CONTENT: the law relied on (at most 500 characters).
    legal_ground: str | None = Field(default=None, min_length=1, max_length=500)
    category: str | None = None
    category_addition: tuple[str, ...] | None = None
    category_specification: tuple[str, ...] | None = None
    category_specification_other: str | None = Field(default=None, min_length=1, max_length=500)
    incompatible_content_illegal: Literal["Yes", "No"] | None = None

    @model_validator(mode="after")
    def _known_values(self) -> DsaClassification:
        from backoffice.transparency.schema import CATEGORY, CATEGORY_SPECIFICATION

        for name, allowed in (("category", CATEGORY), ("category_addition", CATEGORY),
                              ("category_specification", CATEGORY_SPECIFICATION)):
            value = getattr(self, name)
            for item in (value,) if isinstance(value, str) else value or ():
                if item not in allowed:
                    raise PathError((name,), f"{item!r} is not a Transparency Database value for {name}")
        if self.decision_ground == "DECISION_GROUND_ILLEGAL_CONTENT" and not self.legal_ground:
            raise PathError(("legal_ground",),
                            "decision_ground ILLEGAL_CONTENT needs the legal_ground relied on")
        if self.decision_ground == "DECISION_GROUND_ILLEGAL_CONTENT" and self.incompatible_content_illegal:
            raise PathError(("incompatible_content_illegal",),
                            "only for DECISION_GROUND_INCOMPATIBLE_CONTENT")
        return self
