"""``flask retention purge``: purge conversations past the retention period."""

from __future__ import annotations

import click
from flask.cli import AppGroup

retention_cli = AppGroup("retention", help="Purge chat text, evidence and personal data past the retention period.")


@retention_cli.command("purge")
@click.option("--dry-run", is_flag=True, help="List what is due without changing anything.")
@click.option("--days", type=click.IntRange(min=1), default=None,
              help="Retention period in days for this run (default: BACKOFFICE_RETENTION_DAYS).")
def purge(dry_run: bool, days: int | None) -> None:
    """Purge each conversation whose cases all closed more than the retention period ago; audited, and
    safe to run again or in several processes at once."""
    from backoffice.audit.operations import Actor
    from backoffice.retention.jobs import purge_expired

    try:
        report = purge_expired(Actor(None, "cli"), dry_run=dry_run, days=days)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    if report.days is None:
        raise click.ClickException("Retention is off: set BACKOFFICE_RETENTION_DAYS (or pass --days) to purge.")
    if dry_run:
        click.echo(f"Due after {report.days} days: {len(report.due)} conversation(s) {_ids(report.due)}; "
                   f"kept for an appeal: {len(report.skipped)}.")
        return
    click.echo(f"Purged {len(report.purged)} conversation(s) {_ids(report.purged)} and "
               f"{report.evidence_files} evidence file(s); kept for an appeal: {len(report.skipped)}.")


def _ids(ids: list[int]) -> str:
    shown = ", ".join(map(str, ids[:20]))
    return f"({shown}{', ...' if len(ids) > 20 else ''})" if ids else ""
