#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A small web site on 127.0.0.1 for the watch tests.

    server.py ROOT LOG PORTFILE

Serves the files under ROOT (HTTP/1.1, keep-alive) on 127.0.0.1 at a free
port, written to PORTFILE once listening. Every request is appended to LOG
as "METHOD PATH cond=0|1 STATUS t=SECONDS ua=USER-AGENT" (cond=1: it
carried If-None-Match or If-Modified-Since; t: when the request arrived, on
a monotonic clock). Behaviour by path:
  /slow/...      answers after 3 seconds (a line "START PATH" is logged when
                 the request arrives)
  /moved/NAME    301 to /news/NAME
  /gz/...        gzip'd when the client accepts it
  anything else  the file, with ETag and Last-Modified; 304 when the
                 client's validators match; 404 when there is no file
Content types come from the extension (.html, .xml = RSS, .atom, .pdf, .txt).
Only 127.0.0.1 is ever bound.
"""
import email.utils
import gzip
import hashlib
import http.server
import os
import sys
import threading
import time

ROOT, LOG, PORTFILE = sys.argv[1], sys.argv[2], sys.argv[3]
LOCK = threading.Lock()
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".pdf": "application/pdf",
    ".txt": "text/plain; charset=utf-8",
}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms stalls

    def log_message(self, fmt, *args):
        pass

    def log(self, status):
        cond = int(bool(self.headers.get("If-None-Match") or
                        self.headers.get("If-Modified-Since")))
        ua = self.headers.get("User-Agent", "").replace(" ", "_")
        with LOCK, open(LOG, "a") as f:
            f.write("%s %s cond=%d %d t=%.3f ua=%s\n" % (self.command, self.path, cond, status,
                                                       self.arrived, ua))

    def answer(self, status, body=b"", headers=()):
        self.log(status)
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        self.arrived = time.monotonic()
        path = self.path.split("?", 1)[0]
        if path.startswith("/slow/"):
            with LOCK, open(LOG, "a") as f:  # the answer is logged when it goes out
                f.write("START %s\n" % self.path)
            time.sleep(3)
        if path.startswith("/moved/"):
            return self.answer(301, b"", [("Location", "/news/" + path[7:])])
        local = os.path.normpath(os.path.join(ROOT, path.lstrip("/")))
        if not local.startswith(os.path.abspath(ROOT)) or not os.path.isfile(local):
            return self.answer(404, b"<html><body>no such page</body></html>",
                               [("Content-Type", "text/html")])
        with open(local, "rb") as f:
            body = f.read()
        etag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
        mtime = int(os.path.getmtime(local))
        lm = email.utils.formatdate(mtime, usegmt=True)
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        if inm == etag or (not inm and ims and
                           email.utils.parsedate_to_datetime(ims).timestamp() >= mtime):
            return self.answer(304, b"", [("ETag", etag), ("Last-Modified", lm)])
        headers = [("Content-Type", TYPES.get(os.path.splitext(local)[1], "application/octet-stream")),
                   ("ETag", etag), ("Last-Modified", lm)]
        if path.startswith("/gz/") and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body)
            headers.append(("Content-Encoding", "gzip"))
        self.answer(200, body, headers)

    do_HEAD = do_GET


class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a client that hung up (a timeout, a size cap) is no news


server = Server(("127.0.0.1", 0), Handler)
server.daemon_threads = True
with open(PORTFILE + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(PORTFILE + ".tmp", PORTFILE)
server.serve_forever()
