"""``flask webhooks``: push enforcement events to the platforms' endpoints."""

from __future__ import annotations

import time

import click
from flask.cli import AppGroup

webhooks_cli = AppGroup("webhooks", help="Deliver enforcement events to the platforms' webhook endpoints.")


@webhooks_cli.command("deliver")
@click.option("--once", is_flag=True, help="Send what is due now and stop (otherwise loop every --every seconds).")
@click.option("--every", default=15, show_default=True, help="Seconds between sweeps when looping.")
def deliver(once: bool, every: int) -> None:
    """Report expired measures, then send every due delivery; safe to run in several processes."""
    from backoffice.webhooks.delivery import deliver_due

    while True:
        click.echo(f"Delivered {deliver_due()} event(s).")
        if once:
            return
        time.sleep(every)
