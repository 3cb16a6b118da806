"""A merchant in the Chinese UI (the default) with a ruling in force, for the merchant's own pages."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.appeals.conftest import decide_case, direct_case


@pytest.fixture
def shop(make_user, make_merchant):
    """``shop(platform)``: a merchant account and a ruling in force on its direct case."""
    reviewer = make_user("reviewer", login="rev")
    manager = make_user("manager", login="boss")

    def make(platform: str = "zbj", rule_code: str = "zbj.offsite_contact", login: str = "shop"):
        merchant = make_merchant(platform=platform, name="小店")
        user = make_user("merchant", login=login, merchant=merchant)
        ruling = decide_case(direct_case(merchant, rule_code), reviewer, manager=manager)
        return SimpleNamespace(user=user, merchant=merchant, ruling=ruling)

    return make
