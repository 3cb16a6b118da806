"""``flask audit``: check the audit trail's hash chain."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from backoffice.audit.operations import verify_chain

audit_cli = AppGroup("audit", help="Inspect the tamper-evident audit trail.")


@audit_cli.command("verify")
def verify() -> None:
    """Recompute every event's hash and link; exit 1 if anything was altered."""
    count, problems = verify_chain()
    if problems:
        for problem in problems:
            click.echo(f"event {problem.event_id}: {problem.problem}", err=True)
        raise click.ClickException(f"Audit chain broken: {len(problems)} problem(s) in {count} events.")
    click.echo(f"Audit chain intact: {count} events verified.")
