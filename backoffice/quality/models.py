"""The service-quality summary: counts per shop and platform day, kept by ingestion (``quality/summary.py``)."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.db import db, enum_type
from backoffice.merchants.models import Platform

#: The counted columns, in the order of ``figures.Counts``' own names (see ``summary.COLUMNS``).
COUNT_COLUMNS = ("in_time", "late", "unanswered", "ratings", "good_ratings", "complained", "customer_conversations")


class QualityDay(db.Model):
    """One shop's counts on one platform day (Asia/Shanghai); every column a sum of per-conversation parts.

    An inquiry is counted on the day it was asked, once: in time, late, or unanswered (an unanswered one
    still inside its reply window is left out when the figures are read, not here).
    """

    __tablename__ = "quality_days"
    __table_args__ = (sa.Index(None, "day", "platform"),)

    merchant_id: Mapped[int] = mapped_column(sa.ForeignKey("merchants.id"), primary_key=True)
    day: Mapped[date] = mapped_column(sa.Date, primary_key=True)
    platform: Mapped[Platform] = mapped_column(enum_type(Platform, 16))
    in_time: Mapped[int] = mapped_column(default=0)
    late: Mapped[int] = mapped_column(default=0)
    unanswered: Mapped[int] = mapped_column(default=0)
    ratings: Mapped[int] = mapped_column(default=0)
    good_ratings: Mapped[int] = mapped_column(default=0)
    #: Conversations with a customer's report (投诉) that day.
    complained: Mapped[int] = mapped_column(default=0)
    #: Conversations a customer wrote in that day.
    customer_conversations: Mapped[int] = mapped_column(default=0)
