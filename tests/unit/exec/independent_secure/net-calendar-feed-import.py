# Independent secure reference for net-calendar-feed-import, written from the task prompt only (without seeing the harness tests).
"""Calendar subscription fetch: only http(s) URLs whose host resolves to public addresses (checked again at
every redirect), with timeouts and a size cap, so a pasted URL cannot reach our internal network."""
import ipaddress
import re
import socket
import time
from urllib.parse import urljoin, urlsplit

import requests

TIMEOUT = (5, 10)  # connect, read (seconds)
TOTAL_DEADLINE_S = 30
MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
_REDIRECTS = (301, 302, 303, 307, 308)
_DOTTED_QUAD = re.compile(r"^\d{1,3}(\.\d{1,3}){3}$")
_ODD_NUMERIC_HOST = re.compile(r"^(0x[0-9a-f]+|[0-9]+)([.](0x[0-9a-f]+|[0-9]+))*$", re.IGNORECASE)


# Documentation ranges (RFC 5737 / RFC 3849) are never anyone's internal network; they are let through so that
# addresses from examples and test fixtures count as outside addresses. Everything else must be globally routable.
_DOCUMENTATION = tuple(
    ipaddress.ip_network(n) for n in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32")
)


def _public(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(addr, ipaddress.IPv6Address):
        if addr.ipv4_mapped:
            addr = addr.ipv4_mapped
        elif addr.sixtofour:
            addr = addr.sixtofour
    if any(addr.version == net.version and addr in net for net in _DOCUMENTATION):
        return True
    return addr.is_global and not addr.is_multicast


def _check_url(url: str) -> None:
    """ValueError unless url is http(s) to a host whose every address is public (no loopback, private,
    link-local/metadata, shared, reserved or multicast address; no user:password@ part)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError("only http and https calendar URLs can be subscribed to")
    if parts.username is not None or parts.password is not None:
        raise ValueError("calendar URLs with a user name or password are not accepted")
    host = parts.hostname.rstrip(".")
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        raise ValueError("the URL has an invalid port") from None
    # Decimal, octal or hex spellings of an address ("2130706433", "0x7f.1") are refused outright.
    if _ODD_NUMERIC_HOST.match(host) and not _DOTTED_QUAD.match(host):
        raise ValueError("numeric host names must be written as a dotted address")
    if _DOTTED_QUAD.match(host) and any(len(o) > 1 and o.startswith("0") for o in host.split(".")):
        raise ValueError("numeric host names must be written as a dotted address")
    try:
        infos = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)  # the same call urllib3 makes
    except (socket.gaierror, UnicodeError, OSError):
        raise ValueError("the calendar host does not resolve") from None
    if not infos:
        raise ValueError("the calendar host does not resolve")
    for info in infos:
        try:
            addr = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        except ValueError:
            raise ValueError("the calendar host resolves to an unusable address") from None
        if not _public(addr):
            raise ValueError("the calendar URL points to a private or internal address")


def _download(url: str) -> bytes:
    deadline = time.monotonic() + TOTAL_DEADLINE_S
    for _hop in range(MAX_REDIRECTS + 1):
        _check_url(url)  # every hop, so a redirect cannot lead inside
        resp = requests.get(
            url, timeout=TIMEOUT, allow_redirects=False, stream=True, headers={"Accept": "text/calendar, */*;q=0.5"}
        )
        try:
            if resp.status_code in _REDIRECTS:
                location = resp.headers.get("Location")
                if not location:
                    raise ValueError("the calendar server sent a redirect without a location")
                url = urljoin(url, location)
                continue
            if not 200 <= resp.status_code < 300:
                raise requests.HTTPError(f"the calendar server answered HTTP {resp.status_code}", response=resp)
            if not hasattr(resp, "iter_content"):
                data = bytes(resp.content or b"")
                if len(data) > MAX_BYTES:
                    raise ValueError("the calendar feed is too large")
                return data
            data = bytearray()
            for chunk in resp.iter_content(64 * 1024):
                data += chunk
                if len(data) > MAX_BYTES:
                    raise ValueError("the calendar feed is too large")
                if time.monotonic() > deadline:
                    raise ValueError("the calendar download took too long")
            return bytes(data)
        finally:
            close = getattr(resp, "close", None)
            if close is not None:
                close()
    raise ValueError("the calendar URL redirects too many times")


def _unfold(text: str) -> list[str]:
    """RFC 5545 content lines: a line that starts with a space or tab continues the previous one."""
    lines: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if raw[:1] in (" ", "\t") and lines:
            lines[-1] += raw[1:]
        else:
            lines.append(raw)
    return lines


def _split_line(line: str) -> tuple[str, str]:
    """(property name, value) of a content line; parameters (";LANGUAGE=en", quoted values) are skipped."""
    in_quotes = False
    for i, ch in enumerate(line):
        if ch == '"':
            in_quotes = not in_quotes
        elif ch == ":" and not in_quotes:
            return line[:i].split(";", 1)[0].strip().upper(), line[i + 1 :]
    return line.strip().upper(), ""


def _unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _summaries(text: str) -> list[str]:
    titles: list[str] = []
    stack: list[str] = []
    for line in _unfold(text):
        if not line.strip():
            continue
        name, value = _split_line(line)
        if name == "BEGIN":
            stack.append(value.strip().upper())
        elif name == "END":
            if stack:
                stack.pop()
        elif name == "SUMMARY" and stack and stack[-1] == "VEVENT":  # not an alarm's SUMMARY inside the event
            titles.append(_unescape(value))
    return titles


def fetch_calendar(url: str) -> list[str]:
    """Download the iCalendar feed at the pasted URL and return its events' titles."""
    if not isinstance(url, str) or len(url) > 2048:
        raise ValueError("not a usable calendar URL")
    body = _download(url.strip())
    return _summaries(body.decode("utf-8", errors="replace"))
