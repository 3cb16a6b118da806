"""The ruling has one home: ``rulings`` reads the data of the packages it builds on, never their pages
or verbs, and those that state a ruling's facts import them at the top like any other dependency."""

from __future__ import annotations

import ast
from pathlib import Path

import backoffice

ROOT = Path(backoffice.__file__).parent


def imports(path: Path, *, nested_only: bool = False) -> set[str]:
    """The backoffice modules ``path`` imports (only those imported inside functions, if asked)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nested = {id(node) for fn in ast.walk(tree) if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef)
              for node in ast.walk(fn)}
    found = set()
    for node in ast.walk(tree):
        if nested_only and id(node) not in nested:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return {name for name in found if name.startswith("backoffice.")}


def package_imports(package: str) -> dict[str, set[str]]:
    return {p.name: imports(p) for p in sorted((ROOT / package).glob("*.py"))}


def test_rulings_builds_only_on_data_of_the_appeal_portal_and_cases_packages():
    above = ("backoffice.portal", "backoffice.appeals", "backoffice.cases")
    allowed = {"backoffice.appeals.models", "backoffice.cases.models", "backoffice.cases.highlight"}
    for module, names in package_imports("rulings").items():
        upward = {n for n in names if n.startswith(above)
                  and not any(n == a or n.startswith(a + ".") for a in allowed)}
        assert not upward, f"rulings/{module} imports {sorted(upward)}"


def test_appeals_does_not_import_the_portal():
    for module, names in package_imports("appeals").items():
        assert not {n for n in names if n.startswith("backoffice.portal")}, f"appeals/{module}"


def test_ruling_facts_and_rule_titles_are_imported_at_the_top():
    for path in (ROOT / "cases" / "decisions.py", ROOT / "templating.py"):
        late = {n for n in imports(path, nested_only=True)
                if n.startswith(("backoffice.rulings", "backoffice.policy"))}
        assert not late, f"{path.name} imports {sorted(late)} inside a function"
