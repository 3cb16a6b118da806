"""Attach every module's command group to the ``flask`` command."""

from __future__ import annotations

import click
import sqlalchemy as sa
from flask import Flask
from flask.cli import ScriptInfo


def register(app: Flask) -> None:
    from backoffice.accounts.cli import users_cli
    from backoffice.api.cli import tokens_cli
    from backoffice.audit.cli import audit_cli
    from backoffice.demo.cli import demo_cli
    from backoffice.detection.cli import detect_cli, scan_cli
    from backoffice.ingest.cli import ingest_cli
    from backoffice.jobs.cli import jobs_cli
    from backoffice.ledger.cli import ledger_cli
    from backoffice.notifications.cli import notifications_cli
    from backoffice.notifications.outbox import outbox_cli
    from backoffice.policy.cli import rules_cli
    from backoffice.quality.cli import quality_cli
    from backoffice.retention.cli import retention_cli
    from backoffice.rulings.cli import rulings_cli
    from backoffice.transparency.cli import statements_cli
    from backoffice.urltable import urls_cli
    from backoffice.webhooks.cli import webhooks_cli
    from backoffice.whatif.cli import whatif

    rules_cli.add_command(whatif)  # `flask rules whatif`: replay a period through a changed pack

    for group in (users_cli, tokens_cli, audit_cli, demo_cli, ledger_cli, scan_cli, detect_cli, ingest_cli, jobs_cli,
                  notifications_cli, outbox_cli, quality_cli, retention_cli, rulings_cli, statements_cli,
                  webhooks_cli):
        _hint_upgrade(group)
        app.cli.add_command(group)
    app.cli.add_command(urls_cli)
    _hint_upgrade(rules_cli)  # added by backoffice.policy


def _hint_upgrade(group: click.Group) -> None:
    """A command that fails on a database missing a migration says to upgrade it, without a traceback.

    The groups are module-level objects and every application created registers them again: wrap once."""
    if getattr(group, "hints_upgrade", False):
        return
    invoke = group.invoke

    def guarded(ctx: click.Context):
        try:
            return invoke(ctx)
        except (sa.exc.OperationalError, sa.exc.ProgrammingError) as exc:
            from backoffice import schema

            with ctx.ensure_object(ScriptInfo).load_app().app_context():
                if schema.explains(exc):
                    raise click.ClickException(schema.UPGRADE_HINT) from exc
            raise

    group.invoke = guarded
    group.hints_upgrade = True
