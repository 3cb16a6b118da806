"""``flask statements``: DSA statements of reasons, checked, exported in batches, backfilled."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click
import sqlalchemy as sa
from flask.cli import AppGroup

statements_cli = AppGroup("statements", help="DSA Transparency Database statements of reasons.")

_DAY = click.DateTime(formats=["%Y-%m-%d"])


def _refusals(refused) -> None:
    for row, problems in refused:
        click.echo(f"REFUSED {row.puid} (case {row.case_id}, {row.trigger.value}, {row.application_date}):",
                   err=True)
        for problem in problems:
            click.echo(f"  - {problem}", err=True)


@statements_cli.command("export")
@click.option("--since", type=_DAY, required=True, help="First application day (platform time, YYYY-MM-DD).")
@click.option("--until", type=_DAY, help="Last application day, inclusive.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Directory for statements-NNNN.json (numbering continues after files already there).")
@click.option("--again", is_flag=True,
              help="Also re-export statements already exported (the database refuses a PUID it has: 422).")
def export(since: datetime, until: datetime | None, out: Path, again: bool) -> None:
    """Write the pending statements as JSON batches of at most 100, each checked first.

    A statement that breaks the schema or contains personal data is not written; it is listed
    with its problems and the command exits 1. Written statements are marked exported, so a rerun
    does not write them again.
    """
    from backoffice.extensions import db
    from backoffice.transparency.operations import Selection, write_directory
    from backoffice.transparency.operations import export as run

    selection = Selection(since.date(), until.date() if until else None, state="all" if again else "pending")
    result = run(selection)
    try:
        files = write_directory(result, out)
    except OSError as exc:
        db.session.rollback()
        raise click.ClickException(f"could not write to {out}: {exc}") from exc
    db.session.commit()
    for path, (batch, rows) in zip(files, result.batches, strict=True):
        click.echo(f"{path}: {len(rows)} statement(s), batch {batch}")
    click.echo(f"{result.exported} statement(s) exported in {len(files)} file(s); "
               f"{len(result.refused)} refused.")
    _refusals(result.refused)
    if result.refused:
        raise SystemExit(1)


@statements_cli.command("check")
@click.option("--since", type=_DAY, help="First application day (YYYY-MM-DD).")
@click.option("--until", type=_DAY, help="Last application day, inclusive.")
def check(since: datetime | None, until: datetime | None) -> None:
    """Validate and scan the pending statements again; exit 1 if any would be refused."""
    from backoffice.extensions import db
    from backoffice.transparency.models import StatementOfReasons
    from backoffice.transparency.operations import Selection
    from backoffice.transparency.operations import check as check_row

    selection = Selection(since.date() if since else None, until.date() if until else None)
    rows = list(db.session.scalars(selection.query().order_by(StatementOfReasons.id)))
    refused = [(row, problems) for row in rows if (problems := check_row(row))]
    db.session.commit()
    click.echo(f"{len(rows)} pending statement(s), {len(refused)} with problems.")
    _refusals(refused)
    if refused:
        raise SystemExit(1)


@statements_cli.command("backfill")
@click.option("--since", type=_DAY, help="Only decisions and automatic measures from this day on.")
def backfill(since: datetime | None) -> None:
    """Create the statements that past applied decisions and automatic measures lack (safe to rerun)."""
    from backoffice.extensions import db
    from backoffice.transparency.operations import backfill as run

    result = run(since.date() if since else None)
    db.session.commit()
    for row in result.created:
        note = f" ({len(row.problems)} problem(s))" if row.problems else ""
        click.echo(f"created {row.puid}{note}")
    click.echo(f"{len(result.created)} statement(s) created; {result.without_restriction} decision(s) "
               "restrict nothing and need none.")


@statements_cli.command("rebuild")
@click.argument("puids", nargs=-1)
@click.option("--with-problems", is_flag=True, help="Every pending statement that has problems.")
def rebuild(puids: tuple[str, ...], with_problems: bool) -> None:
    """Build pending statements again from current data, after a rule pack or setting was corrected."""
    from backoffice.extensions import db
    from backoffice.transparency.models import StatementOfReasons
    from backoffice.transparency.operations import NotRebuildable, Selection
    from backoffice.transparency.operations import rebuild as run

    rows = list(db.session.scalars(sa.select(StatementOfReasons).where(StatementOfReasons.puid.in_(puids))))
    missing = set(puids) - {r.puid for r in rows}
    if missing:
        raise click.ClickException(f"no statement with PUID {', '.join(sorted(missing))}")
    if with_problems:
        rows += [r for r in db.session.scalars(Selection().query().order_by(StatementOfReasons.id))
                 if r.problems and r not in rows]
    failed = 0
    for row in rows:
        try:
            problems = run(row)
        except NotRebuildable as exc:
            click.echo(f"SKIPPED {exc}", err=True)
            failed += 1
            continue
        click.echo(f"rebuilt {row.puid}: {len(problems)} problem(s)")
        failed += bool(problems)
        for problem in problems:
            click.echo(f"  - {problem}", err=True)
    db.session.commit()
    if failed:
        raise SystemExit(1)


@statements_cli.command("show")
@click.argument("puid")
def show(puid: str) -> None:
    """Print one statement as it will be submitted, then its problems."""
    import json

    from backoffice.extensions import db
    from backoffice.transparency.models import StatementOfReasons
    from backoffice.transparency.operations import check as check_row

    row = db.session.scalar(sa.select(StatementOfReasons).where(StatementOfReasons.puid == puid))
    if row is None:
        raise click.ClickException(f"no statement with PUID {puid}")
    click.echo(json.dumps(row.payload, ensure_ascii=False, indent=2))
    problems = check_row(row)
    db.session.commit()
    for problem in problems:
        click.echo(f"PROBLEM: {problem}", err=True)
    state = (f"exported {row.exported_at:%Y-%m-%d %H:%M} UTC in {row.export_batch}" if row.exported_at
             else "pending")
    click.echo(f"{state}; {len(problems)} problem(s)", err=True)
