"""A real local HTTP server that answers as CBS OData and PDOK do, from the files in responses/."""
from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote_plus, urlsplit

RESPONSES = Path(__file__).parent / "responses"


@contextmanager
def serving(folder: Path = RESPONSES, delay: float = 0, asked: list[str] | None = None):
    """Yields the base URL; /odata/... and /pdok/... answer with folder's files, second pages by query,
    each after `delay` seconds. `asked` collects each request's path and decoded query."""
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            time.sleep(delay)
            url = urlsplit(self.path)
            if asked is not None:
                asked.append(unquote_plus(self.path))
            suffix = ".skip" if "skip=" in url.query else ".next" if "cursor=" in url.query else ""
            path = folder / (url.path.strip("/") + suffix + ".json")
            if not path.is_file():
                self.send_error(404)
                return
            body = path.read_text().replace("{base}", base).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()
