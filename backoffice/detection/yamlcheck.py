"""A very small schema checker for YAML data files, with file/line/path errors.

Schemas are plain Python values:
  str, float, int, bool       a scalar of that type (float accepts ints)
  [schema]                    a list whose items match schema
  {"key": schema, ...}        a mapping; keys ending in "?" are optional;
                              unknown keys are errors
  ("oneof", s1, s2)           the first alternative that matches
  ("enum", "a", "b")          one of these strings
  ("range", lo, hi)           a number within [lo, hi]
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class SchemaError(ValueError):
    """A data file does not match its schema; the message names file, line and path."""


def load_checked(path: Path, schema: Any) -> Any:
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        raise SchemaError(f"{path}:{line}: invalid YAML: {exc}") from exc
    if node is None:
        raise SchemaError(f"{path}:1: $: empty file")
    return _check(node, schema, "$", path)


def _kind_matches(node: yaml.Node, schema: Any) -> bool:
    if isinstance(schema, dict):
        return isinstance(node, yaml.MappingNode)
    if isinstance(schema, list):
        return isinstance(node, yaml.SequenceNode)
    return isinstance(node, yaml.ScalarNode)


def _kind_name(schema: Any) -> str:
    if isinstance(schema, dict):
        return "a mapping"
    if isinstance(schema, list):
        return "a list"
    return "a scalar"


def _fail(node: yaml.Node, path: str, file: Path, problem: str) -> SchemaError:
    return SchemaError(f"{file}:{node.start_mark.line + 1}: {path}: {problem}")


def _construct(node: yaml.ScalarNode) -> Any:
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()


def _check(node: yaml.Node, schema: Any, path: str, file: Path) -> Any:
    if isinstance(schema, tuple):
        kind = schema[0]
        if kind == "oneof":
            # the alternative of the node's own kind (mapping/list/scalar) gives the precise error
            for alt in schema[1:]:
                if _kind_matches(node, alt):
                    return _check(node, alt, path, file)
            kinds = ", ".join(_kind_name(a) for a in schema[1:])
            raise _fail(node, path, file, f"expected one of: {kinds}")
        value = _check(node, float if kind == "range" else str, path, file)
        if kind == "enum" and value not in schema[1:]:
            raise _fail(node, path, file, f"{value!r} is not one of {', '.join(schema[1:])}")
        if kind == "range" and not schema[1] <= value <= schema[2]:
            raise _fail(node, path, file, f"{value} is outside [{schema[1]}, {schema[2]}]")
        return value
    if isinstance(schema, list):
        if not isinstance(node, yaml.SequenceNode):
            raise _fail(node, path, file, "expected a list")
        return [_check(item, schema[0], f"{path}[{i}]", file) for i, item in enumerate(node.value)]
    if isinstance(schema, dict):
        if not isinstance(node, yaml.MappingNode):
            raise _fail(node, path, file, "expected a mapping")
        known = {k.rstrip("?"): k.endswith("?") for k in schema}
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key not in known:
                raise _fail(key_node, f"{path}.{key}", file, f"unknown key (allowed: {', '.join(known)})")
            sub = schema[key + "?"] if known[key] else schema[key]
            out[key] = _check(value_node, sub, f"{path}.{key}", file)
        missing = [k for k, optional in known.items() if not optional and k not in out]
        if missing:
            raise _fail(node, path, file, f"missing required key {missing[0]!r}")
        return out
    if not isinstance(node, yaml.ScalarNode):
        raise _fail(node, path, file, f"expected a {schema.__name__}")
    value = _construct(node)
    if schema is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if schema is str and isinstance(value, int | float) and not isinstance(value, bool):
        value = node.value  # numeric-looking strings such as a QQ alias
    if not isinstance(value, schema) or (schema is not bool and isinstance(value, bool)):
        raise _fail(node, path, file, f"expected a {schema.__name__}, got {value!r}")
    if schema is str and not value.strip():
        raise _fail(node, path, file, "empty string")
    return value
