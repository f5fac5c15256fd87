"""A throwaway HTTP server on a free loopback port: another site for tests to visit or to point a tool at."""

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@contextmanager
def http_server(answer):
    """Answer each GET with ``answer(request) -> (status, html)`` until the block ends; yields the base URL.

    ``request`` is the http.server handler: ``request.path`` holds the path and query, ``request.headers`` the
    headers the client sent.
    """

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            status, html = answer(self)
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(html.encode())

        def log_message(self, *args):
            pass  # tests read what they need from the requests themselves

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
