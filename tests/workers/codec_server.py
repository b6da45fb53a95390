"""A remote codec server as Temporal codec servers are: POST /encode and /decode with a JSON `Payloads`
message (protobuf JSON mapping) both ways. It requires the X-Namespace header and, with --auth, that exact
Authorization header (401 otherwise). Prints ``LISTENING <port>`` when ready; one log line per request.

Usage: python codec_server.py --host 127.0.0.1 --port 0 [--auth "Bearer token"]
"""

from __future__ import annotations

import argparse
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from google.protobuf import json_format  # noqa: E402
from temporalio.api.common.v1 import Payloads  # noqa: E402

import codec  # noqa: E402


def make_handler(auth: str | None):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, fmt, *args):  # one line per request, without headers (they hold the secret)
            print(f"{self.command} {self.path} -> {fmt % args}", flush=True)

        def _answer(self, status: int, body: bytes, ctype: str = "text/plain") -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):  # noqa: N802
            length = int(self.headers.get("Content-Length", "0"))
            raw = self.rfile.read(length)
            if auth is not None and self.headers.get("Authorization") != auth:
                return self._answer(401, b"unauthorized\n")
            if not self.headers.get("X-Namespace"):
                return self._answer(400, b"missing X-Namespace\n")
            if self.path not in ("/encode", "/decode"):
                return self._answer(404, b"not found\n")
            payloads = json_format.Parse(raw, Payloads())
            fn = codec.encode_one if self.path == "/encode" else codec.decode_one
            out = Payloads(payloads=[fn(p) for p in payloads.payloads])
            self._answer(200, json_format.MessageToJson(out).encode(), "application/json")

    return Handler


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--auth")
    args = parser.parse_args()
    server = ThreadingHTTPServer((args.host, args.port), make_handler(args.auth))
    print(f"LISTENING {server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
