"""Taobao harassment by conduct (seed 002), from the messages' times and the customer's words.

Seed 002 defines 骚扰 as "基于非服务目的,在不合理的时间或者通过不合适的手段等进行联系,或者在消费者
已明确表示不需要、不希望再联系时继续联系", and the general case as "频繁联系他人,影响他人正常生活".
It gives no number, so every threshold is an operator setting in taobao.yaml. One finding per
merchant message, the strongest reason first:

- ``after_refusal`` (明确拒绝后继续联系): the customer refused in so many words (``conduct.yaml``)
  and the merchant kept writing before the customer wrote again. Closing the exchange politely is
  allowed: up to ``closing_messages`` messages within ``closing_minutes`` of the refusal
  ("不用了谢谢" → "好的，打扰了" is service, not harassment).
- ``frequent_contact`` (频繁联系): ``flood_messages`` merchant messages within ``flood_minutes``
  with no customer message in between.
- ``night_contact`` (不合理的时间): a merchant message in the quiet hours (``quiet_start`` to
  ``quiet_end``, platform time) that answers nothing: no customer message in the
  ``prompted_minutes`` before it. Replying at night to a customer who writes at night is service.

Whether the contact had a service purpose is for the reviewer: the finding says what happened.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from backoffice.detection.conduct import ConductHit, Ref, Said, Words, timed

AFTER_REFUSAL_CONFIDENCE = 0.8
FREQUENT_CONFIDENCE = 0.65
NIGHT_CONFIDENCE = 0.55


@dataclass(frozen=True, slots=True)
class HarassmentSettings:
    quiet_start: time
    quiet_end: time
    prompted_minutes: int
    flood_messages: int
    flood_minutes: int
    closing_messages: int
    closing_minutes: int


def in_quiet_hours(t: datetime, zone: ZoneInfo, start: time, end: time) -> bool:
    local = t.astimezone(zone).time()
    return (start <= local or local < end) if start > end else start <= local < end


def find_harassment(messages: list[Said], words: Words, settings: HarassmentSettings,
                    tz: str | ZoneInfo = "Asia/Shanghai", ref: Ref = str) -> list[ConductHit]:
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    s = settings
    closing, flood, prompted = (timedelta(minutes=m) for m in (s.closing_minutes, s.flood_minutes,
                                                                s.prompted_minutes))
    refusal: tuple[int, datetime, str] | None = None  # (index, sent_at, the customer's words)
    after = 0  # merchant messages since the refusal
    last_customer: datetime | None = None
    run: deque[tuple[datetime, int]] = deque()  # merchant messages since the customer last wrote
    hits = []
    for t, i, role, text in timed(messages):
        if role == "customer":
            refusal = (i, t, text[:60]) if words.refusal(text) else None
            after, last_customer = 0, t
            run.clear()
            continue
        run.append((t, i))
        while t - run[0][0] > flood:
            run.popleft()
        hit = None
        if refusal is not None:
            after += 1
            since = t - refusal[1]
            if after > s.closing_messages or since > closing:
                hit = ConductHit(i, "after_refusal", AFTER_REFUSAL_CONFIDENCE, {
                    "refusal": ref(refusal[0]), "said": refusal[2], "nth": after,
                    "minutes": int(since.total_seconds() // 60)})
        if hit is None and len(run) >= s.flood_messages:
            hit = ConductHit(i, "frequent_contact", FREQUENT_CONFIDENCE, {
                "messages": len(run), "minutes": s.flood_minutes, "first": ref(run[0][1])})
        if (hit is None and in_quiet_hours(t, zone, s.quiet_start, s.quiet_end)
                and (last_customer is None or t - last_customer > prompted)):
            hit = ConductHit(i, "night_contact", NIGHT_CONFIDENCE, {
                "at": t.astimezone(zone).strftime("%H:%M"), "start": s.quiet_start.strftime("%H:%M"),
                "end": s.quiet_end.strftime("%H:%M"), "minutes": s.prompted_minutes})
        if hit is not None:
            hits.append(hit)
    return hits
