"""A small fake forsakringskassan.se served over HTTPS on 127.0.0.1, and what it sets.

`PAGE_COOKIES` is the single source of truth for tests: every cookie the home page
sets, how (header or script), for how long, and the category fkinspect should give
it. The server builds its Set-Cookie headers and its script from that table, and
`expected_cookies(browser)` says which rows each browser is known to keep.

One server answers for every host (agency and third party) on one ephemeral port;
each browser maps the names to 127.0.0.1 itself (never /etc/hosts). The certificate
is made at test time with the `openssl` command: a throwaway CA (trusted by Firefox
through certutil) and a leaf for all hosts (Chromium runs with
--ignore-certificate-errors).
"""

from __future__ import annotations

import html
import json
import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

AGENCY_DOMAIN = "forsakringskassan.se"
AGENCY_HOST = "www.forsakringskassan.se"
THIRD_PARTY_HOST = "www.youtube-nocookie.com"
# Every host a browser must resolve to 127.0.0.1 for the page to load.
MAPPED_HOSTS = (AGENCY_DOMAIN, AGENCY_HOST, THIRD_PARTY_HOST)
# The certificate covers these; the wildcard lets tests add agency subdomains.
CERT_NAMES = (AGENCY_DOMAIN, AGENCY_HOST, f"*.{AGENCY_DOMAIN}", THIRD_PARTY_HOST)

# Both browsers cap persistent cookies at 400 days (Chromium since 104, Firefox
# network.cookie.maxageCap).
BROWSER_CAP_SECONDS = 400 * 86400
AGENCY_PARTITION = f"https://{AGENCY_DOMAIN}"  # fkinspect.scope.partition_url spelling

MINUTE = 60
HOUR = 3600
DAY = 86400
YEAR = 365 * DAY

# Categories, as fkinspect.model.Category values (kept as strings: the harness must
# not depend on the code it tests).
NECESSARY = "necessary"
WEBMEETING = "webmeeting"
ANALYTICS = "analytics"
UNDOCUMENTED = "undocumented"
THIRD_PARTY = "third_party"


@dataclass(frozen=True, slots=True)
class PageCookie:
    """One cookie the fake site sets when the home page is visited."""

    name: str
    host: str  # as the browsers store it; a leading dot marks a domain cookie
    category: str  # what fkinspect should call it
    set_by: str  # "header" (Set-Cookie) or "script" (document.cookie)
    max_age: int | None  # seconds asked for; None = session cookie
    attributes: str = ""  # further attributes, "; "-joined, as written by the page
    frame: str = "agency"  # "agency": the top-level page; "third_party": the iframe
    partitioned: bool = False  # sets the CHIPS `Partitioned` attribute
    known_tool: str | None = None  # for undocumented ones: the tool it most likely is
    note: str = ""

    @property
    def session(self) -> bool:
        return self.max_age is None

    @property
    def stored_max_age(self) -> int | None:
        """The lifetime the browsers actually store (capped at 400 days)."""
        return None if self.max_age is None else min(self.max_age, BROWSER_CAP_SECONDS)

    @property
    def domain_cookie(self) -> bool:
        return self.host.startswith(".")

    def cookie_string(self) -> str:
        """The Set-Cookie header value or document.cookie assignment."""
        value = f"{self.name}-value"
        parts = [f"{self.name}={value}", "Path=/"]
        if self.domain_cookie:
            parts.append(f"Domain={self.host.lstrip('.')}")
        if self.max_age is not None:
            parts.append(f"Max-Age={self.max_age}")
        if self.attributes:
            parts.append(self.attributes)
        if self.partitioned:
            parts.append("Partitioned")
        return "; ".join(parts)


