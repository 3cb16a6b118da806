"""Stored rulings read fast from object storage: the export fetches several at once and still writes
the ZIP a one-at-a-time export writes; a download may be a redirect to a presigned URL, given only
after the application's access check (docs/storage.md)."""

from __future__ import annotations

import json
import threading
import time
import urllib.request
import zipfile

import pytest

from backoffice.db import utcnow
from backoffice.extensions import db
from backoffice.merchants.models import Merchant
from backoffice.rulings import issued
from backoffice.rulings.context import content_hash, ruling_facts
from backoffice.rulings.export import ExportFilter, in_order, run_export
from backoffice.rulings.queries import get_ruling
from backoffice.storage import storage_for
from backoffice.storage.local import LocalStorage
from backoffice.storage.s3 import S3Storage
from backoffice.timeutil import to_platform_tz


def store_zh(ruling_id: int):
    """The ruling's Chinese document, rendered and stored (one rendering, not three)."""
    facts = ruling_facts(get_ruling(ruling_id))
    document = issued.store_document(ruling_id, "zh", facts, content_hash(facts))
    db.session.commit()
    return document


def test_in_order_keeps_the_order_and_holds_a_bounded_number_of_results():
    started = []

    def work(n: int) -> int:
        started.append(n)
        time.sleep(0.002 * (n % 5))  # later items often finish first
        return n * n

    results = in_order(work, list(range(200)), 4)
    assert next(results) == 0
    time.sleep(0.3)  # a slow consumer: the readers may not run ahead of it without bound
    assert len(started) <= 4 * 2 + 1
    assert [0, *results] == [n * n for n in range(200)]
    assert sorted(started) == list(range(200))


def test_only_object_storage_is_read_concurrently():
    assert LocalStorage.read_concurrency == 1
    assert S3Storage.read_concurrency > 1


@pytest.mark.postgres_only  # renders PDFs
@pytest.mark.parametrize("backend", ["local", "s3"])
def test_a_concurrent_export_writes_the_zip_a_one_at_a_time_export_writes(request, backend, make_ruling, tmp_path,
                                                                          monkeypatch):
    if backend == "s3":
        request.getfixturevalue("s3_app")
    rulings = [make_ruling(f"m-{n}") for n in range(4)]
    keys = [store_zh(r.id).storage_key for r in rulings]
    files = storage_for("rulings")
    real, lock, flight = files.get_in_bulk, threading.Lock(), {"now": 0, "peak": 0}

    def slow(key: str) -> bytes:
        """Later rulings answer sooner: a writer that took answers as they came would reorder them."""
        with lock:
            flight["now"] += 1
            flight["peak"] = max(flight["peak"], flight["now"])
        time.sleep(0.05 * (len(keys) - keys.index(key)))
        try:
            return real(key)
        finally:
            with lock:
                flight["now"] -= 1

    monkeypatch.setattr(files, "get_in_bulk", slow)
    today = to_platform_tz(utcnow()).date()
    archives, peaks = {}, {}
    for workers in (1, 4):
        monkeypatch.setattr(files, "read_concurrency", workers)
        flight["peak"] = 0
        out = tmp_path / f"readers-{workers}.zip"
        assert run_export(ExportFilter(today), out, processes=0) == 4
        with zipfile.ZipFile(out) as archive:
            index = json.loads(archive.read("index.json"))
            del index["created_at"]
            assert archive.namelist()[-1] == "index.json"  # its created_at differs; compared without it
            archives[workers] = ([(name, archive.read(name)) for name in archive.namelist()[:-1]], index)
        peaks[workers] = flight["peak"]
    assert peaks == {1: 1, 4: 4}
    assert archives[4] == archives[1]
    entries, index = archives[4]
    assert [r["ruling_id"] for r in index["rulings"]] == [r.id for r in rulings]
    assert [name for name, _ in entries] == [r["file"] for r in index["rulings"]]
    assert [data for _, data in entries] == [files.get(key) for key in keys]


@pytest.fixture
def shops(make_ruling, make_user):
    ruling, other = make_ruling("m-a"), make_ruling("m-b")
    for external_id, login in (("m-a", "shop-a"), ("m-b", "shop-b")):
        make_user("merchant", login=login, merchant=db.session.query(Merchant).filter_by(external_id=external_id).one())
    return ruling, other


@pytest.mark.postgres_only  # renders PDFs
def test_a_redirect_is_given_after_the_access_check_to_a_url_serving_the_stored_bytes(s3_app, seaweed, client, login,
                                                                                      shops):
    ruling, other = shops
    documents = {r.id: store_zh(r.id) for r in (ruling, other)}
    s3_app.config["STORAGE_REDIRECT"] = "true"  # as BACKOFFICE_STORAGE_REDIRECT=true arrives
    signed_out = client.get(f"/merchant/rulings/{ruling.id}.pdf")
    assert "/login" in signed_out.location  # to the sign-in page, not to the bucket
    login("shop-b")
    refused = client.get(f"/merchant/rulings/{ruling.id}.pdf")
    assert refused.status_code == 404
    assert "X-Amz-Signature" not in (refused.location or "")
    assert client.get(f"/rulings/{ruling.id}.pdf").status_code == 403  # staff downloads are not for merchants

    answer = client.get(f"/merchant/rulings/{other.id}.pdf")
    assert answer.status_code == 302
    assert answer.location.startswith(seaweed.endpoint)
    assert "no-store" in answer.headers["Cache-Control"]  # the presigned URL is kept by no cache
    with urllib.request.urlopen(answer.location) as stored:  # noqa: S310 - the test server's own URL
        data, headers = stored.read(), stored.headers
    prefix = s3_app.config["STORAGE_URL"].split("/", 3)[3]
    key = f"{prefix}/rulings/{documents[other.id].storage_key}"
    assert data == seaweed.client().get_object(Bucket=seaweed.bucket, Key=key)["Body"].read()
    assert data.startswith(b"%PDF-")
    assert headers["Content-Type"] == "application/pdf"
    assert f'filename="ruling-{documents[other.id].number}-zh.pdf"' in headers["Content-Disposition"]


@pytest.mark.postgres_only  # renders PDFs
@pytest.mark.parametrize(("backend", "setting"), [("s3", False), ("local", True)])
def test_without_the_setting_or_on_local_folders_the_bytes_come_from_the_application(request, backend, setting, app,
                                                                                    client, login, shops):
    if backend == "s3":
        request.getfixturevalue("s3_app")
    ruling, _ = shops
    document = store_zh(ruling.id)
    app.config["STORAGE_REDIRECT"] = setting
    login("shop-a")
    answer = client.get(f"/merchant/rulings/{ruling.id}.pdf")
    assert answer.status_code == 200
    assert answer.data == storage_for("rulings").get(document.storage_key)
