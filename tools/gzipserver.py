"""A tiny static server with gzip, for measuring the built site as readers receive it
(``python -m tools.gzipserver SITE_DIR PORT``; binds 127.0.0.1 only)."""

from __future__ import annotations

import functools
import gzip
import http.server
import sys
from pathlib import Path

COMPRESSIBLE = (".html", ".js", ".css", ".json", ".svg", ".xml", ".csv", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in COMPRESSIBLE and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=3600")
            self.end_headers()
            return _Bytes(body)
        return super().send_head()


class _Bytes:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def main() -> None:
    site, port = sys.argv[1], int(sys.argv[2])
    handler = functools.partial(GzipHandler, directory=site)
    http.server.ThreadingHTTPServer(("127.0.0.1", port), handler).serve_forever()


if __name__ == "__main__":
    main()
