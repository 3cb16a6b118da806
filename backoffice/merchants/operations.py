"""Create merchants with their opening ledger, and top up deposits."""

from __future__ import annotations

from decimal import Decimal

import sqlalchemy as sa

from backoffice.audit.operations import Actor, record
from backoffice.db import db
from backoffice.failures import Conflict, DomainError
from backoffice.ledger import operations as ledger
from backoffice.ledger.models import LedgerEntry
from backoffice.merchants.models import Merchant, Platform
from backoffice.policy import get_rulebook


class MerchantError(DomainError, ValueError):
    """A merchant request that cannot be carried out; the message is for people."""


class MerchantConflict(MerchantError, Conflict):
    """The merchant exists with other facts (platform, opening deposit) than the request says."""


def starting_integrity(platform: Platform) -> int | None:
    """The opening integrity score where the platform has one (an operator setting)."""
    try:
        return int(get_rulebook().setting(platform.value, "starting_integrity_points").value)
    except KeyError:
        return None


def find(external_id: str) -> Merchant | None:
    return db.session.scalar(sa.select(Merchant).filter_by(external_id=external_id))


def upsert(actor: Actor, external_id: str, platform: Platform, name: str, deposit: Decimal,
           in_eu: bool | None = None) -> tuple[Merchant, bool]:
    """Create the merchant with its opening deposit, or rename an existing one; return (merchant, created).

    ``in_eu`` (None: leave as it is) applies to rulings made from then on; earlier ones keep the
    appeal window they were issued with."""
    merchant = find(external_id)
    if merchant is not None:
        if merchant.platform is not platform:
            raise MerchantConflict(f"merchant {external_id} is on {merchant.platform.value}, not {platform.value}")
        opening = db.session.scalar(
            sa.select(LedgerEntry.deposit_delta).filter_by(merchant_id=merchant.id, kind="opening"))
        if opening is not None and opening != deposit:
            raise MerchantConflict(
                f"merchant {external_id} opened with a deposit of {opening}; "
                "record later changes with POST /api/v1/merchants/<id>/deposits")
        if merchant.name != name:
            record(actor, "merchant.rename", "merchant", merchant.id,
                   before={"name": merchant.name}, after={"name": name})
            merchant.name = name
        if in_eu is not None and merchant.in_eu != in_eu:
            record(actor, "merchant.set_in_eu", "merchant", merchant.id,
                   before={"in_eu": merchant.in_eu}, after={"in_eu": in_eu})
            merchant.in_eu = in_eu
        return merchant, False
    merchant = Merchant(external_id=external_id, platform=platform, name=name, in_eu=bool(in_eu))
    db.session.add(merchant)
    db.session.flush()
    ledger.open_account(merchant, deposit, starting_integrity(platform))
    record(actor, "merchant.create", "merchant", merchant.id,
           after={"external_id": external_id, "platform": platform.value, "name": name, "deposit": deposit,
                  "in_eu": merchant.in_eu})
    return merchant, True


def top_up(actor: Actor, merchant: Merchant, amount: Decimal, reason: str):
    try:
        entry = ledger.top_up(merchant, amount, reason)
    except ledger.LedgerError as exc:
        raise MerchantError(str(exc)) from exc
    record(actor, "merchant.deposit_topup", "merchant", merchant.id,
           after={"amount": amount, "entry": entry.id, "reason": reason})
    return entry
