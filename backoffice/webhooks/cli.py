"""``flask webhooks``: push enforcement events to the platforms' endpoints."""

from __future__ import annotations

import time

import click
import sqlalchemy as sa
from flask.cli import AppGroup

from backoffice.audit.operations import Actor
from backoffice.db import db
from backoffice.failures import DomainError
from backoffice.merchants.models import Platform
from backoffice.webhooks.models import DeliveryState, WebhookDelivery, WebhookEndpoint

CLI_ACTOR = Actor(None, "cli")

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


@webhooks_cli.command("add")
@click.argument("platform", type=click.Choice([p.value for p in Platform]))
@click.argument("url")
def add(platform: str, url: str) -> None:
    """Register a receiver of PLATFORM's events at URL; print its id and its secret (shown only once).

    For provisioning scripts: an endpoint already registered for the platform at that address is
    refused, so that running the script twice does not send every event twice.
    """
    from backoffice.webhooks import operations

    if db.session.scalar(sa.select(WebhookEndpoint.id).filter_by(platform=Platform(platform), url=url.strip())):
        raise click.ClickException(f"{platform} already has an endpoint at {url}: see `flask webhooks list`.")
    try:
        endpoint, secret = operations.add_endpoint(CLI_ACTOR, Platform(platform), url)
    except DomainError as exc:
        raise click.ClickException(str(exc.message)) from exc
    db.session.commit()
    click.echo(f"Endpoint {endpoint.id} added for {platform}: {endpoint.url}")
    click.echo(f"Secret (shown only now; give it to the receiver): {secret}")


@webhooks_cli.command("list")
def list_endpoints() -> None:
    """The endpoints, with the deliveries each has waiting and given up on."""
    counts = {(endpoint_id, state): n for endpoint_id, state, n in db.session.execute(
        sa.select(WebhookDelivery.endpoint_id, WebhookDelivery.state, sa.func.count())
        .where(WebhookDelivery.state != DeliveryState.delivered)
        .group_by(WebhookDelivery.endpoint_id, WebhookDelivery.state))}
    for endpoint in db.session.scalars(sa.select(WebhookEndpoint).order_by(WebhookEndpoint.id)):
        pending = counts.get((endpoint.id, DeliveryState.pending), 0)
        given_up = counts.get((endpoint.id, DeliveryState.given_up), 0)
        state = "active" if endpoint.is_active else "inactive"
        click.echo(f"{endpoint.id:>4}  {endpoint.platform.value:<10} {state:<8} {pending:>6} pending "
                   f"{given_up:>6} given up  {endpoint.url}")


@webhooks_cli.command("rotate")
@click.argument("endpoint_id", type=int)
def rotate(endpoint_id: int) -> None:
    """Issue a new secret for an endpoint; the old one keeps signing beside it for 24 hours."""
    from backoffice.webhooks import operations

    endpoint = db.session.get(WebhookEndpoint, endpoint_id)
    if endpoint is None:
        raise click.ClickException(f"No endpoint {endpoint_id}: see `flask webhooks list`.")
    secret = operations.rotate_secret(CLI_ACTOR, endpoint)
    db.session.commit()
    click.echo(f"New secret for endpoint {endpoint_id} (the old one signs too until "
               f"{endpoint.previous_valid_until:%Y-%m-%d %H:%M} UTC): {secret}")
