"""Run a what-if replay in the app: validate the pack, read the period on a read-only connection, replay."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, timedelta

from backoffice.db import utcnow
from backoffice.failures import DomainError
from backoffice.policy import get_rulebook
from backoffice.policy.schema import Pack
from backoffice.timeutil import platform_day_bounds, platform_tz
from backoffice.whatif.packs import RuleChange, pack_from_text, rule_changes, text_diff
from backoffice.whatif.queries import count_in_period, load_records, read_only_connection
from backoffice.whatif.replay import Report, replay

DEFAULT_DAYS = 30
MAX_DAYS = 366


class PeriodError(DomainError, ValueError):
    """The period cannot be replayed; the message is for people."""


class TooManyDecisions(PeriodError):
    def __init__(self, count: int, limit: int) -> None:
        super().__init__(f"the period has {count} decisions, more than the {limit} a page may replay; "
                         "choose a shorter period or use `flask rules whatif`")
        self.count, self.limit = count, limit


@dataclass(frozen=True)
class WhatIf:
    pack: Pack
    report: Report
    since: date
    until: date
    current_version: str | None
    changes: list[RuleChange]
    diff: list[str]
    seconds: float


def today() -> date:
    return utcnow().astimezone(platform_tz()).date()


def default_period() -> tuple[date, date]:
    """The last 30 platform days, today included."""
    end = today()
    return end - timedelta(days=DEFAULT_DAYS - 1), end


def current_pack_text(platform: str) -> str:
    """The YAML of the pack in use for ``platform`` (empty when there is none)."""
    path = get_rulebook().files.get(platform)
    return path.read_text(encoding="utf-8") if path else ""


def check_period(since: date, until: date) -> None:
    if until < since:
        raise PeriodError("the period ends before it starts")
    if (until - since).days + 1 > MAX_DAYS:
        raise PeriodError(f"choose at most {MAX_DAYS} days")


def run(text: str, since: date, until: date, *, name: str = "pack.yaml", limit: int | None = None) -> WhatIf:
    """Replay the platform's decisions of [since, until] (platform dates) through the pack in ``text``.

    :param limit: refuse periods with more decisions than this (a page must answer in seconds).
    :raises RuleFileError: the pack is invalid (the problems carry line numbers); nothing was read.
    :raises PeriodError: the period is backwards, too long, or holds more than ``limit`` decisions.
    """
    check_period(since, until)
    started = time.perf_counter()
    return run_pack(pack_from_text(text, name), since, until, limit=limit, text=text, started=started)


def run_pack(pack: Pack, since: date, until: date, *, limit: int | None = None, text: str | None = None,
             started: float | None = None) -> WhatIf:
    """Replay the period through ``pack`` (changed in a form, or parsed from ``text``)."""
    check_period(since, until)
    started = started if started is not None else time.perf_counter()
    tz = platform_tz()
    start, end = platform_day_bounds(since, tz)[0], platform_day_bounds(until, tz)[1]
    current = get_rulebook().packs.get(pack.platform)
    with read_only_connection() as conn:
        if limit is not None and (count := count_in_period(conn, pack.platform, start, end)) > limit:
            raise TooManyDecisions(count, limit)
        records = load_records(conn, pack.platform, start, end)
    report = replay(pack, records, start, end, tz, baseline=current)
    return WhatIf(
        pack=pack, report=report, since=since, until=until,
        current_version=current.version if current else None,
        changes=rule_changes(current, pack),
        diff=text_diff(current_pack_text(pack.platform), text) if text is not None else [],
        seconds=time.perf_counter() - started,
    )
