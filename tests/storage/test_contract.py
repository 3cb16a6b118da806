"""The same table of behaviours for every storage backend: a local folder and SeaweedFS over S3."""

from __future__ import annotations

import io
import os
import threading

import pytest

from backoffice.storage import InvalidKey, ObjectMissing
from backoffice.storage.local import LocalStorage
from backoffice.storage.s3 import S3Storage


@pytest.fixture(params=["local", "s3"])
def store(request, tmp_path):
    if request.param == "local":
        return LocalStorage(tmp_path / "files")
    server = request.getfixturevalue("seaweed")
    return S3Storage(server.client(), server.bucket, f"contract-{os.getpid()}-{tmp_path.name}")


def test_bytes_put_come_back_whole(store):
    store.put("a/b/one.pdf", b"%PDF-1.7 first")
    assert store.get("a/b/one.pdf") == b"%PDF-1.7 first"
    assert store.exists("a/b/one.pdf")


def test_a_stream_put_is_read_to_its_end(store):
    body = os.urandom(6 * 1024 * 1024 + 17)  # larger than one multipart chunk and the filer's 4 MB
    store.put("big.bin", io.BytesIO(body))
    stream, size = store.open("big.bin")
    with stream:
        read = b"".join(iter(lambda: stream.read(64 * 1024), b""))
    assert (size, read) == (len(body), body)


def test_putting_again_replaces_the_object(store):
    store.put("k", b"old")
    store.put("k", b"new and longer")
    assert store.get("k") == b"new and longer"


def test_a_local_file_is_moved_in(store, tmp_path):
    source = tmp_path / "upload.tmp"
    source.write_bytes(b"zip bytes")
    store.put_file("exports/job.zip", source)
    assert store.get("exports/job.zip") == b"zip bytes"
    assert not source.exists()


def test_missing_objects_are_told_apart(store):
    assert store.exists("nothing/here") is False
    with pytest.raises(ObjectMissing):
        store.get("nothing/here")
    with pytest.raises(ObjectMissing):
        store.open("nothing/here")


def test_delete_removes_and_tolerates_a_missing_object(store):
    store.put("gone", b"x")
    store.delete("gone")
    store.delete("gone")
    assert store.exists("gone") is False


def test_keys_lists_by_prefix_in_order(store):
    for key in ("r/2/en.pdf", "r/1/zh.pdf", "r/10/zh.pdf", "other/x"):
        store.put(key, b"x")
    assert list(store.keys("r/")) == ["r/1/zh.pdf", "r/10/zh.pdf", "r/2/en.pdf"]
    assert list(store.keys("r/1/")) == ["r/1/zh.pdf"]
    assert set(store.keys()) == {"r/2/en.pdf", "r/1/zh.pdf", "r/10/zh.pdf", "other/x"}


@pytest.mark.parametrize("key", ["", "../escape", "a/../../b", "/abs", "a//b", "a\\b", "a/./b", "名字", "a b"])
def test_keys_that_could_escape_are_refused(store, key):
    with pytest.raises(InvalidKey):
        store.put(key, b"x")
    with pytest.raises(InvalidKey):
        store.exists(key)


def test_a_reader_never_sees_half_an_object(store):
    """Readers racing a writer see the old object or the new one whole, never a mix or a part."""
    old, new = b"A" * 300_000, b"B" * 500_000
    store.put("doc", old)
    seen, stop = set(), threading.Event()

    def read() -> None:
        while not stop.is_set():
            data = store.get("doc")
            seen.add((len(data), data[:1], data[-1:]))

    readers = [threading.Thread(target=read) for _ in range(2)]
    for thread in readers:
        thread.start()
    for _ in range(5):
        store.put("doc", new)
        store.put("doc", old)
    stop.set()
    for thread in readers:
        thread.join()
    assert seen <= {(len(old), b"A", b"A"), (len(new), b"B", b"B")}


@pytest.mark.parametrize("url", ["ftp://bucket/x", "s3://", "/srv/files", "s3:bucket"])
def test_a_storage_url_no_backend_serves_stops_the_start(url):
    from backoffice import create_app
    from backoffice.storage import StorageConfigError

    with pytest.raises(StorageConfigError, match="s3://bucket/prefix"):
        create_app({"TESTING": True, "DATABASE_URL": "sqlite://", "SECRET_KEY": "test-secret-key-0123456789",
                    "STORAGE_URL": url})


def test_each_area_is_its_folder_by_default_and_a_prefix_of_one_bucket_on_s3(tmp_path):
    from backoffice.storage import build

    folders = {"UPLOAD_DIR": tmp_path / "u", "RULING_DIR": tmp_path / "r", "EXPORT_DIR": tmp_path / "e"}
    local = build(folders)
    assert {area: s.root for area, s in local.items()} == {
        "evidence": tmp_path / "u", "rulings": tmp_path / "r", "exports": tmp_path / "e"}
    remote = build({**folders, "STORAGE_URL": "s3://files/backoffice/", "STORAGE_S3_ENDPOINT": "http://127.0.0.1:9",
                    "STORAGE_S3_REGION": "us-east-1"})
    assert {area: (s.bucket, s.prefix) for area, s in remote.items()} == {
        "evidence": ("files", "backoffice/evidence/"), "rulings": ("files", "backoffice/rulings/"),
        "exports": ("files", "backoffice/exports/")}
