import ipaddress
import socket
from urllib.parse import urlsplit

import requests
from icalendar import Calendar


def fetch_calendar(url):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("unsupported calendar URL")
    for family, _, _, _, sockaddr in socket.getaddrinfo(parts.hostname, parts.port or 80):
        ip = ipaddress.ip_address(sockaddr[0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_unspecified:
            raise ValueError("calendar URL points to a private network")
    resp = requests.get(url, timeout=15, allow_redirects=False)
    resp.raise_for_status()
    if resp.is_redirect:
        raise ValueError("redirects are not followed")
    cal = Calendar.from_ical(resp.content)
    return [str(ev.get("summary")) for ev in cal.walk("VEVENT") if ev.get("summary") is not None]
