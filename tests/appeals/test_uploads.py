"""Evidence uploads through the merchant's web form and the API: checked by content, nothing left behind."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from backoffice.appeals import operations as appeals
from backoffice.appeals import storage
from backoffice.appeals.models import Appeal, AppealStatus, Evidence
from backoffice.extensions import db
from tests.builders import web

from .conftest import Interrupted, exe, huge_png, jpeg, pdf, png, wav, zip_bytes

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
BAD = {
    # name: (files, limits to patch, what the merchant is told)
    "too large": ([("big.txt", b"a" * 2000)], {"MAX_FILE_BYTES": 1000}, "Each file may be at most"),
    "too many": ([("1.txt", b"one"), ("2.txt", b"two"), ("3.txt", b"three")], {"MAX_FILES": 2},
                 "at most 2 files"),
    "too large in total": ([("1.txt", b"a" * 600), ("2.txt", b"b" * 600)], {"MAX_TOTAL_BYTES": 1000},
                           "All files of an appeal together"),
    "exe behind .jpg": ([("photo.jpg", exe())], {}, "content is none of these"),
    "html behind .jpg": ([("photo.jpg", HTML)], {}, "content is none of these"),
    "empty": ([("empty.png", b"")], {}, "The file is empty"),
    "png with zip": ([("photo.png", png() + zip_bytes())], {}, "extra data after the picture"),
    "png with html": ([("photo.png", png() + HTML)], {}, "extra data after the picture"),
    "jpeg with html": ([("photo.jpg", jpeg() + HTML)], {}, "extra data after the picture"),
    "decompression bomb": ([("bomb.png", huge_png())], {}, "damaged or not really an image"),
    "good then bad": ([("good.png", png()), ("bad.jpg", exe())], {}, "content is none of these"),
}


def assert_nothing_left(uploads, count_rows):
    assert count_rows(Evidence) == 0
    assert uploads.files() == []
    assert uploads.thumbs() == []
    assert uploads.tmp() == []


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_uploads_through_the_api_are_refused_clearly_and_leave_nothing(send, uploads, count_rows, monkeypatch,
                                                                           case):
    files, limits, message = BAD[case]
    for name, value in limits.items():
        monkeypatch.setattr(storage, name, value)
    status, text = send("api", files, "客户先发的联系方式 <b>不是我</b>")
    assert message in text
    assert status == 422
    assert_nothing_left(uploads, count_rows)
    assert count_rows(Appeal) == 0  # nothing of the request is kept, not even half an appeal


@pytest.mark.parametrize("case", sorted(BAD))
def test_the_web_form_keeps_the_good_files_and_names_each_refused_one(send, uploads, count_rows, monkeypatch, case):
    """Issue 22: a mixed upload keeps the good files, names each refused file with the reason, keeps the
    statement as a draft and does not send the appeal until the merchant has seen what was refused."""
    files, limits, message = BAD[case]
    for name, value in limits.items():
        monkeypatch.setattr(storage, name, value)
    status, text = send("web", files, "客户先发的联系方式 <b>不是我</b>")
    assert status == 200
    good = [name for name, _ in files if f"{name} 未被接受" not in text and f"{name} was not accepted" not in text]
    refused = [name for name, _ in files if name not in good]
    assert refused, "every refused file is named"
    assert message in text
    appeal = db.session.scalar(sa.select(Appeal))
    assert appeal.status is AppealStatus.draft  # not sent: the merchant decides after seeing the refusal
    assert appeal.statement == "客户先发的联系方式 <b>不是我</b>"
    assert "客户先发的联系方式 &lt;b&gt;不是我&lt;/b&gt;</textarea>" in text
    assert sorted(e.name for e in appeal.evidence) == sorted(good)
    assert count_rows(Evidence) == len(good)
    assert len(uploads.files()) == len(good)  # a refused file leaves nothing on disk
    assert uploads.tmp() == []


@pytest.mark.parametrize("channel", ["web", "api"])
def test_interrupted_upload_leaves_nothing(send, uploads, count_rows, monkeypatch, channel):
    original = storage.store

    def flaky(stream, name, *args, **kwargs):
        data = stream.read()
        return original(Interrupted(data, len(data) // 2), name, *args, **kwargs)

    monkeypatch.setattr(storage, "store", flaky)
    status, text = send(channel, [("first.pdf", pdf() + b"%" * 300_000)])
    assert "interrupted" in text
    assert_nothing_left(uploads, count_rows)


def test_interrupted_stream_in_the_operation(shop, uploads, count_rows):
    user, ruling = shop
    appeal = appeals.start(web(user), ruling)
    with pytest.raises(storage.UploadRejected, match="interrupted"):
        appeals.add_evidence(web(user), appeal, Interrupted(png() * 2000, 100_000), "big.png")
    assert uploads.files() == []
    assert uploads.tmp() == []
    assert count_rows(Evidence) == 0


@pytest.mark.parametrize("channel", ["web", "api"])
def test_good_files_are_stored_content_addressed(send, shop, uploads, client, channel):
    samples = {"photo.png": (png(), "image/png", "image"), "photo.jpg": (jpeg(), "image/jpeg", "image"),
               "ruling.pdf": (pdf(), "application/pdf", "pdf"), "call.wav": (wav(), "audio/x-wav", "audio"),
               "notes.txt": ("客户先发了微信号\n".encode(), "text/plain", "text")}
    status, _ = send(channel, [(name, body) for name, (body, _, _) in samples.items()])
    assert status == (201 if channel == "api" else 200)
    appeal = db.session.query(Appeal).one()
    assert {e.name: (e.mime, e.kind) for e in appeal.evidence} == {n: s[1:] for n, s in samples.items()}
    for e in appeal.evidence:
        body = samples[e.name][0]
        assert storage.evidence_storage().get(storage.key_for(e.sha256)) == body
        assert e.size == len(body)
        assert (uploads.root / storage.key_for(e.sha256)).read_bytes() == body  # the local default: UPLOAD_DIR
        previewed = e.kind in ("image", "pdf")  # a PDF's preview is its first page (pdftoppm)
        assert e.has_thumbnail is previewed
        assert storage.evidence_storage().exists(storage.key_for(e.sha256, thumbnail=True)) is previewed
        download = client.get(f"/merchant/evidence/{e.id}")
        assert download.status_code == 200
        assert download.data == body
        download.close()
    assert uploads.tmp() == []


def test_path_traversal_names_are_sanitised(send, uploads, client):
    status, _ = send("web", [("../../etc/passwd.png", png()),
                             ("..\\..\\windows\\evil<>:|?.png", png((9, 9)))])
    assert status == 200
    names = sorted(e.name for e in db.session.query(Evidence))
    assert names[0] == "passwd.png"
    assert names[1].endswith("evil.png")
    assert not any(bad in name for name in names for bad in ("/", "\\", "..", "<", ":", "|", "?"))
    for path in uploads.everything():
        assert path.resolve().is_relative_to(uploads.root.resolve())
    assert not (uploads.root.parent / "etc").exists()
    evidence = db.session.query(Evidence).filter_by(name="passwd.png").one()
    response = client.get(f"/merchant/evidence/{evidence.id}")
    assert "passwd.png" in response.headers["Content-Disposition"]
    assert "/" not in response.headers[
        "Content-Disposition"].split("filename")[-1]
    response.close()


@pytest.mark.parametrize(("name", "expected"), [
    ("../../etc/passwd.png", "passwd.png"), ("C:\\Users\\a\\证据.jpg", "证据.jpg"), ("", "file"),
    ("..", "file"),
    ("a\x00b\nc.png", "abc.png"), (".htaccess", "htaccess"), ("x" * 300 + ".png", "x" * 100),
])
def test_clean_name(name, expected):
    assert storage.clean_name(name) == expected


def test_the_same_file_twice_is_refused_and_the_stored_copy_kept(send, uploads, count_rows):
    status, text = send("web", [("a.png", png())])
    assert status == 200
    assert count_rows(Evidence) == 1
    status, text = send("supplement", [("again.png", png())])
    assert status == 422
    assert "already attached" in text
    assert count_rows(Evidence) == 1
    assert len(uploads.files()) == 1
    assert len(uploads.thumbs()) == 1


def test_a_failed_upload_keeps_the_files_of_earlier_requests(send, uploads, count_rows):
    send("web", [("a.png", png())])
    kept = uploads.files()
    status, text = send("supplement", [("b.png", png((5, 5))), ("c.jpg", exe())])
    assert "none of these" in text
    assert uploads.files() == kept
    assert count_rows(Evidence) == 1
    assert uploads.tmp() == []
