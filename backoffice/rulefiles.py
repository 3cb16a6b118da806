"""Read the YAML files under ``RULES_DIR`` into typed pydantic models, with ``file:line`` errors.

The one loader for ``rules/``: policy packs, detection lexicons (with ``contacts.yaml`` and
``context.yaml``) and exam banks all go through ``load``. A broken file raises ``RuleFileError``,
whose message lists each problem as ``path:line: what is wrong (at key.path)``; the line comes
from the YAML node the pydantic error's ``loc`` points at.

No Flask here: callers pass the file, so the pure packages (policy, detection) can use it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

Loc = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Problem:
    line: int | None
    path: str  # dotted data path, e.g. "rules.2.ladder.general.0"; "" for the whole file
    message: str


class RuleFileError(ValueError):
    """A rule file is broken; the message lists each problem as ``file:line: message (at path)``."""

    def __init__(self, file: Path | str, problems: list[Problem]) -> None:
        self.file = str(file)
        self.problems = problems
        super().__init__("\n".join(_format(self.file, p) for p in problems))

    @classmethod
    def one(cls, file: Path | str, line: int | None, message: str, path: str = "") -> RuleFileError:
        return cls(file, [Problem(line, path, message)])

    def __reduce__(self) -> tuple[Any, ...]:  # picklable across worker processes
        return type(self), (self.file, self.problems)


def _format(file: str, p: Problem) -> str:
    where = f" (at {p.path})" if p.path else ""
    return f"{file}:{p.line if p.line is not None else '?'}: {p.message}{where}"


class PathError(ValueError):
    """A validation error about a nested place (relative path) inside the model being validated."""

    def __init__(self, path: Loc, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


class RuleModel(BaseModel):
    """Base of the rule-file models: immutable, and an unknown key is an error (a typo is not ignored)."""

    # YAML reads 1688 as a number; where the model wants text it stays the text "1688".
    model_config = ConfigDict(frozen=True, extra="forbid", coerce_numbers_to_str=True)


def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("empty string")
    return text


#: Typed scalars that refuse what YAML authors mistype: "0.5" for a number, yes for a count.
Text = Annotated[str, AfterValidator(_not_blank)]
Count = Annotated[int, Field(strict=True)]
Number = Annotated[float, Field(strict=True)]
Score = Annotated[float, Field(strict=True, ge=0.0, le=1.0)]
Flag = Annotated[bool, Field(strict=True)]


def load(path: Path | str, model: type[M], *, kind: str = "a rule file") -> M:
    """Validate the YAML file ``path`` as ``model``; raise RuleFileError naming file and line."""
    return load_with_marks(path, model, kind=kind)[0]


def load_with_marks(path: Path | str, model: type[M], *, kind: str = "a rule file") -> tuple[M, Marks]:
    """``load``, plus the file's line marks for checks that span several files."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise RuleFileError.one(path, line, f"YAML syntax error: {exc.problem or exc}") from exc
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RuleFileError.one(path, None, str(exc)) from exc
    marks = Marks(root, path)
    if not isinstance(data, dict):
        raise RuleFileError.one(path, 1, f"{kind} must be a YAML mapping at the top level")
    try:
        return model.model_validate(data), marks
    except ValidationError as exc:
        raise RuleFileError(path, [marks.problem(err) for err in _root_causes(exc.errors())]) from None


def _root_causes(errors: list[Any]) -> list[Any]:
    """Drop pydantic's follow-on "too short" errors for a list whose items already failed."""
    locs = [tuple(e["loc"]) for e in errors]

    def follow_on(err: Any) -> bool:
        loc = tuple(err["loc"])
        return err["type"] == "too_short" and any(len(o) > len(loc) and o[: len(loc)] == loc for o in locs)

    return [e for e in errors if not follow_on(e)]


