"""Evidence through object storage: uploads land in the S3 bucket (SeaweedFS), not on this machine's disk,
and come back from it byte for byte."""

from __future__ import annotations

import io

from backoffice.appeals import storage
from backoffice.appeals.models import Appeal
from backoffice.extensions import db

from .conftest import exe, pdf, png, wav


def bucket_keys(seaweed, app) -> set[str]:
    prefix = app.config["STORAGE_URL"].split("/", 3)[3] + "/evidence/"
    pages = seaweed.client().get_paginator("list_objects_v2").paginate(Bucket=seaweed.bucket, Prefix=prefix)
    return {item["Key"][len(prefix):] for page in pages for item in page.get("Contents", ())}


def test_uploads_are_stored_in_the_bucket_and_downloaded_from_it(s3_app, seaweed, send, shop, client, uploads):
    samples = {"photo.png": png(), "ruling.pdf": pdf(), "notes.txt": "客户先发了微信号\n".encode()}
    status, _ = send("web", list(samples.items()))
    assert status == 200
    appeal = db.session.query(Appeal).one()
    assert {e.name for e in appeal.evidence} == set(samples)
    keys = bucket_keys(seaweed, s3_app)
    for e in appeal.evidence:
        assert storage.key_for(e.sha256) in keys
        assert (storage.key_for(e.sha256, thumbnail=True) in keys) is e.has_thumbnail
        download = client.get(f"/merchant/evidence/{e.id}")
        assert download.status_code == 200
        assert download.data == samples[e.name]
        assert download.headers["X-Content-Type-Options"] == "nosniff"
        if e.has_thumbnail:
            preview = client.get(f"/merchant/evidence/{e.id}?thumb=1")
            assert preview.status_code == 200
            assert preview.data.startswith(b"\xff\xd8")
    assert uploads.files() == []
    assert uploads.thumbs() == []
    assert uploads.tmp() == []


def test_a_refused_upload_leaves_nothing_in_the_bucket(s3_app, seaweed, send, shop):
    status, text = send("api", [("good.png", png()), ("bad.jpg", exe())])  # the API: all or nothing
    assert "content is none of these" in text
    assert bucket_keys(seaweed, s3_app) == set()


def test_the_web_form_keeps_only_the_good_file_in_the_bucket(s3_app, seaweed, send, shop):
    status, text = send("web", [("good.png", png()), ("bad.jpg", exe())])  # a mixed upload keeps the good file
    assert "content is none of these" in text
    item = db.session.query(Appeal).one().evidence[0]
    assert item.name == "good.png"
    assert any(item.sha256 in key for key in bucket_keys(seaweed, s3_app))
    assert not any(key.endswith(".tmp") for key in bucket_keys(seaweed, s3_app))


def test_a_partial_download_of_a_stored_recording_works_from_the_bucket(s3_app, send, shop, client):
    body = wav()
    send("web", [("call.wav", body)])
    item = db.session.query(Appeal).one().evidence[0]
    part = client.get(f"/merchant/evidence/{item.id}", headers={"Range": "bytes=0-99"})
    assert part.status_code == 206
    assert part.data == body[:100]
    assert io.BytesIO(part.data).read(4) == b"RIFF"
