"""Load and validate the policy packs under ``rules/packs/*.yaml`` into a RuleBook.

Each file goes through the one rule-file loader (``backoffice.rulefiles``); errors name the
file, the line and the data path, e.g. ``zbj.yaml:88: ... (at rules.2.ladder.general.0.measures.1.days)``.
Here are the checks across files: one pack per platform, rule codes unique over all packs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import get_args

from backoffice.rulefiles import RuleFileError, load, load_with_marks

from .customer_rules import CustomerRule, FraudPattern
from .schema import Category, OperatorSetting, Pack, Platform, Rule

PACKS_SUBDIR = "packs"


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

    def customer_rules(self, platform: str) -> tuple[CustomerRule, ...]:
        """The platform's rules for customers (none when its pack has no ``customer_rules:``)."""
        own = self.pack(platform).customer_rules
        return own.rules if own else ()

    def customer_rule(self, code: str) -> CustomerRule:
        rule = next((r for p in self.packs.values() for r in (p.customer_rules.rules if p.customer_rules else ())
                     if r.code == code), None)
        if rule is None:
            raise UnknownRuleError(f"no customer rule with code {code!r}")
        return rule

    def fraud_patterns(self, platform: str) -> tuple[FraudPattern, ...]:
        """What the platform's customers' messages are scanned for."""
        own = self.pack(platform).customer_rules
        return own.scan if own else ()

    def rules(self, platform: Platform | None = None) -> tuple[Rule, ...]:
        packs = [self.pack(platform)] if platform else self.packs.values()
        return tuple(r for p in packs for r in p.rules)

    def measure_types(self, platform: str) -> frozenset[str]:
        """Every kind of measure the platform's rules can take, by ruling or automatically."""
        rules = self.rules(platform)
        ruled = [m.type for r in rules for rungs in r.ladder.values() for rung in rungs for m in rung.measures]
        return frozenset(ruled + [a.measure.type for r in rules for a in r.automatic])

    def rule_for(self, platform: Platform, category: Category) -> Rule | None:
        """Return the rule automatic detection targets for this platform and category."""
        code = self.detection_map(platform).get(category)
        return self.rule(code) if code else None

    def detection_map(self, platform: str) -> dict[str, str | None]:
        """What the detector raises (``category`` or ``category/label``) -> the platform's rule code.

        None marks what the pack lists as not policed; a label missing here goes with its category.
        """
        out: dict[str, str | None] = dict.fromkeys(self.pack(platform).detection.not_policed)
        for rule in self.rules(platform):
            if rule.default_for_category:
                out[rule.category] = rule.code
            out.update(dict.fromkeys(rule.detects, rule.code))
        return out

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
    """Load every ``rules_dir/packs/*.yaml``; raise RuleFileError on the first broken file."""
    pack_dir = Path(rules_dir) / PACKS_SUBDIR
    paths = sorted(pack_dir.glob("*.yaml")) + sorted(pack_dir.glob("*.yml"))
    if not paths:
        raise RuleFileError.one(pack_dir, None, "no *.yaml policy packs found")
    packs: dict[str, Pack] = {}
    files: dict[str, Path] = {}
    owners: dict[str, tuple[Path, int | None]] = {}
    for path in paths:
        pack, marks = load_with_marks(path, Pack, kind="a pack")
        for i, rule in enumerate(pack.rules):
            if rule.code in owners:
                other, other_line = owners[rule.code]
                raise marks.error(("rules", i, "code"),
                                  f"duplicate rule code {rule.code!r} (also {other}, line {other_line})")
            owners[rule.code] = (path, marks.line(("rules", i, "code")))
        if pack.platform in packs:
            raise marks.error(("platform",), f"platform {pack.platform!r} already loaded from {files[pack.platform]}")
        packs[pack.platform] = pack
        files[pack.platform] = path
    return RuleBook(packs=packs, files=files)


def load_pack(path: Path) -> Pack:
    """Load and validate one pack file."""
    return load(Path(path), Pack, kind="a pack")
