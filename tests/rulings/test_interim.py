"""The automatic measures a flag set off before review, as the ruling reports them."""

from __future__ import annotations

from backoffice.rulings.context import ruling_facts
from backoffice.rulings.document import document_context
from backoffice.rulings.queries import get_ruling


def test_the_ruling_ends_the_demotion_but_keeps_the_next_day_notice(make_ruling):
    # Seed 000: "系统会在第二天在服务商工作台自动进行'风险提示'弹窗提醒", whatever the review finds.
    ruling = make_ruling()
    facts = ruling_facts(get_ruling(ruling.id))
    kinds = [i["type"] for i in facts["interim"]]
    assert kinds == ["search_demotion", "risk_notice"]  # zbj.offsite_contact: on the flag, next platform day
    rows = document_context(facts, "both", "0" * 64)["L"]["interim"]
    demotion, notice = rows
    assert demotion["ends"]["en"].startswith("lifted ")
    assert demotion["ends"]["zh"].endswith("解除")
    assert notice["ends"]["en"] == "one-off"
