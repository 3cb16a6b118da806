"""Change a pack's numbers from a form (ladder rung × measure, and each rule's look-back window)
instead of its YAML; the changed pack is validated by the same schema as a file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from flask_babel import lazy_gettext as _l
from pydantic import ValidationError

from backoffice.failures import DomainError
from backoffice.labels import MEASURE_NAMES, SEVERITY_LABELS
from backoffice.policy.schema import Pack
from backoffice.policy.titles import rule_title

#: The numbers a manager may change, per measure type.
NUMBER_FIELDS = {
    "integrity_points": ("points",), "violation_points": ("points",), "deposit_deduction": ("amount", "cap"),
    "business_restriction": ("days",), "mute": ("minutes", "days"), "search_demotion": ("days",),
    "listing_restriction": ("days",), "consumer_compensation": ("amount", "cap"),
}
UNITS = {"points": _l("points"), "amount": _l("yuan"), "cap": _l("yuan at most"), "days": _l("days"),
         "minutes": _l("minutes"), "window_days": _l("days")}
WINDOW_LABEL = _l("offences counted over (days)")
_WHOLE = {"days", "minutes"}  # whole numbers; integrity points too (violation points may be halves)


@dataclass(frozen=True)
class NumberField:
    name: str  # the input's name
    rule_code: str
    severity: str | None  # None: the rule's look-back window
    rung: int  # 1-based offence number
    index: int  # the measure's place in the rung
    measure_type: str
    field: str
    value: str  # as the pack has it ("" for a window of all time)


class NumbersError(DomainError, ValueError):
    """Numbers the pack cannot take; ``problems`` say which, for the manager."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def number_fields(pack: Pack) -> list[NumberField]:
    fields = []
    for rule in pack.rules:
        fields.append(NumberField(f"w.{rule.code}", rule.code, None, 0, 0, "", "window_days",
                                  "" if rule.window_days is None else str(rule.window_days)))
        for severity in rule.severities:
            for n, rung in enumerate(rule.ladder[severity], 1):
                for i, measure in enumerate(rung.measures):
                    for name in NUMBER_FIELDS.get(measure.type, ()):
                        value = getattr(measure, name)
                        if value is not None:
                            fields.append(NumberField(f"n.{rule.code}.{severity}.{n}.{i}.{name}", rule.code,
                                                      severity, n, i, measure.type, name, str(value)))
    return fields


def apply_numbers(pack: Pack, values: Mapping[str, str]) -> Pack:
    """The pack with the numbers in ``values`` (input name → text); a new version when any differs.

    :raises NumbersError: a value is not a number of the right kind, or the schema refuses it.
    """
    data = pack.model_dump()
    rules = {r["code"]: r for r in data["rules"]}
    problems: list[str] = []
    changed = False
    for f in number_fields(pack):
        raw = (values.get(f.name) or "").strip()
        if raw == f.value or f.name not in values:
            continue
        try:
            value = _parse(f, raw)
        except ValueError:
            problems.append(str(_l("%(field)s: “%(value)s” is not a number of this kind.", field=_where(f), value=raw)))
            continue
        changed = True
        if f.severity is None:
            rules[f.rule_code]["window_days"] = value
        else:
            rules[f.rule_code]["ladder"][f.severity][f.rung - 1]["measures"][f.index][f.field] = value
    if problems:
        raise NumbersError(problems)
    if not changed:
        return pack
    data["version"] = f"{pack.version}+whatif"
    for rule in data["rules"]:  # each rule carries its pack's version
        rule["ruleset_version"] = data["version"]
    try:
        return Pack.model_validate(data)
    except ValidationError as exc:
        raise NumbersError([f"{_located(data, e['loc'])}: {e['msg']}" for e in exc.errors()]) from None


def _parse(f: NumberField, raw: str) -> int | Decimal | None:
    if f.severity is None:  # the window: empty means all time
        return None if raw == "" else _whole(raw)
    if f.field in _WHOLE or f.measure_type == "integrity_points":
        return _whole(raw)
    try:
        return Decimal(raw).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise ValueError(raw) from None


def _whole(raw: str) -> int:
    if not raw.lstrip("-").isdigit():
        raise ValueError(raw)
    return int(raw)


def _where(f: NumberField) -> str:
    if f.severity is None:
        return f"{rule_title(f.rule_code)} · {WINDOW_LABEL}"
    return (f"{rule_title(f.rule_code)} · {SEVERITY_LABELS.get(f.severity, f.severity)} · "
            f"{_l('offence no. %(n)d', n=f.rung)} · {MEASURE_NAMES.get(f.measure_type, f.measure_type)} "
            f"({UNITS[f.field]})")


def _located(data: dict, loc: tuple) -> str:
    """Where in the pack the schema refused a value, in words: the rule, grade, offence and measure."""
    if len(loc) < 2 or loc[0] != "rules" or not isinstance(loc[1], int):
        return str(_l("the pack"))
    rule = data["rules"][loc[1]]
    if len(loc) >= 7 and loc[2] == "ladder":
        measure = rule["ladder"][loc[3]][loc[4]]["measures"][loc[6]]
        field = loc[7] if len(loc) > 7 and loc[7] in UNITS else next(
            (n for n in NUMBER_FIELDS.get(measure["type"], ()) if measure.get(n) is not None), "days")
        return _where(NumberField("", rule["code"], loc[3], loc[4] + 1, loc[6], measure["type"], field, ""))
    return str(rule_title(rule["code"]))
