"""``flask ledger``: check the merchant ledgers."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from backoffice.ledger.verify import Mismatch, verify_all

ledger_cli = AppGroup("ledger", help="Check the merchant ledgers.")


@ledger_cli.command("verify")
def verify() -> None:
    """Replay every merchant's ledger; exit 1 on any mismatch with the running totals or the invariants
    (a measure reversed once per overturn or reduction, never beyond what it took, appeal outcomes
    agreeing with the penalties in force)."""
    from backoffice.appeals.consistency import outcome_problems  # appeals sit above the ledger

    count, mismatches = verify_all()
    mismatches += [Mismatch(merchant, problem) for merchant, problem in outcome_problems()]
    for m in mismatches:
        click.echo(f"{m.merchant}: {m.problem}", err=True)
    if mismatches:
        raise click.ClickException(f"{len(mismatches)} mismatch(es) in {count} merchants.")
    click.echo(f"Ledgers consistent: {count} merchants replayed.")
