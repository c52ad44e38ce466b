"""A small browser for the load test: cookies, forms, a load balancer in front.

Every applicant has its own loopback source address (127.x.y.z: Linux routes the
whole 127.0.0.0/8 to this machine), so per-IP rate limits see 200 people, not one.
Requests go round-robin to the app servers, as a load balancer would send them, with
the headers a TLS-terminating load balancer adds (``X-Forwarded-Proto: https``, the
client's address in ``X-Forwarded-For``: run with TRUSTED_PROXY_COUNT=1), so the
production settings run unchanged: secure cookies, HTTPS-only CSRF referer checks.
"""

import http.client
import itertools
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

PUBLIC_HOST = "127.0.0.1"
TIMEOUT = 120


def source_address(index):
    """A distinct loopback address per applicant: 127.0.1.1, 127.0.1.2, ..."""
    return f"127.0.{1 + index // 250}.{1 + index % 250}"


@dataclass
class Response:
    status: int
    location: str
    body: str
    started: float
    elapsed: float


@dataclass
class Form:
    action: str
    method: str
    fields: list = field(default_factory=list)  # (name, type, value, attrs)


class FormParser(HTMLParser):
    """Every <form> on a page with its inputs, textareas and selects."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._form = None
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = Form(action=attrs.get("action") or "", method=attrs.get("method", "get"))
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text").lower()
            self._form.fields.append((attrs["name"], kind, attrs.get("value", ""), attrs))
        elif tag == "button" and attrs.get("name"):
            self._form.fields.append((attrs["name"], "button", attrs.get("value", ""), attrs))
        elif tag == "textarea" and attrs.get("name"):
            self._textarea = [attrs["name"], attrs, ""]
        elif tag == "select" and attrs.get("name"):
            self._select = [attrs["name"], attrs, []]
        elif tag == "option" and self._select is not None:
            self._select[2].append(attrs.get("value", ""))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[2] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._textarea is not None:
            name, attrs, text = self._textarea
            self._form.fields.append((name, "textarea", text, attrs))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            name, attrs, options = self._select
            value = next((option for option in options if option), "")
            self._form.fields.append((name, "select", value, attrs))
            self._select = None


def find_form(html, *, having):
    """The first form on the page with a field named ``having``, else None."""
    parser = FormParser()
    parser.feed(html)
    for form in parser.forms:
        if any(name == having for name, *_rest in form.fields):
            return form
    return None


class Browser:
    """One applicant's browser. Thread-safe: a double click sends two requests at once."""

    def __init__(self, *, index, ports):
        self.source = source_address(index)
        self.ports = ports
        self._next_port = itertools.cycle(ports)
        self._cookies = {}
        self._lock = threading.Lock()

    def _cookie_header(self):
        with self._lock:
            return "; ".join(f"{name}={value}" for name, value in self._cookies.items())

    def _store_cookies(self, headers):
        with self._lock:
            for header in headers.get_all("Set-Cookie") or []:
                jar = SimpleCookie()
                jar.load(header)
                for name, morsel in jar.items():
                    if morsel["max-age"] == "0" or not morsel.value:
                        self._cookies.pop(name, None)
                    else:
                        self._cookies[name] = morsel.value

    def cookie(self, name):
        with self._lock:
            return self._cookies.get(name, "")

    def request(self, method, path, *, data=None, referer=None, port=None):
        """One request through the 'load balancer' (round-robin unless ``port`` is given)."""
        port = port or next(self._next_port)
        headers = {
            "Host": PUBLIC_HOST,
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.source,
            "User-Agent": "civictech-loadtest",
            "Accept": "text/html",
        }
        if cookies := self._cookie_header():
            headers["Cookie"] = cookies
        if referer:
            headers["Referer"] = f"https://{PUBLIC_HOST}{referer}"
        body = None
        if data is not None:
            body = urlencode(data).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://{PUBLIC_HOST}"
        connection = http.client.HTTPConnection(
            "127.0.0.1", port, timeout=TIMEOUT, source_address=(self.source, 0)
        )
        started = time.time()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        self._store_cookies(response.headers)
        location = response.headers.get("Location", "")
        if location.startswith(("http://", "https://")):
            parts = urlsplit(location)
            location = parts.path + (f"?{parts.query}" if parts.query else "")
        return Response(
            status=response.status,
            location=location,
            body=content.decode("utf-8", "replace"),
            started=started,
            elapsed=time.time() - started,
        )
