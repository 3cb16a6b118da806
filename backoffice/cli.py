"""Attach every module's command group to the ``flask`` command."""

from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    from backoffice.accounts.cli import users_cli
    from backoffice.api.cli import tokens_cli
    from backoffice.audit.cli import audit_cli
    from backoffice.demo.cli import demo_cli
    from backoffice.detection.cli import scan_cli
    from backoffice.ingest.cli import ingest_cli
    from backoffice.ledger.cli import ledger_cli
    from backoffice.notifications.outbox import outbox_cli
    from backoffice.rulings.cli import rulings_cli
    from backoffice.policy.cli import rules_cli
    from backoffice.transparency.cli import statements_cli
    from backoffice.whatif.cli import whatif

    rules_cli.add_command(whatif)  # `flask rules whatif`: replay a period through a changed pack

    for group in (users_cli, tokens_cli, audit_cli, demo_cli, ledger_cli, scan_cli, ingest_cli, outbox_cli,
                  rulings_cli, statements_cli):
        app.cli.add_command(group)
