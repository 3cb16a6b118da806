"""A real HTTP receiver on loopback that can fail (500), hang past the timeout, or answer late."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Receiver:
    """``script`` is consumed one reply per request: an int status, ("sleep", seconds, status), or "down"
    (close without answering); once empty every request gets 200."""

    def __init__(self) -> None:
        self.script: list = []
        self.received: list[tuple[dict, bytes, dict]] = []  # (payload, body, headers) of 2xx replies
        self.requests = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests += 1
                step = receiver.script.pop(0) if receiver.script else 200
                if step == "down":
                    self.close_connection = True
                    return
                if isinstance(step, tuple):
                    _, seconds, step = step
                    time.sleep(seconds)
                if 200 <= step < 300:
                    receiver.received.append((json.loads(body), body, dict(self.headers)))
                self.send_response(step)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def ids(self) -> list[str]:
        return [p["id"] for p, _, _ in self.received]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
