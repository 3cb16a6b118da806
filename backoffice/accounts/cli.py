"""``flask users``: manage accounts from the command line."""

from __future__ import annotations

import click
import sqlalchemy as sa
from flask.cli import AppGroup

from backoffice.accounts.models import Role, User
from backoffice.accounts.operations import (
    AccountError,
    clear_failures,
    create_user,
    find_merchant,
    set_enabled,
)
from backoffice.accounts.sessions import sign_out_everywhere
from backoffice.audit.operations import Actor
from backoffice.db import db

users_cli = AppGroup("users", help="Create, list, disable and re-enable accounts.")
CLI_ACTOR = Actor(None, "cli")


def _get_user(login: str) -> User:
    user = db.session.scalar(sa.select(User).filter_by(login=login.strip().lower()))
    if user is None:
        raise click.ClickException(f"No account with login {login!r}.")
    return user


@users_cli.command("create")
@click.argument("login")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]), help="The account's role.")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help="Initial password (at least 10 characters); asked for when not given.")
@click.option("--merchant", "merchant_id", help="External id of the merchant record (merchant accounts).")
@click.option("--name", "display_name", default="", help="Display name.")
def create(login: str, role: str, password: str, merchant_id: str | None, display_name: str) -> None:
    """Create an account."""
    try:
        merchant = find_merchant(merchant_id) if merchant_id else None
        user = create_user(CLI_ACTOR, login=login, role=Role(role), password=password,
                           merchant=merchant, display_name=display_name)
    except AccountError as exc:
        db.session.rollback()
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"Created {user.login} ({user.role.value}).")


@users_cli.command("disable")
@click.argument("login")
def disable(login: str) -> None:
    """Disable an account; its sessions end and its tokens are revoked at once."""
    try:
        set_enabled(CLI_ACTOR, _get_user(login), False)
    except AccountError as exc:
        db.session.rollback()
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"Disabled {login}.")


@users_cli.command("unlock")
@click.argument("login", required=False)
@click.option("--address", help="Lift the lockout of a client address instead (or as well).")
def unlock(login: str | None, address: str | None) -> None:
    """Lift a sign-in lockout caused by failed attempts."""
    if not login and not address:
        raise click.UsageError("Name a LOGIN, an --address, or both.")
    cleared = clear_failures(CLI_ACTOR, login=login, address=address)
    db.session.commit()
    click.echo(f"Cleared {cleared} failed sign-in(s).")


@users_cli.command("enable")
@click.argument("login")
def enable(login: str) -> None:
    """Re-enable a disabled account."""
    set_enabled(CLI_ACTOR, _get_user(login), True)
    db.session.commit()
    click.echo(f"Enabled {login}.")


@users_cli.command("sign-out")
@click.argument("login")
def sign_out(login: str) -> None:
    """End every session of an account (its API tokens are left alone)."""
    ended = sign_out_everywhere(CLI_ACTOR, _get_user(login))
    db.session.commit()
    click.echo(f"Ended {ended} session(s) of {login}.")


@users_cli.command("list")
def list_users() -> None:
    """List every account with its role and state."""
    users = db.session.scalars(sa.select(User).order_by(User.role, User.login)).all()
    click.echo(f"{'LOGIN':<24} {'ROLE':<16} {'STATE':<9} MERCHANT")
    for user in users:
        state = "enabled" if user.is_enabled else "disabled"
        merchant = user.merchant.external_id if user.merchant else ""
        click.echo(f"{user.login:<24} {user.role.value:<16} {state:<9} {merchant}")
