"""Small local HTTP service used by the test workers.

Usage: python services.py --port 0 [--host 127.0.0.1]

Prints exactly one line ``LISTENING <port>`` to stdout once the socket is
bound, then serves until SIGTERM/SIGINT.

Endpoints:
  GET /get-spanish-greeting?name=X   -> 200 "¡Hola, X!"
  GET /get-spanish-farewell?name=X   -> 200 "¡Adiós, X!"
  GET /flaky?key=K&failures=N        -> first N requests for K: 500
                                        "service unavailable (failure i of N)",
                                        then 200 "ok after N failures"
  GET /health                        -> 200 "ok"
Missing or invalid parameters give 400.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class FlakyCounters:
    """Per-key request counters, safe to use from many handler threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[str, int] = {}

    def next(self, key: str) -> int:
        """Count one more request for ``key`` and return its 1-based number."""
        with self._lock:
            n = self._counts.get(key, 0) + 1
            self._counts[key] = n
            return n


class Handler(BaseHTTPRequestHandler):
    server_version = "twctl-test-services/1"
    protocol_version = "HTTP/1.1"

    # Set on the server instance; see make_server().
    counters: FlakyCounters

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        sys.stderr.write(
            "services: %s %s\n" % (self.address_string(), format % args)
        )

    def _send(self, status: int, body: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802
        parts = urlsplit(self.path)
        params = parse_qs(parts.query, keep_blank_values=True)

        def param(name: str) -> str | None:
            values = params.get(name)
            if not values or values[0] == "":
                return None
            return values[0]

        path = parts.path
        if path == "/health":
            self._send(200, "ok")
        elif path in ("/get-spanish-greeting", "/get-spanish-farewell"):
            name = param("name")
            if name is None:
                self._send(400, "missing required parameter: name")
                return
            if path == "/get-spanish-greeting":
                self._send(200, f"¡Hola, {name}!")
            else:
                self._send(200, f"¡Adiós, {name}!")
        elif path == "/flaky":
            key = param("key")
            failures_raw = param("failures")
            if key is None or failures_raw is None:
                self._send(400, "missing required parameter: key and failures")
                return
            try:
                failures = int(failures_raw)
                if failures < 0:
                    raise ValueError
            except ValueError:
                self._send(400, "failures must be a non-negative integer")
                return
            n = self.server.counters.next(key)  # type: ignore[attr-defined]
            if n <= failures:
                self._send(500, f"service unavailable (failure {n} of {failures})")
            else:
                self._send(200, f"ok after {failures} failures")
        else:
            self._send(404, f"not found: {path}")

    do_HEAD = do_GET


def make_server(host: str, port: int) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    server.counters = FlakyCounters()  # type: ignore[attr-defined]
    return server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)

    server = make_server(args.host, args.port)
    stop = threading.Event()

    def on_signal(signum, frame) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    thread = threading.Thread(target=server.serve_forever, name="http", daemon=True)
    thread.start()
    print(f"LISTENING {server.server_address[1]}", flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
