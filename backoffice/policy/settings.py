"""``{setting: NAME}`` in a pack: a value taken from the pack's ``operator_settings``.

A rule, a customer rule's measure or the service-quality section may name an operator setting
instead of writing a number; these functions put the setting's value (and, where a page shows
it, its note) in place before the pack is validated, and point at the exact place when the
setting is not defined.
"""

from __future__ import annotations

from typing import Any

from backoffice.rulefiles import PathError

#: Rule values that may name an operator setting instead of a number.
SETTING_VALUES = (("self_check_days",), ("escalation", "occurrences"), ("escalation", "window_days"))


def _named(settings: Any, name: Any, path: tuple[str | int, ...]) -> dict:
    """The operator setting called ``name``; a PathError at ``path`` when the pack defines none."""
    setting = settings.get(name) if isinstance(settings, dict) and isinstance(name, str) else None
    if not isinstance(setting, dict):
        raise PathError((*path, "setting"), f"operator setting {name!r} is not defined in operator_settings")
    return setting


def rule_values(raw: dict, settings: Any, path: tuple[str | int, ...]) -> dict:
    """Replace ``{setting: NAME}`` by the setting's value where SETTING_VALUES allow it."""
    for keys in SETTING_VALUES:
        holder = raw
        for key in keys[:-1]:
            holder = holder.get(key) if isinstance(holder, dict) else None
        value = holder.get(keys[-1]) if isinstance(holder, dict) else None
        if isinstance(value, dict) and set(value) == {"setting"}:
            holder[keys[-1]] = _named(settings, value["setting"], (*path, *keys)).get("value")  # type: ignore[index]
    return raw


def appeal_window(appeal: Any, settings: Any, path: tuple[str | int, ...]) -> Any:
    """``appeal: {setting: NAME}``: the window's days, marked as an operator setting with its note."""
    if not (isinstance(appeal, dict) and "setting" in appeal and "days" not in appeal):
        return appeal
    setting = _named(settings, appeal["setting"], path)
    return {"days": setting.get("value"), "basis": "operator_setting", "note": setting.get("note"), **appeal}


def customer_rules(section: dict, settings: Any) -> dict:
    """Fill ``{type: messaging_restriction, setting: NAME}`` with the setting's days and note."""
    rules = []
    for i, rule in enumerate(section.get("rules") or []):
        if isinstance(rule, dict) and isinstance(rule.get("ladder"), dict):
            ladder = {}
            for severity, rungs in rule["ladder"].items():
                ladder[severity] = [
                    _customer_measure(m, settings, ("customer_rules", "rules", i, "ladder", severity, j))
                    for j, m in enumerate(rungs or [])]
            rule = {**rule, "ladder": ladder}
        rules.append(rule)
    return {**section, "rules": rules}


def _customer_measure(measure: Any, settings: Any, path: tuple[str | int, ...]) -> Any:
    if not (isinstance(measure, dict) and "setting" in measure):
        return measure
    setting = _named(settings, measure["setting"], path)
    rest = {k: v for k, v in measure.items() if k != "setting"}
    return {"days": setting.get("value"), "basis": "operator_setting", "note": setting.get("note"), **rest}


def section_values(section: Any, settings: Any, name: str) -> Any:
    """Fill the ``{setting: NAME}`` entries of the pack's section ``name`` with the setting's value and
    note (pages say where a number is from)."""
    if not isinstance(section, dict):
        return section
    out = {}
    for key, entry in section.items():
        if isinstance(entry, dict) and set(entry) == {"setting"}:
            setting = _named(settings, entry["setting"], (name, key))
            entry = {"setting": entry["setting"], "value": setting.get("value"), "note": setting.get("note")}
        out[key] = entry
    return out