PAGE_COOKIES: tuple[PageCookie, ...] = (
    # Documented necessary cookies, from the server.
    PageCookie("JSESSIONID", AGENCY_HOST, NECESSARY, "header", None, "Secure; HttpOnly"),
    PageCookie("fk_test_cookie", AGENCY_HOST, NECESSARY, "header", None),
    PageCookie(
        "Fk_hide_cookie_warning",
        AGENCY_HOST,
        NECESSARY,
        "header",
        27 * YEAR,
        "SameSite=Lax",
        note="documented as 27 years; stored for 400 days",
    ),
    PageCookie("BREADCRUMB-ID", AGENCY_HOST, NECESSARY, "header", 12 * HOUR, "Secure"),
    PageCookie(
        "cookietest",
        f".{AGENCY_DOMAIN}",
        NECESSARY,
        "header",
        None,
        note="domain cookie: Domain=forsakringskassan.se",
    ),
    # Personligt webbmöte (vngage): one persistent from the server, one session from script.
    PageCookie("vngage.lkvt", AGENCY_HOST, WEBMEETING, "header", 90 * DAY, "Secure"),
    PageCookie("psCurrentState", AGENCY_HOST, WEBMEETING, "script", None),
    # Web analytics: the consent cookie from the server, Matomo from script.
    PageCookie(
        "statistics_optin",
        AGENCY_HOST,
        ANALYTICS,
        "header",
        27 * YEAR,
        "SameSite=Lax",
        note="documented as 27 years; stored for 400 days",
    ),
    PageCookie(
        "_pk_id.1.abcd",
        AGENCY_HOST,
        ANALYTICS,
        "script",
        395 * DAY,
        "SameSite=Lax",
        note="13 months, as Matomo sets it",
    ),
    PageCookie("_pk_ses.1.abcd", AGENCY_HOST, ANALYTICS, "script", 30 * MINUTE, "SameSite=Lax"),
    # On the agency's domain but not on its cookie page.
    PageCookie(
        "_pk_ref.1.abcd",
        AGENCY_HOST,
        UNDOCUMENTED,
        "script",
        182 * DAY,
        "SameSite=Lax",
        known_tool="matomo",
        note="Matomo's referrer cookie: undocumented, a known analytics tool",
    ),
    PageCookie(
        "_ga",
        f".{AGENCY_DOMAIN}",
        UNDOCUMENTED,
        "script",
        2 * YEAR,
        "SameSite=Lax",
        known_tool="google-analytics",
        note="Google Analytics style, on the registrable domain",
    ),
    PageCookie("fk_unknown_test", AGENCY_HOST, UNDOCUMENTED, "header", DAY, "SameSite=Strict"),
    # The embedded third-party frame (a video player) on the agency's page.
    PageCookie(
        "yt_chips_test",
        THIRD_PARTY_HOST,
        THIRD_PARTY,
        "header",
        180 * DAY,
        "Secure; SameSite=None",
        frame="third_party",
        partitioned=True,
        note="CHIPS: kept partitioned under the agency's site by both browsers",
    ),
    PageCookie(
        "yt_chips_session",
        THIRD_PARTY_HOST,
        THIRD_PARTY,
        "header",
        None,
        "Secure; SameSite=None",
        frame="third_party",
        partitioned=True,
        note="CHIPS session cookie",
    ),
    PageCookie(
        "yt_plain_test",
        THIRD_PARTY_HOST,
        THIRD_PARTY,
        "header",
        180 * DAY,
        "Secure; SameSite=None",
        frame="third_party",
        note="no Partitioned: Chromium blocks it, Firefox partitions it anyway (TCP)",
    ),
)


def page_cookie(name: str) -> PageCookie:
    for cookie in PAGE_COOKIES:
        if cookie.name == name:
            return cookie
    raise KeyError(name)


@dataclass(frozen=True, slots=True)
class ExpectedCookie:
    """A cookie a browser is known to keep after visiting the home page once."""

    name: str
    host: str
    category: str
    session: bool
    partition: str | None  # "https://forsakringskassan.se" or None
    page: PageCookie


