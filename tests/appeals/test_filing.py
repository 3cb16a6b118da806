"""Filing an appeal is one operation; when its transaction rolls back, the files it stored go too."""

from __future__ import annotations

import hashlib
import io

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from backoffice.appeals import operations as appeals
from backoffice.appeals import storage
from backoffice.appeals.filing import Then, file_appeal
from backoffice.appeals.models import Appeal, AppealStatus, Evidence
from backoffice.extensions import db
from tests.builders import web

from .conftest import exe, pdf, png


@pytest.fixture
def shop(merchant_user, ruling_for):
    user = merchant_user("shop")
    return user, ruling_for(user.merchant)


def files(*bodies: bytes) -> list:
    return [(io.BytesIO(body), f"file-{n}") for n, body in enumerate(bodies)]


def test_statement_files_and_submission_in_one_operation(shop, uploads):
    user, ruling = shop
    appeal = file_appeal(web(user), ruling, " 客户先发的联系方式 ", files(png(), pdf()), Then.submit)
    db.session.commit()
    assert appeal.status is AppealStatus.submitted
    assert appeal.statement == "客户先发的联系方式"
    assert sorted(e.kind for e in appeal.evidence) == ["image", "pdf"]
    assert len(uploads.files()) == 2


def test_saving_keeps_a_draft_and_a_second_filing_continues_it(shop):
    user, ruling = shop
    first = file_appeal(web(user), ruling, "草稿", files(png()), Then.save)
    db.session.commit()
    assert first.status is AppealStatus.draft
    second = file_appeal(web(user), ruling, "补充说明", files(pdf()), Then.submit)
    db.session.commit()
    assert second.id == first.id
    assert second.status is AppealStatus.submitted
    assert len(second.evidence) == 2


def test_filing_again_after_submitting_is_refused_and_changes_nothing(shop, uploads):
    """Issue 20 item 5: a submitted statement is frozen; filing again (save or submit) is a 409."""
    user, ruling = shop
    file_appeal(web(user), ruling, "说明", [], Then.submit)
    db.session.commit()
    for then in (Then.submit, Then.save):
        with pytest.raises(appeals.StatementFrozen, match="can no longer be changed") as refused:
            file_appeal(web(user), ruling, "更多说明", files(png()), then)
        assert refused.value.status == 409
        db.session.rollback()
    appeal = db.session.scalar(sa.select(Appeal))
    assert appeal.statement == "说明"
    assert appeal.evidence == []
    assert uploads.files() == []


def test_a_rollback_deletes_the_files_the_refused_filing_stored(shop, uploads, count_rows):
    user, ruling = shop
    with pytest.raises(storage.UploadRejected):
        file_appeal(web(user), ruling, "说明", files(png(), pdf(), exe()), Then.submit)
    assert len(uploads.files()) == 2
    assert len(uploads.thumbs()) == 2  # the photo's and the PDF's first page
    db.session.rollback()
    assert uploads.files() == []
    assert uploads.thumbs() == []
    assert count_rows(Appeal) == 0
    assert count_rows(Evidence) == 0


def test_a_rollback_after_a_failed_commit_deletes_them_too(shop, uploads):
    user, ruling = shop
    file_appeal(web(user), ruling, "说明", files(png()), Then.submit)
    db.session.rollback()  # e.g. the caller's commit failed and its error handler rolled back
    assert uploads.files() == []


def test_committed_files_stay_whatever_rolls_back_later(shop, uploads):
    user, ruling = shop
    file_appeal(web(user), ruling, "说明", files(png()), Then.save)
    db.session.commit()
    stored = uploads.files()
    assert len(stored) == 1
    db.session.rollback()
    # The same file sent again is no new file: rolling that request back leaves the stored one alone.
    with pytest.raises(storage.UploadRejected, match="already attached"):
        file_appeal(web(user), ruling, "说明", files(png()), Then.save)
    db.session.rollback()
    assert uploads.files() == stored


def test_a_file_another_appeal_refers_to_is_kept(shop, merchant_user, ruling_for, uploads):
    user, ruling = shop
    other = merchant_user("other")
    other_appeal = appeals.start(web(other), ruling_for(other.merchant))
    # Another merchant's appeal refers to the same photo, whose file is missing (e.g. a request that
    # committed its row while this one was storing the file): the file this request writes is new.
    photo = png()
    db.session.add(Evidence(appeal=other_appeal, sha256=hashlib.sha256(photo).hexdigest(), name="a.png",
                            mime="image/png", kind="image", size=len(photo), has_thumbnail=True))
    db.session.commit()
    assert uploads.files() == []
    with pytest.raises(storage.UploadRejected):
        file_appeal(web(user), ruling, "说明", files(photo, exe()), Then.save)
    db.session.rollback()
    # Kept: a committed evidence row refers to it.
    assert [p.name for p in uploads.files()] == [hashlib.sha256(photo).hexdigest()]


def test_a_savepoint_rollback_leaves_the_decision_to_the_transaction(shop, uploads):
    user, ruling = shop
    file_appeal(web(user), ruling, "说明", files(png()), Then.save)
    savepoint = db.session.begin_nested()
    savepoint.rollback()
    assert len(uploads.files()) == 1
    db.session.rollback()
    assert uploads.files() == []


def test_when_the_database_cannot_tell_the_files_are_kept(shop, uploads, monkeypatch):
    user, ruling = shop
    file_appeal(web(user), ruling, "说明", files(png()), Then.save)

    def unreachable(*args, **kwargs):
        raise OperationalError("SELECT", {}, Exception("server closed the connection"))

    with monkeypatch.context() as patch:
        patch.setattr(Session, "scalars", unreachable)
        db.session.rollback()
    assert len(uploads.files()) == 1  # better a stray file than one an evidence row may refer to
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Appeal)) == 0  # the session works on


# pysqlite opens no transaction before a SAVEPOINT, so releasing the first savepoint commits for real there.
@pytest.mark.postgres_only
def test_a_savepoint_commit_does_not_keep_the_files_of_a_transaction_rolled_back(shop, uploads):
    user, ruling = shop
    savepoint = db.session.begin_nested()
    file_appeal(web(user), ruling, "说明", files(png()), Then.save)
    savepoint.commit()
    db.session.rollback()
    assert uploads.files() == []
