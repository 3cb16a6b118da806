"""``flask notifications``: the staff notifications a clock raises (run it from cron, every few minutes)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

notifications_cli = AppGroup("notifications", help="Notifications the staff get on a schedule.")


@notifications_cli.command("overdue")
def overdue() -> None:
    """Tell the holder (or the managers) of each open case past its deadline, once per case."""
    from backoffice.db import db
    from backoffice.notifications.staff import notify_overdue

    sent = notify_overdue()
    db.session.commit()
    click.echo(f"{sent} notification(s) about cases past their deadline.")


@notifications_cli.command("due-soon")
def due_soon() -> None:
    """Warn the holder (or the managers) of each open case due within SLA_WARNING_MINUTES, once per case."""
    from backoffice.db import db
    from backoffice.notifications.staff import notify_due_soon

    sent = notify_due_soon()
    db.session.commit()
    click.echo(f"{sent} notification(s) about cases due soon.")