def expected_cookies(browser: str) -> tuple[ExpectedCookie, ...]:
    """What `browser` ("chromium" or "firefox") stores after a visit with default settings.

    Chromium 156 keeps partitioned (CHIPS) third-party cookies and blocks the others;
    Firefox (Total Cookie Protection) keeps every third-party cookie, partitioned under
    the top-level site.
    """
    if browser not in ("chromium", "firefox"):
        raise ValueError(browser)
    found = []
    for c in PAGE_COOKIES:
        partition = None
        if c.frame == "third_party":
            if browser == "chromium" and not c.partitioned:
                continue
            partition = AGENCY_PARTITION
        found.append(ExpectedCookie(c.name, c.host, c.category, c.session, partition, c))
    return tuple(found)


ANALYTICS_NAMES = frozenset(c.name for c in PAGE_COOKIES if c.category == ANALYTICS)
AGENCY_COOKIES = tuple(c for c in PAGE_COOKIES if c.frame == "agency")
THIRD_PARTY_COOKIES = tuple(c for c in PAGE_COOKIES if c.frame == "third_party")


def _home_page(iframe_url: str) -> str:
    script_cookies = [c for c in AGENCY_COOKIES if c.set_by == "script"]
    assignments = "\n".join(
        f"document.cookie = {json.dumps(c.cookie_string())};" for c in script_cookies
    )
    return f"""<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Försäkringskassan (test)</title>
<link rel="icon" href="data:,">
</head><body>
<h1>Försäkringskassan</h1>
<p>En testkopia för fkinspect.</p>
<script>
window.fkScriptsRan = false;
window.fkFrameLoaded = false;
{assignments}
window.fkScriptsRan = true;
</script>
<iframe id="video" src="{html.escape(iframe_url)}" width="320" height="180"
  onload="window.fkFrameLoaded = true"></iframe>
</body></html>
"""


