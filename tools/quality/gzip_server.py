"""A static server for a built site that compresses like a real host, for honest measurements.

GitHub Pages (like any usual static host) sends HTML, CSS, JavaScript, JSON, SVG and XML
gzipped when the browser asks for it, with a ten-minute cache lifetime; Python's http.server
does neither, which makes a page look three to five times heavier than on the real host.

    .venv/bin/python -m tools.quality.gzip_server site 8000
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

# What static hosts compress; PNG, zip and fonts are compressed already.
TEXT_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "application/atom+xml",
    "image/svg+xml",
    "application/manifest+json",
)
LEVEL = 6  # zlib's default, as static hosts use


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler plus `Content-Encoding: gzip` for text types."""

    protocol_version = "HTTP/1.1"  # keep-alive, as real hosts do (every response has a length)

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "application/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".xml": "application/xml",
        ".ics": "text/calendar",
        ".webmanifest": "application/manifest+json",
    }
    _cache: dict[tuple[str, float], bytes] = {}  # (file, mtime) → gzipped bytes, shared by threads
    _lock = threading.Lock()

    def send_head(self):
        path = self._compressible_file()
        if path is None:
            return super().send_head()  # redirects, 404s, binary files, no gzip asked: as usual
        body = self._gzipped(path)
        kind = self.guess_type(str(path))
        self.send_response(200)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if _is_text(kind) else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        super().end_headers()

    def _compressible_file(self) -> Path | None:
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return None
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return None  # the parent class redirects to the address with a slash
            path = path / "index.html"
        return path if path.is_file() and self.guess_type(str(path)).startswith(TEXT_TYPES) else None

    def _gzipped(self, path: Path) -> bytes:
        key = (str(path), path.stat().st_mtime)
        with self._lock:
            if key not in self._cache:
                self._cache[key] = gzip.compress(path.read_bytes(), LEVEL, mtime=0)
            return self._cache[key]

    def log_message(self, *args):
        pass


def _is_text(kind: str) -> bool:
    return kind.startswith("text/") or kind.endswith(("json", "javascript", "xml"))


@contextmanager
def serve(directory, port: int = 0):
    """Serve directory on 127.0.0.1:port (0: any free port) from a thread; yields the base URL."""
    handler = functools.partial(GzipHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    with serve(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 8000) as url:
        print(f"{url}/  （按 Ctrl+C 停止）", flush=True)
        threading.Event().wait()
