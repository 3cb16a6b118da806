"""The measures of a statement of reasons as plain English facts (amounts, durations, platform dates).

The Transparency Database's free-text fields take no personal data; these lines are written from the
measures alone.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from backoffice.policy import PlannedMeasure
from backoffice.timeutil import platform_tz, to_platform_tz


def platform_day(moment: datetime) -> str:
    """YYYY-MM-DD of the platform day (time zone ``BACKOFFICE_TIMEZONE``) of an aware moment."""
    return to_platform_tz(moment, platform_tz()).date().isoformat()


def _period(m: PlannedMeasure) -> str:
    start = platform_day(m.starts_at)
    if m.permanent:
        return f"from {start}, permanently"
    if m.ends_at is not None:
        length = f"{m.minutes} minutes" if m.minutes else (f"{m.days} days" if m.days else "")
        return f"{length + ', ' if length else ''}from {start} to {platform_day(m.ends_at)}"
    return f"from {start} until lifted"


def _money(value: Decimal | None) -> str:
    return f"{(value or Decimal('0')):.2f} CNY"


def describe(m: PlannedMeasure) -> str:
    """One line of decision_facts for a measure (amounts, duration, dates in platform time)."""
    t = m.type
    if t == "integrity_points":
        return f"integrity score {m.integrity_points} points (a ledger entry; not a restriction by itself)"
    if t == "violation_points":
        return (f"{m.violation_points} violation points on the {m.track} track (a ledger entry; "
                "not a restriction by itself)")
    if t == "deposit_deduction":
        text = ("whole security deposit forfeited" if m.whole_deposit
                else f"security deposit deduction of {_money(m.requested)}")
        text += f", {_money(m.applied)} taken from the deposit"
        if m.shortfall:
            text += f" (shortfall {_money(m.shortfall)})"
        return f"{text}, on {platform_day(m.starts_at)}"
    if t == "consumer_compensation":
        return f"compensation of {_money(m.amount)} to be paid by the merchant to the consumer"
    if t == "business_restriction":
        return f"business restriction (partial suspension of the service) {_period(m)}"
    if t == "listing_restriction":
        return f"listing restriction (no new listings) {_period(m)}"
    if t == "mute":
        return f"mute of the merchant's customer-service chat account {_period(m)}"
    if t == "search_demotion":
        return f"search-ranking demotion {_period(m)}"
    if t == "removal":
        return ("removal from the platform (清退) and termination of the merchant account on "
                f"{platform_day(m.starts_at)}")
    if t == "content_removal":
        return f"the violating content removed on {platform_day(m.starts_at)}"
    if t == "risk_notice":
        return f"risk notice on the merchant's workbench on {platform_day(m.starts_at)}"
    if t == "warning":
        return f"warning on {platform_day(m.starts_at)}"
    return f"{t.replace('_', ' ')} {_period(m)}"