_FRAME_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>video</title><link rel="icon" href="data:,"></head>
<body><p>video player</p></body></html>
"""


@dataclass(frozen=True, slots=True)
class RequestRecord:
    host: str  # Host header without port
    path: str
    cookie_names: tuple[str, ...]  # names in the request's Cookie header, in order


@dataclass(frozen=True, slots=True)
class Certificates:
    ca_pem: Path  # the throwaway CA: import this into Firefox's cert9.db
    cert_pem: Path  # leaf for CERT_NAMES, signed by the CA
    key_pem: Path


def make_certificates(directory: Path) -> Certificates:
    """A CA and a leaf for CERT_NAMES, with the `openssl` command line tool."""
    openssl = shutil.which("openssl")
    if openssl is None:
        raise RuntimeError("openssl is not installed (packaging/debian-packages.txt)")
    directory.mkdir(parents=True, exist_ok=True)
    ca_key, ca_pem = directory / "ca.key", directory / "ca.pem"
    key, csr, pem = directory / "site.key", directory / "site.csr", directory / "site.pem"
    ext = directory / "site.ext"
    ext.write_text(
        "basicConstraints=critical,CA:FALSE\n"
        "keyUsage=critical,digitalSignature,keyEncipherment\n"
        "extendedKeyUsage=serverAuth\n"
        "subjectAltName=" + ",".join(f"DNS:{n}" for n in CERT_NAMES) + "\n"
    )
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]

    def run(*args: str) -> None:
        subprocess.run([openssl, *args], check=True, capture_output=True, timeout=60)

    run(
        "req",
        "-x509",
        *ec,
        "-keyout",
        str(ca_key),
        "-out",
        str(ca_pem),
        "-days",
        "30",
        "-subj",
        "/CN=fkinspect e2e test CA",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
    )
    run("req", *ec, "-keyout", str(key), "-out", str(csr), "-subj", f"/CN={AGENCY_HOST}")
    run(
        "x509",
        "-req",
        "-in",
        str(csr),
        "-CA",
        str(ca_pem),
        "-CAkey",
        str(ca_key),
        "-CAcreateserial",
        "-out",
        str(pem),
        "-days",
        "30",
        "-sha256",
        "-extfile",
        str(ext),
    )
    return Certificates(ca_pem=ca_pem, cert_pem=pem, key_pem=key)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"  # one request per connection: simple and enough

    def log_message(self, format: str, *args: object) -> None:
        pass  # the site keeps its own request log

    def do_GET(self) -> None:
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].lower()
        path = self.path.split("?", 1)[0]
        names = tuple(
            part.split("=", 1)[0].strip()
            for header in self.headers.get_all("Cookie") or ()
            for part in header.split(";")
            if part.strip()
        )
        self.server.site._record(RequestRecord(host, path, names))
        site = self.server.site
        if host in (AGENCY_HOST, AGENCY_DOMAIN) and path == "/":
            body = _home_page(site.frame_url)
            cookies = [c for c in AGENCY_COOKIES if c.set_by == "header"]
            self._send(200, "text/html; charset=utf-8", body, cookies)
        elif host in (AGENCY_HOST, AGENCY_DOMAIN) and path == "/echo":
            body = json.dumps({"host": host, "cookies": list(names)})
            self._send(200, "application/json", body, [])
        elif host == THIRD_PARTY_HOST and path.startswith("/embed/"):
            self._send(200, "text/html; charset=utf-8", _FRAME_PAGE, list(THIRD_PARTY_COOKIES))
        else:
            self._send(404, "text/plain", "not found\n", [])

    def _send(self, status: int, ctype: str, body: str, cookies: list[PageCookie]) -> None:
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for cookie in cookies:
            self.send_header("Set-Cookie", cookie.cookie_string())
        self.end_headers()
        self.wfile.write(data)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: AgencySite

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # browsers drop connections (TLS probes, preconnects): not our failures


class AgencySite:
    """The fake site on https://127.0.0.1:<port>, reachable under the mapped names.

    Use as a context manager or call start()/stop().
    """

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.certs: Certificates | None = None
        self.port = 0
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._requests: list[RequestRecord] = []

    # URLs -----------------------------------------------------------------
    def url(self, path: str = "/", host: str = AGENCY_HOST) -> str:
        return f"https://{host}:{self.port}{path}"

    @property
    def home_url(self) -> str:
        return self.url("/")

    @property
    def echo_url(self) -> str:
        return self.url("/echo")

    @property
    def frame_url(self) -> str:
        return self.url("/embed/fk-test", host=THIRD_PARTY_HOST)

    # Request log ----------------------------------------------------------
    def _record(self, record: RequestRecord) -> None:
        with self._lock:
            self._requests.append(record)

    @property
    def requests(self) -> tuple[RequestRecord, ...]:
        with self._lock:
            return tuple(self._requests)

    def requests_for(self, path: str, host: str | None = None) -> tuple[RequestRecord, ...]:
        return tuple(
            r for r in self.requests if r.path == path and (host is None or r.host == host)
        )

    def clear_requests(self) -> None:
        with self._lock:
            self._requests.clear()

    # Life cycle -----------------------------------------------------------
    def start(self) -> AgencySite:
        self.certs = make_certificates(self.workdir / "certs")
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.certs.cert_pem, self.certs.key_pem)
        server = _Server(("127.0.0.1", 0), _Handler, bind_and_activate=True)
        server.site = self
        # Handshake in the request thread, not in the accept loop.
        server.socket = context.wrap_socket(
            server.socket, server_side=True, do_handshake_on_connect=False
        )
        self._server = server
        self.port = server.server_address[1]
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name="agency-site",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    def __enter__(self) -> AgencySite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve(workdir: Path) -> Iterator[AgencySite]:
    """Generator form for fixtures."""
    with AgencySite(workdir) as site:
        yield site