class Marks:
    """Map data paths to 1-based line numbers using the composed YAML node tree."""

    def __init__(self, root: yaml.Node | None, path: Path) -> None:
        self.root = root
        self.path = path
        if root is not None:
            self._check_duplicate_keys(root, ())

    def _check_duplicate_keys(self, node: yaml.Node, loc: Loc) -> None:
        if isinstance(node, yaml.MappingNode):
            seen: set[Any] = set()
            for key, value in node.value:
                if key.value in seen:
                    dotted = ".".join(map(str, (*loc, key.value)))
                    raise RuleFileError.one(self.path, key.start_mark.line + 1, "duplicate key", dotted)
                seen.add(key.value)
                self._check_duplicate_keys(value, (*loc, key.value))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                self._check_duplicate_keys(item, (*loc, i))

    def _walk(self, loc: Loc) -> Iterator[tuple[str | int, int | None]]:
        """Yield (element, line) for each loc element that names data; line is None if absent."""
        node = self.root
        for n, elem in enumerate(loc):
            child, line = _child(node, elem)
            if child is not None:
                node = child
                yield elem, line
            elif _is_pydantic_tag(elem, node):
                continue
            else:
                yield elem, None
                if n < len(loc) - 1:
                    node = None

    def line(self, loc: Loc) -> int | None:
        found = [line for _, line in self._walk(loc) if line is not None]
        if found:
            return found[-1]
        return self.root.start_mark.line + 1 if self.root is not None else None

    def error(self, loc: Loc, message: str) -> RuleFileError:
        """A RuleFileError at the data path ``loc`` of this file (for checks after validation)."""
        dotted = ".".join(str(e) for e, _ in self._walk(loc))
        return RuleFileError.one(self.path, self.line(loc), message, dotted)

    def problem(self, err: Mapping[str, Any]) -> Problem:
        loc: Loc = tuple(err["loc"])
        message = str(err["msg"]).removeprefix("Value error, ")
        cause = (err.get("ctx") or {}).get("error")
        if isinstance(cause, PathError):
            loc = (*loc, *cause.path)
            message = cause.message
        elements = [e for e, _ in self._walk(loc)]
        value = err.get("input")
        if (
            err["type"] != "missing"
            and isinstance(value, str | int | float | bool)
            and not isinstance(cause, PathError)
            and repr(value) not in message
        ):
            message += f" (got {value!r})"
        return Problem(self.line(loc), ".".join(map(str, elements)), message)


def _child(node: yaml.Node | None, elem: str | int) -> tuple[yaml.Node | None, int | None]:
    if isinstance(node, yaml.MappingNode) and isinstance(elem, str):
        for key, value in node.value:
            if key.value == elem:
                return value, key.start_mark.line + 1
        # Keys merged in with '<<: *anchor' live in the anchored mapping.
        for key, value in node.value:
            if key.tag == "tag:yaml.org,2002:merge":
                for merged in value.value if isinstance(value, yaml.SequenceNode) else [value]:
                    found = _child(merged, elem)
                    if found[0] is not None:
                        return found
    if isinstance(node, yaml.SequenceNode) and isinstance(elem, int) and 0 <= elem < len(node.value):
        item = node.value[elem]
        return item, item.start_mark.line + 1
    return None, None


def _is_pydantic_tag(elem: str | int, node: yaml.Node | None) -> bool:
    """Union member names and discriminator values appear in pydantic locs but not as keys in the data.

    A discriminated union's loc names the tag's value (``{type: removal}`` gives ``removal``), so an
    element that is a scalar value of the mapping is a tag.
    """
    if not isinstance(elem, str):
        return False
    if "[" in elem:
        return True
    return elem in _scalar_values(node)


def _scalar_values(node: yaml.Node | None) -> set[str]:
    """The scalar values of a mapping, with those merged in by '<<: *anchor'."""
    if not isinstance(node, yaml.MappingNode):
        return set()
    found = set()
    for key, value in node.value:
        if key.tag == "tag:yaml.org,2002:merge":
            for merged in value.value if isinstance(value, yaml.SequenceNode) else [value]:
                found |= _scalar_values(merged)
        elif isinstance(value, yaml.ScalarNode):
            found.add(value.value)
    return found
