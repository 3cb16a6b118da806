"""``flask tokens``: issue, list and revoke API tokens."""

from __future__ import annotations

import click
import sqlalchemy as sa
from flask.cli import AppGroup

from backoffice.accounts.models import User
from backoffice.api.models import ApiToken, Scope
from backoffice.api.tokens import TokenError, create_token, list_tokens, revoke_token
from backoffice.audit.operations import Actor
from backoffice.db import db

tokens_cli = AppGroup("tokens", help="Issue, list and revoke API bearer tokens.")
CLI_ACTOR = Actor(None, "cli")


@tokens_cli.command("create")
@click.option("--user", "login", required=True, help="Login of the account the token acts as.")
@click.option("--scope", "scopes", multiple=True, required=True,
              type=click.Choice([s.value for s in Scope]), help="A scope; repeat for several.")
@click.option("--description", default="", help="What the token is for.")
def create(login: str, scopes: tuple[str, ...], description: str) -> None:
    """Create a token; the token is printed alone on the last line."""
    user = db.session.scalar(sa.select(User).filter_by(login=login.strip().lower()))
    if user is None:
        raise click.ClickException(f"No account with login {login!r}.")
    try:
        token, secret = create_token(CLI_ACTOR, user, [Scope(s) for s in scopes], description)
    except TokenError as exc:
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"Token {token.id} for {user.login} with scopes {token.scopes}. It is shown only once:")
    click.echo(secret)


@tokens_cli.command("list")
def list_() -> None:
    """List tokens (never their secrets)."""
    click.echo(f"{'ID':>5} {'PREFIX':<11} {'USER':<20} {'SCOPES':<32} STATE")
    for token in list_tokens():
        state = "revoked" if token.is_revoked else "active"
        click.echo(f"{token.id:>5} {token.prefix:<11} {token.user.login:<20} {token.scopes:<32} {state}")


@tokens_cli.command("revoke")
@click.argument("token_id", type=int)
def revoke(token_id: int) -> None:
    """Revoke a token by its id."""
    token = db.session.get(ApiToken, token_id)
    if token is None:
        raise click.ClickException(f"No token with id {token_id}.")
    revoke_token(CLI_ACTOR, token)
    db.session.commit()
    click.echo(f"Revoked token {token_id}.")
