"""Load and validate the policy packs under ``rules/packs/*.yaml`` into a RuleBook.

The only place in the project that parses rule YAML. Errors name the file, the line
(from YAML node marks) and the data path, e.g. ``rules.2.ladder.general.0.measures.1.days``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

import yaml
from pydantic import ValidationError

from .measures import MEASURE_TYPES
from .schema import Category, OperatorSetting, Pack, PathError, Platform, Rule

PACKS_SUBDIR = "packs"
Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    line: int | None
    path: str
    message: str


class RulePackError(Exception):
    """A policy pack is broken; the message lists each problem with file, line and path."""

    def __init__(self, file: Path | str, problems: list[Problem]) -> None:
        self.file = str(file)
        self.problems = problems
        lines = [
            f"{self.file}, line {p.line if p.line is not None else '?'}, at {p.path or '<top>'}: {p.message}"
            for p in problems
        ]
        super().__init__("\n".join(lines))


class UnknownRuleError(KeyError):
    def __str__(self) -> str:  # KeyError would show the repr of the message
        return str(self.args[0])


@dataclass(frozen=True)
class RuleBook:
    """All loaded packs, indexed by platform and rule code."""

    packs: Mapping[str, Pack]
    files: Mapping[str, Path] = field(default_factory=dict)

    def __post_init__(self) -> None:
        by_code = {r.code: r for p in self.packs.values() for r in p.rules}
        object.__setattr__(self, "_by_code", by_code)

    def rule(self, code: str) -> Rule:
        try:
            return self._by_code[code]  # type: ignore[attr-defined]
        except KeyError:
            known = ", ".join(sorted(self._by_code))  # type: ignore[attr-defined]
            raise UnknownRuleError(f"no rule with code {code!r}; known codes: {known}") from None

    def rules(self, platform: Platform | None = None) -> tuple[Rule, ...]:
        packs = [self.pack(platform)] if platform else self.packs.values()
        return tuple(r for p in packs for r in p.rules)

    def rule_for(self, platform: Platform, category: Category) -> Rule | None:
        """Return the rule automatic detection targets for this platform and category."""
        return next(
            (r for r in self.rules(platform) if r.category == category and r.default_for_category), None
        )

    def detection_thresholds(self, platform: str) -> tuple[dict[str, float], dict[str, float]]:
        """(review, automatic) thresholds of the platform's pack, each as {category: score 0..1}."""
        detection = self.pack(platform).detection
        pairs = {c: detection.thresholds(c) for c in get_args(Category)}
        return {c: r for c, (r, _) in pairs.items()}, {c: a for c, (_, a) in pairs.items()}

    def pack(self, platform: str) -> Pack:
        try:
            return self.packs[platform]
        except KeyError:
            raise UnknownRuleError(f"no policy pack for platform {platform!r}") from None

    def version_of(self, platform: str) -> str:
        return self.pack(platform).version

    def setting(self, platform: str, name: str) -> OperatorSetting:
        settings = self.pack(platform).operator_settings
        if name not in settings:
            raise UnknownRuleError(f"pack {platform!r} has no operator setting {name!r}")
        return settings[name]


def load_rulebook(rules_dir: Path) -> RuleBook:
    """Load every ``rules_dir/packs/*.yaml``; raise RulePackError on the first broken file."""
    pack_dir = Path(rules_dir) / PACKS_SUBDIR
    paths = sorted(pack_dir.glob("*.yaml")) + sorted(pack_dir.glob("*.yml"))
    if not paths:
        raise RulePackError(pack_dir, [Problem(None, "", "no *.yaml policy packs found")])
    packs: dict[str, Pack] = {}
    files: dict[str, Path] = {}
    owners: dict[str, tuple[Path, int | None]] = {}
    for path in paths:
        pack, marks = _load_with_marks(path)
        for i, rule in enumerate(pack.rules):
            line = marks.line(("rules", i, "code"))
            if rule.code in owners:
                other, other_line = owners[rule.code]
                message = f"duplicate rule code {rule.code!r} (also {other}, line {other_line})"
                raise RulePackError(path, [Problem(line, f"rules.{i}.code", message)])
            owners[rule.code] = (path, line)
        if pack.platform in packs:
            message = f"platform {pack.platform!r} already loaded from {files[pack.platform]}"
            raise RulePackError(path, [Problem(marks.line(("platform",)), "platform", message)])
        packs[pack.platform] = pack
        files[pack.platform] = path
    return RuleBook(packs=packs, files=files)


def load_pack(path: Path) -> Pack:
    """Load and validate one pack file."""
    return _load_with_marks(Path(path))[0]


def _load_with_marks(path: Path) -> tuple[Pack, _Marks]:
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise RulePackError(path, [Problem(line, "", f"YAML syntax error: {exc.problem or exc}")]) from exc
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RulePackError(path, [Problem(None, "", str(exc))]) from exc
    marks = _Marks(root, path)
    if not isinstance(data, dict):
        raise RulePackError(path, [Problem(1, "", "a pack must be a YAML mapping at the top level")])
    try:
        return Pack.model_validate(data), marks
    except ValidationError as exc:
        raise RulePackError(path, [marks.problem(err) for err in _root_causes(exc.errors())]) from None


def _root_causes(errors: list[Any]) -> list[Any]:
    """Drop pydantic's follow-on "too short" errors for a list whose items already failed."""
    locs = [tuple(e["loc"]) for e in errors]

    def follow_on(err: Any) -> bool:
        loc = tuple(err["loc"])
        return err["type"] == "too_short" and any(len(o) > len(loc) and o[: len(loc)] == loc for o in locs)

    return [e for e in errors if not follow_on(e)]


class _Marks:
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
                    raise RulePackError(
                        self.path, [Problem(key.start_mark.line + 1, dotted, "duplicate key")]
                    )
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
    """Union tags and validator names appear in pydantic locs but not in the data."""
    if not isinstance(elem, str):
        return False
    if "[" in elem:
        return True
    return elem in MEASURE_TYPES and isinstance(node, yaml.MappingNode)
