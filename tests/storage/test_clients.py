"""One S3 client per process and settings: made once, shared by threads and applications, made
again in a forked child (backoffice/storage/clients.py), against the test session's SeaweedFS."""

from __future__ import annotations

import itertools
import os
import threading
import time

import boto3.session
import pytest

from backoffice.storage import build, clients

_unique = itertools.count(1)


@pytest.fixture
def config(seaweed, tmp_path):
    """Settings no earlier test made a client for (the pool size tells them apart), on SeaweedFS."""
    return {"UPLOAD_DIR": tmp_path / "u", "RULING_DIR": tmp_path / "r", "EXPORT_DIR": tmp_path / "e",
            **seaweed.config(f"clients-{os.getpid()}-{tmp_path.name}"), "STORAGE_S3_CONNECTIONS": 100 + next(_unique)}


@pytest.fixture
def made(monkeypatch):
    """Every boto3 client made, by anyone, from here on."""
    seen = []
    real = boto3.session.Session.client

    def counting(self, *args, **kwargs):
        client = real(self, *args, **kwargs)
        seen.append(client)
        return client

    monkeypatch.setattr(boto3.session.Session, "client", counting)
    return seen


def test_one_client_serves_every_call_and_every_application_of_the_process(config, made):
    first, second = build(config), build(config)  # two applications of one process
    rulings = first["rulings"]
    rulings.put("00000001/zh-a.pdf", b"%PDF-1.7 one")
    for _ in range(3):
        assert second["rulings"].get("00000001/zh-a.pdf") == b"%PDF-1.7 one"
    assert first["evidence"].exists("nothing") is False
    assert list(second["rulings"].keys()) == ["00000001/zh-a.pdf"]
    assert len(made) == 1
    assert {id(s.client) for areas in (first, second) for s in areas.values()} == {id(made[0])}


def test_threads_asking_at_once_get_one_client(config, made, monkeypatch):
    real = clients.make_client

    def slow(settings):  # a client takes a while to make: every thread arrives before the first is done
        time.sleep(0.2)
        return real(settings)

    monkeypatch.setattr(clients, "make_client", slow)
    settings = clients.S3Settings.from_config(config)
    start, got = threading.Barrier(8), []

    def ask() -> None:
        start.wait()
        got.append(settings.client())

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(made) == 1
    assert len(got) == 8
    assert all(c is made[0] for c in got)


def test_a_forked_child_reads_with_a_client_of_its_own(config):
    rulings = build(config)["rulings"]
    rulings.put("00000002/zh-b.pdf", b"%PDF-1.7 two")
    parent_client = rulings.client  # kept alive in the child too, so a new one cannot reuse its id
    assert rulings.get("00000002/zh-b.pdf") == b"%PDF-1.7 two"  # its pool holds a connection now
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report and leave without running pytest's teardown
        try:
            own = rulings.client is not parent_client and rulings.client is rulings.client
            ok = own and rulings.get("00000002/zh-b.pdf") == b"%PDF-1.7 two"
            os.write(write, b"ok" if ok else b"shared")
        except BaseException as exc:  # noqa: BLE001 - any failure is reported to the parent
            os.write(write, repr(exc).encode()[:200])
        finally:
            os._exit(0)
    os.close(write)
    answer = os.read(read, 256)
    os.close(read)
    os.waitpid(pid, 0)
    assert answer == b"ok"
    assert rulings.client is parent_client  # the parent keeps its own
    assert rulings.get("00000002/zh-b.pdf") == b"%PDF-1.7 two"
