"""Negative service from timestamps: customer messages left unanswered.

Between ``service_start`` (inclusive) and ``service_end`` (exclusive), in the
platform's time zone, every customer message must get a merchant message
within ``limit``. One lapse is reported per unanswered stretch (the run of
customer messages between two merchant messages), at the earliest customer
message of the stretch that waited too long, so a customer who sends three
lines in a row does not make three flags.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

DEFAULT_START = time(8, 0)
DEFAULT_END = time(23, 0)
DEFAULT_LIMIT = timedelta(minutes=3)


@dataclass(frozen=True, slots=True)
class Lapse:
    message_index: int  # the customer message that waited too long
    sent_at: datetime
    waited: timedelta | None  # None: no merchant message followed at all
    stretch: int  # customer messages in the unanswered stretch


def in_service_hours(t: datetime, tz: ZoneInfo, start: time, end: time) -> bool:
    local = t.astimezone(tz).time()
    return start <= local < end


def find_lapses(
    messages: list[tuple[int, str, datetime | None]],
    tz: str | ZoneInfo = "Asia/Shanghai",
    start: time = DEFAULT_START,
    end: time = DEFAULT_END,
    limit: timedelta = DEFAULT_LIMIT,
    now: datetime | None = None,
) -> list[Lapse]:
    """``messages``: (index, sender_role, sent_at) for one conversation.

    Messages without a time are ignored. A pending stretch at the end of the
    conversation is a lapse when ``now`` is None (the record is complete) or
    when more than ``limit`` has passed by ``now``.
    """
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    timed = sorted((t, i, role) for i, role, t in messages if t is not None)
    lapses: list[Lapse] = []
    pending: list[tuple[datetime, int]] = []  # in-hours customer messages awaiting a reply

    def close(reply_at: datetime | None) -> None:
        for t, i in pending:
            if reply_at is None:
                if now is None or now - t > limit:
                    lapses.append(Lapse(i, t, None, len(pending)))
                    break
            elif reply_at - t > limit:
                lapses.append(Lapse(i, t, reply_at - t, len(pending)))
                break
        pending.clear()

    for t, i, role in timed:
        if role == "merchant":
            close(t)
        elif role == "customer" and in_service_hours(t, zone, start, end):
            pending.append((t, i))
    close(None)
    return lapses
