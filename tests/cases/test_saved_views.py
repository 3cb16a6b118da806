"""Saved views of the queue (personal and team), team queues by platform and rule, and claim-next
taking its case from the active view."""

from __future__ import annotations

import threading
from collections import Counter
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa

from backoffice.accounts.models import Role, User
from backoffice.cases import claims, saved
from backoffice.cases.models import Case, CaseStatus
from backoffice.cases.saved import SavedView
from backoffice.extensions import db
from tests.builders import web
from tests.cases.conftest import bulk_cases
from tests.concurrency import run_concurrently


def _views() -> list[SavedView]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(SavedView).order_by(SavedView.id)))


@pytest.fixture
def two_shops(make_merchant):
    """Cases on ZBJ (priority 1..) and on Taobao (higher priority), so an unfiltered claim takes Taobao."""
    zbj, taobao = make_merchant("m-zbj"), make_merchant("m-tb", platform="taobao")
    zbj_ids = bulk_cases(zbj, 3, priority=lambda i: 1, prefix="z")
    tb_ids = bulk_cases(taobao, 3, priority=lambda i: 50, prefix="t")
    db.session.execute(sa.update(Case).where(Case.id.in_(tb_ids)).values(rule_code="taobao.ads_repeated",
                                                                          category="ads_spam"))
    db.session.commit()
    return zbj_ids, tb_ids


def test_a_reviewer_saves_a_personal_view_and_sees_it_in_the_queue(client, login, make_user):
    make_user("reviewer", "alice")
    login("alice")
    page = client.post("/cases/views", data={"name": "猪八戒站外联系", "platform": "zbj", "team": "y"},
                       follow_redirects=True).get_data(as_text=True)
    assert "只有高级审核员和经理可以管理团队视图。" in page  # a reviewer has no such box; a forged one is refused
    assert "与团队共享" not in page
    response = client.post("/cases/views", data={"name": "猪八戒站外联系", "platform": "zbj",
                                                 "rule": "zbj.offsite_contact"})
    assert response.status_code == 302
    (view,) = _views()
    assert view.filters == {"platform": "zbj", "rule": "zbj.offsite_contact"}
    assert view.is_team is False
    page = client.get("/cases?platform=zbj&rule=zbj.offsite_contact").get_data(as_text=True)
    assert "猪八戒站外联系" in page
    assert "“下一个案件”从视图“猪八戒站外联系”中领取。" in page
    # the next-case form carries the view
    assert '<input type="hidden" name="queue" value="platform=zbj&amp;rule=zbj.offsite_contact">' in page


def test_a_team_view_is_shared_with_every_reviewer_and_only_seniors_remove_it(client, login, make_user):
    make_user("senior_reviewer", "sen")
    make_user("reviewer", "alice")
    login("sen")
    client.post("/cases/views", data={"name": "淘宝广告队列", "platform": "taobao", "team": "y"})
    (view,) = _views()
    assert view.is_team
    client.post("/logout")
    login("alice")
    page = client.get("/cases").get_data(as_text=True)
    assert "淘宝广告队列" in page
    assert f'action="/cases/views/{view.id}/delete"' not in page
    page = client.post(f"/cases/views/{view.id}/delete", follow_redirects=True).get_data(as_text=True)
    assert "你不能删除此视图。" in page
    assert len(_views()) == 1
    client.post("/logout")
    login("sen")
    client.post(f"/cases/views/{view.id}/delete")
    assert _views() == []


def test_someone_elses_personal_view_is_neither_shown_nor_removable(client, login, make_user):
    bob = make_user("reviewer", "bob")
    make_user("reviewer", "alice")
    view = saved.save_view(web(bob), "bob 的视图", {"platform": "pdd"}, team=False)
    db.session.commit()
    login("alice")
    assert "bob 的视图" not in client.get("/cases").get_data(as_text=True)
    assert client.post(f"/cases/views/{view.id}/delete").status_code == 404
    assert len(_views()) == 1


def test_a_view_needs_a_name_and_a_filter(client, login, make_user):
    make_user("reviewer", "alice")
    login("alice")
    page = client.post("/cases/views", data={"name": "", "platform": "zbj"},
                       follow_redirects=True).get_data(as_text=True)
    assert "请为视图命名。" in page
    page = client.post("/cases/views", data={"name": "全部"}, follow_redirects=True).get_data(as_text=True)
    assert "保存视图前请至少选择一个筛选条件。" in page
    assert _views() == []


def test_claim_next_takes_from_the_active_view(client, login, make_user, two_shops):
    zbj_ids, tb_ids = two_shops
    make_user("reviewer", "alice")
    login("alice")
    # Within one priority the oldest comes first: bulk_cases opens the last one earliest.
    response = client.post("/cases/next", data={"platform": "zbj"})
    assert _path(response) == f"/cases/{zbj_ids[2]}"  # not the Taobao cases above it
    response = client.post("/cases/next", data={"rule": "taobao.ads_repeated"})
    assert _path(response) == f"/cases/{tb_ids[2]}"
    response = client.post("/cases/next")  # no view: the highest priority
    assert _path(response) == f"/cases/{tb_ids[1]}"


def _path(response) -> str:
    return urlsplit(response.headers["Location"]).path


def test_an_empty_view_says_so_and_keeps_its_filters(client, login, make_user, two_shops):
    make_user("reviewer", "alice")
    login("alice")
    response = client.post("/cases/next", data={"platform": "pdd"})
    assert response.headers["Location"].endswith("/cases?platform=pdd")
    assert "此视图中没有等待处理的案件。" in client.get("/cases?platform=pdd").get_data(as_text=True)


def test_the_assignee_and_status_of_a_view_do_not_narrow_claim_next(client, login, make_user, two_shops):
    zbj_ids, tb_ids = two_shops
    make_user("reviewer", "alice")
    login("alice")
    response = client.post("/cases/next", data={"assignee": "me", "status": "in_review"})
    assert _path(response) == f"/cases/{tb_ids[2]}"  # the highest priority, as without a view
    oldest = db.session.scalar(sa.select(Case.id).where(Case.status == CaseStatus.open)
                               .order_by(Case.opened_at, Case.id).limit(1))
    response = client.post("/cases/next", data={"assignee": "me", "sort": "age"})
    assert _path(response) == f"/cases/{oldest}"  # a queue sorted by age hands out its oldest case


@pytest.mark.postgres_only
def test_claim_next_in_a_view_under_concurrency_gives_each_case_once(app, two_shops):
    zbj_ids, _tb_ids = two_shops
    users = [User(login=f"r{n:02d}", role=Role.reviewer, password_hash="!") for n in range(6)]  # noqa: S106
    db.session.add_all(users)
    db.session.flush()
    user_ids = [u.id for u in users]
    db.session.commit()
    claimed: list[int] = []
    lock = threading.Lock()

    def work(user_id: int) -> None:
        user = db.session.get(User, user_id)
        where = (Case.platform == "zbj",)
        while (case := claims.claim_next(web(user), user, where=where)) is not None:
            case_id = case.id
            db.session.commit()
            with lock:
                claimed.append(case_id)
        db.session.commit()

    run_concurrently(app, work, user_ids)
    assert Counter(claimed) == Counter(zbj_ids)  # every ZBJ case once, no Taobao case
