"""A real HTTP receiver on loopback that can fail (500), hang past the timeout, or answer late."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Receiver:
    """``script`` is consumed one reply per request: an int status, ("sleep", seconds, status), or "down"
    (close without answering); once empty every request gets 200.

    A 2xx event is recorded as received before the reply is sent, as a receiver that stores what it is
    sent, then answers. With ``hold_at`` = n the n-th received event's reply waits until ``release`` is
    set, and ``held`` says it is waiting: a sender killed then never learns the event was taken.
    Requests are served in threads of their own, so the log is kept under a lock.
    """

    def __init__(self) -> None:
        self.script: list = []
        self.received: list[tuple[dict, bytes, dict]] = []  # (payload, body, headers) of 2xx replies
        self.requests = 0
        self.hold_at = 0
        self.held, self.release = threading.Event(), threading.Event()
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                with receiver.lock:
                    receiver.requests += 1
                    step = receiver.script.pop(0) if receiver.script else 200
                if step == "down":
                    self.close_connection = True
                    return
                if isinstance(step, tuple):
                    _, seconds, step = step
                    time.sleep(seconds)
                if 200 <= step < 300:
                    with receiver.lock:
                        receiver.received.append((json.loads(body), body, dict(self.headers)))
                        hold = len(receiver.received) == receiver.hold_at
                    if hold:
                        receiver.held.set()
                        receiver.release.wait(60)
                try:
                    self.send_response(step)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                except OSError:  # the sender went away (killed) while we were answering
                    self.close_connection = True

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def ids(self) -> list[str]:
        with self.lock:
            return [p["id"] for p, _, _ in self.received]

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
