"""Serve the built site on the loopback address for the browser, and beside it the engines'
scripts (add_script)."""

from __future__ import annotations

import functools
import http.server
import io
import threading
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

# The engines' scripts are served under this folder, which no built site has (MkDocs leaves out
# dot folders), and added to a page by URL: the browser then keeps each one in its cache, compiled,
# instead of being sent megabytes of source over the protocol and parsing them on every page load.
ENGINES = "/.audit-engines/"
_scripts: dict[str, bytes] = {}  # file name -> source, as add_script offered it to the pages of this process


def add_script(page, name: str, source: Callable[[], str], ready: str) -> None:
    """Run an engine's script in the page, unless `ready` (a JavaScript expression) says it has run.
    The page must come from serve() in this process: its server holds what is offered here."""
    if page.evaluate(f"() => {ready}"):
        return
    if name not in _scripts:
        _scripts[name] = source().encode("utf-8")
    origin = urlsplit(page.url)
    page.add_script_tag(url=f"{origin.scheme}://{origin.netloc}{ENGINES}{name}")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass

    def send_head(self):
        path = urlsplit(self.path).path
        if not path.startswith(ENGINES):
            return super().send_head()
        body = _scripts.get(path[len(ENGINES):])
        if body is None:
            self.send_error(404)
            return None
        self.send_response(200)
        self.send_header("Content-Type", "text/javascript; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=86400")
        self.end_headers()
        return io.BytesIO(body)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # the browser closing a connection early is not a problem of the site


@contextmanager
def serve(root: Path):
    """Yield the base URL of a server for root on 127.0.0.1 (a free port), stopped afterwards."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
