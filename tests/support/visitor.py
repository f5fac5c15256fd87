"""A scripted browser over plain HTTP: keeps its cookies, fills in forms, follows no redirects on its own.

The scale, load and fault runs use it to act as visitors and staff do, through the site's pages only. Secure
cookies are sent back although the loopback connection has no TLS (production sets the Secure flag; a load
balancer would terminate TLS in front of the app).
"""

import base64
import http.client
import re
import time
import urllib.parse
from dataclasses import dataclass
from html.parser import HTMLParser
from http.cookies import SimpleCookie

from django_otp.oath import totp

from contact.spam import TIME_TRAP_MIN_SECONDS

TIMEOUT = 30


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    text: str

    @property
    def location(self):
        return self.headers.get("Location", "")


class FormParser(HTMLParser):
    """Every form on a page: its attributes and the name/value pairs a browser would submit as they stand."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.forms.append((attrs, []))
        elif not self.forms or "disabled" in attrs:
            return
        fields = self.forms[-1][1]
        kind = attrs.get("type", "text")
        if tag == "input" and attrs.get("name") and kind not in {"submit", "button", "file", "image"}:
            if kind not in {"checkbox", "radio"} or "checked" in attrs:
                fields.append((attrs["name"], attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select":
            self._select = attrs.get("name")
        elif tag == "option" and self._select and "selected" in attrs:
            fields.append((self._select, attrs.get("value", "")))
        elif tag == "textarea":
            self._textarea = [attrs.get("name"), ""]

    def handle_data(self, data):
        if self._textarea:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea and self.forms:
            name, text = self._textarea
            self.forms[-1][1].append((name, text.removeprefix("\n")))  # browsers drop one leading newline
            self._textarea = None


def form_fields(html, containing):
    """The submittable fields (name → list of values) of the first form on ``html`` with a ``containing`` field."""
    parser = FormParser()
    parser.feed(html)
    for _, fields in parser.forms:
        if any(name == containing for name, _ in fields):
            values = {}
            for name, value in fields:
                values.setdefault(name, []).append(value)
            return values
    raise AssertionError(f"no form with a field named {containing!r} on the page")


class Visitor:
    """One browser talking to one app server (``base_url``), keeping its own cookies."""

    def __init__(self, base_url, forwarded_for=None):
        self.base_url = base_url
        self.cookies = {}
        # Sent as a load balancer would add it; honoured when 127.0.0.1 is in DJANGO_TRUSTED_PROXIES.
        self.forwarded_for = forwarded_for

    def on(self, base_url):
        """The same browser (same cookies) talking to another app server, as behind a load balancer."""
        other = Visitor(base_url, self.forwarded_for)
        other.cookies = self.cookies
        return other

    def request(self, method, path, data=None):
        parts = urllib.parse.urlsplit(self.base_url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=TIMEOUT)
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        if self.forwarded_for:
            headers["X-Forwarded-For"] = self.forwarded_for
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return Response(response.status, response.headers, text)

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, data):
        return self.request("POST", path, data)

    def submit(self, path, containing, changes=None):
        """Load ``path``, fill in the form that has a ``containing`` field with ``changes``, and send it."""
        fields = form_fields(self.get(path).text, containing)
        fields.update({name: value if isinstance(value, list) else [value] for name, value in (changes or {}).items()})
        return self.post(path, fields)

    def fill_inquiry(self, number):
        """Load the contact form and fill it in as visitor ``number``; returns the fields, ready to send."""
        fields = form_fields(self.get("/contact/").text, "csrfmiddlewaretoken")
        fields.update(
            {
                "name": [f"Visitor {number}"],
                "email": [f"visitor{number}@example.com"],
                "preferred_contact": ["email"],
                "best_time": ["any"],
                "inquiry_for": ["myself"],
                "program": ["iop"],
                "message": ["Hello."],
                "consent": ["on"],
            }
        )
        return fields

    def send_inquiry(self, number):
        """Fill in and send the contact form as visitor ``number``; returns the response (302 to thanks when stored).

        Sent as a person sends it, after the time-trap's few seconds: sooner it would be stored as "needs review".
        """
        return send_inquiries([(self, number)])[0]

    def staff_sign_in(self, username, password):
        """Sign in to the admin with the password, enrol an authenticator the way a new editor does (the password
        again, then the key shown), and enter its current code. Returns the TOTP secret (the key the setup page
        shows for typing into an app)."""
        response = self.submit("/admin/login/?next=/admin/", "username", {"username": username, "password": password})
        if response.status != 302:
            raise AssertionError(f"admin login answered {response.status}, not a redirect to the code step")
        response = self.submit("/admin/two-factor/setup/?next=/admin/", "password", {"password": password})
        if response.status != 302:
            raise AssertionError(f"typing the password again at setup answered {response.status}, not a redirect")
        setup = self.get("/admin/two-factor/setup/?next=/admin/")
        match = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', setup.text)
        if not match:
            raise AssertionError(f"the two-factor setup page shows no key (status {setup.status})")
        secret = match.group(1).replace(" ", "")
        response = self.submit("/admin/two-factor/setup/?next=/admin/", "otp_token", {"otp_token": totp_code(secret)})
        if response.status != 200 or "backup codes" not in response.text.lower():
            raise AssertionError(f"entering the one-time code answered {response.status} without backup codes")
        return secret


def send_inquiries(senders):
    """Each (visitor, number) of ``senders`` fills in the contact form, in order; after the time trap's few seconds,
    which they all wait out together, each sends it, in the same order. Returns the responses.

    One wait for the lot, not one per form: twenty inquiries sent one after another would otherwise spend a minute
    asleep. The server sees what it saw before: each form sent a few seconds after it was shown, one at a time.
    """
    forms = [(visitor, visitor.fill_inquiry(number)) for visitor, number in senders]
    time.sleep(TIME_TRAP_MIN_SECONDS)
    return [visitor.post("/contact/", fields) for visitor, fields in forms]


def totp_code(secret):
    """The 6-digit code an authenticator app shows now for the base32 ``secret``."""
    return f"{totp(base64.b32decode(secret)):06d}"
