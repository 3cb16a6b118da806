"""Opening a case from the daily sweep (ZBJ "人工每天也会全部排查") over the API."""

from __future__ import annotations

import pytest

from tests.cases.test_sweep import missed  # noqa: F401 - the fixture


@pytest.mark.usefixtures("missed")
def test_the_api_opens_a_sweep_case_and_answers_409_the_second_time(token, client):
    headers = token("alice", "reviewer", "review")
    body = {"platform": "zbj", "conversation": "sw-1", "messages": ["2"], "rule": "zbj.offsite_contact",
            "note": "变体引导加微信"}
    first = client.post("/api/v1/cases:sweep", json=body, headers=headers)
    assert first.status_code == 201, first.get_json()
    assert first.get_json()["rule"] == "zbj.offsite_contact"
    second = client.post("/api/v1/cases:sweep", json=body, headers=headers)
    assert second.status_code == 409
    unknown = client.post("/api/v1/cases:sweep", json=body | {"messages": ["9"]}, headers=headers)
    assert unknown.status_code == 422
    too_long = client.post("/api/v1/cases:sweep", json=body | {"note": "字" * 2001}, headers=headers)
    assert too_long.status_code == 422
