"""Deliver the e-mail outbox: SMTP in production, .eml files for development."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from pathlib import Path

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import AppGroup

from backoffice.db import db, utcnow
from backoffice.notifications.models import OutboxEmail

MAX_ATTEMPTS = 5
outbox_cli = AppGroup("outbox", help="Deliver e-mails waiting in the outbox.")


def _message(mail: OutboxEmail) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = current_app.config["MAIL_FROM"]
    msg["To"] = mail.to_address
    msg["Subject"] = mail.subject
    msg["Message-ID"] = f"<outbox-{mail.id}@backoffice>"
    msg.set_content(mail.body)
    return msg


def _send(msg: EmailMessage, mail: OutboxEmail) -> None:
    cfg = current_app.config
    if cfg["MAIL_BACKEND"] == "smtp":
        with smtplib.SMTP(cfg["SMTP_HOST"], int(cfg["SMTP_PORT"]), timeout=30) as smtp:
            smtp.send_message(msg)
    else:
        folder = Path(current_app.instance_path) / "outbox"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{mail.id:08d}.eml").write_bytes(msg.as_bytes())


def _claim(skip: list[int]) -> OutboxEmail | None:
    stmt = (sa.select(OutboxEmail).where(OutboxEmail.sent_at.is_(None), OutboxEmail.attempts < MAX_ATTEMPTS)
            .order_by(OutboxEmail.id).limit(1))
    if skip:
        stmt = stmt.where(OutboxEmail.id.not_in(skip))
    if db.session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(skip_locked=True)  # several workers never send one e-mail twice
    return db.session.scalar(stmt)


def deliver_pending(limit: int = 100) -> tuple[int, int]:
    """Send what is waiting, one e-mail per transaction (its row locked while it is sent), so that a worker
    killed half-way leaves only the e-mail in hand unmarked. Returns (sent, failed)."""
    sent = failed = 0
    tried: list[int] = []  # failed in this run: the next run tries them again
    for _ in range(limit):
        mail = _claim(tried)
        if mail is None:
            break
        mail.attempts += 1
        try:
            _send(_message(mail), mail)
        except (OSError, smtplib.SMTPException) as exc:
            mail.last_error = str(exc)[:500]
            failed += 1
            tried.append(mail.id)
        else:
            mail.sent_at = utcnow()
            sent += 1
        db.session.commit()
    return sent, failed


@outbox_cli.command("deliver")
@click.option("--limit", default=100, show_default=True, help="At most this many e-mails.")
def deliver(limit: int) -> None:
    """Send the e-mails waiting in the outbox (MAIL_BACKEND smtp or file)."""
    sent, failed = deliver_pending(limit)
    click.echo(f"Sent {sent} e-mail(s); {failed} failed and will be retried.")
