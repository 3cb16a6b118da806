"""The table of every URL and the file its code is in (``docs/urls.md``), made from the URL map.

``flask urls`` writes it; ``flask urls --check`` fails when the committed table is out of date
(a test runs the check, so a moved view or a new route updates the table in the same change).
"""

from __future__ import annotations

import inspect
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from backoffice.config import PROJECT_ROOT

TABLE_PATH = PROJECT_ROOT / "docs" / "urls.md"
HEADER = """# URLs and where their code is

Made by `flask urls` from the application's URL map; a test fails while it is out of date.
Each route's code is in the file named; the folder is the feature the URL names.

| URL | methods | file | function |
| --- | --- | --- | --- |
"""


def rows(app: Flask) -> list[tuple[str, str, str, str]]:
    table = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        view = inspect.unwrap(app.view_functions[rule.endpoint])
        source = Path(inspect.getsourcefile(view) or "").resolve()
        try:
            where = source.relative_to(PROJECT_ROOT).as_posix()
        except ValueError:  # a view of a library (none today)
            where = view.__module__
        methods = ", ".join(sorted(rule.methods - {"HEAD", "OPTIONS"}))
        table.append((rule.rule, methods, where, view.__name__))
    return sorted(table)


def render(app: Flask) -> str:
    return HEADER + "".join(f"| `{url}` | {methods} | `{where}` | `{name}` |\n"
                            for url, methods, where, name in rows(app))


@click.command("urls")
@click.option("--check", is_flag=True, help="Fail if docs/urls.md differs from the URL map instead of writing it.")
@with_appcontext
def urls_cli(check: bool) -> None:
    """Write docs/urls.md: every URL and the file its code is in."""
    text = render(current_app)
    if check:
        current = TABLE_PATH.read_text(encoding="utf-8") if TABLE_PATH.exists() else ""
        if current != text:
            raise click.ClickException("docs/urls.md is out of date: run `flask --app backoffice urls`.")
        click.echo("docs/urls.md is current.")
        return
    TABLE_PATH.write_text(text, encoding="utf-8")
    click.echo(f"wrote {TABLE_PATH} ({text.count(chr(10)) - HEADER.count(chr(10))} routes)")
