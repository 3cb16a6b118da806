"""``Cache-Control: no-store`` on API answers and signed-in pages; static files and public pages cache."""

from __future__ import annotations

import pytest

from tests.conftest import PASSWORD


def _stored(response) -> bool:
    return "no-store" not in response.headers.get("Cache-Control", "")


def test_api_answers_are_not_stored_errors_included(client, reviewer):
    assert not _stored(client.get("/api/v1/me", headers=reviewer))
    assert not _stored(client.get("/api/v1/cases/999", headers=reviewer))  # 404
    assert not _stored(client.get("/api/v1/me"))  # 401


def test_pages_for_a_signed_in_person_are_not_stored(client, make_user, login):
    make_user("reviewer", login="rev")
    login("rev", PASSWORD)
    response = client.get("/cases")
    assert response.status_code == 200
    assert not _stored(response)


@pytest.mark.parametrize("path", ["/login", "/rulings/verify"])
def test_public_pages_keep_normal_caching(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert _stored(response)


def test_static_files_keep_normal_caching_even_when_signed_in(client, make_user, login):
    make_user("reviewer", login="rev")
    login("rev", PASSWORD)
    with client.get("/static/css/app.css") as response:
        assert response.status_code == 200
        assert _stored(response)
