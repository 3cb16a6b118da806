"""``flask ingest FILE.jsonl``: conversations from a file, one per line."""

from __future__ import annotations

import json
import sys

import click
from flask.cli import with_appcontext

from backoffice.audit.operations import Actor
from backoffice.db import db
from backoffice.ingest.batch import ingest_many

CHUNK = 200


@click.command("ingest")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@with_appcontext
def ingest_cli(file) -> None:
    """Ingest conversations from a JSON Lines FILE; bad lines are reported and skipped."""
    lines = file.readlines()
    actor = Actor(None, "cli")
    totals = {"conversations": 0, "messages": 0, "flags": 0, "cases_opened": 0, "rejected": 0}
    problems: list[tuple[int, str]] = []
    with click.progressbar(length=len(lines), label="Ingesting", file=sys.stderr) as bar:
        for start in range(0, len(lines), CHUNK):
            chunk = []
            for number, line in enumerate(lines[start:start + CHUNK], start=start + 1):
                if not line.strip():
                    continue
                try:
                    chunk.append((number, json.loads(line)))
                except json.JSONDecodeError as exc:
                    problems.append((number, f"invalid JSON ({exc.msg} at column {exc.colno})"))
            outcome = ingest_many(actor, chunk)
            db.session.commit()
            for _, result in outcome.accepted:
                totals["conversations"] += 1
                totals["messages"] += result.new_messages
                totals["flags"] += result.flags
                totals["cases_opened"] += len(result.cases_opened)
            problems += [(number, error) for number, _, error in outcome.rejected]
            bar.update(len(lines[start:start + CHUNK]))
    totals["rejected"] = len(problems)
    for number, problem in sorted(problems):
        click.echo(f"line {number}: {problem}", err=True)
    click.echo("Ingested {conversations} conversations, {messages} new messages, {flags} flags, "
               "{cases_opened} new cases; {rejected} rejected.".format(**totals))
    if problems:
        raise SystemExit(1)
