"""The automatic measures a flag set off before review, as the ruling reports them."""

from __future__ import annotations

from backoffice.rulings.context import ruling_facts
from backoffice.rulings.document import document_context
from backoffice.rulings.queries import get_ruling


def test_a_notice_scheduled_for_the_next_day_but_ended_by_the_ruling_reads_as_cancelled(make_ruling):
    ruling = make_ruling()
    facts = ruling_facts(get_ruling(ruling.id))
    kinds = [i["type"] for i in facts["interim"]]
    assert kinds == ["search_demotion", "risk_notice"]  # zbj.offsite_contact: on the flag, next platform day
    rows = document_context(facts, "both", "0" * 64)["L"]["interim"]
    demotion, notice = rows
    assert demotion["ends"]["en"].startswith("lifted ")
    assert demotion["ends"]["zh"].endswith("解除")
    assert notice["ends"] == {"en": "cancelled before it began", "zh": "未开始即取消"}
