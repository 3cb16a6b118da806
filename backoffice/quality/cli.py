"""``flask quality rebuild``: recount the service-quality summary from the stored messages."""

from __future__ import annotations

from datetime import timedelta

import click
from flask.cli import AppGroup

from backoffice.db import db, utcnow

quality_cli = AppGroup("quality", help="Service-quality figures.")


@quality_cli.command("rebuild")
@click.option("--days", type=click.IntRange(min=1), default=None,
              help="Only the last N platform days, today included (default: every day).")
def rebuild(days: int | None) -> None:
    """Recount the per-shop, per-day summary from the messages, reviews and complaints.

    Run it after changing a pack's reply_minutes or service hours, and once on data stored before the
    summary existed. Ingestion waits while it runs (PostgreSQL) and counts itself in afterwards.
    """
    from backoffice.quality.summary import rebuild as recount

    since = utcnow() - timedelta(days=days - 1) if days else None
    rows = recount(since)
    db.session.commit()
    click.echo(f"Service-quality summary rebuilt: {rows} shop-days"
               + (f" in the last {days} days." if days else "."))
