import ipaddress
import socket
from urllib.parse import urlparse

import requests


def fetch_calendar(url):
    parsed = urlparse(url)
    if parsed.scheme not in {"http", "https"} or not parsed.hostname:
        raise ValueError("only http(s) URLs can be subscribed to")
    addr = ipaddress.ip_address(socket.gethostbyname(parsed.hostname))
    if addr.is_private or addr.is_loopback or addr.is_link_local or addr.is_reserved or addr.is_multicast:
        raise ValueError("this address cannot be subscribed to")
    resp = requests.get(url, timeout=10, allow_redirects=False, headers={"Accept": "text/calendar"})
    if resp.status_code != 200:
        raise ValueError(f"the calendar server answered {resp.status_code}")
    titles = []
    current = None
    for raw in resp.text.replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if line.upper() == "BEGIN:VEVENT":
            current = []
        elif line.upper() == "END:VEVENT" and current is not None:
            titles.extend(current)
            current = None
        elif current is not None and line.upper().startswith("SUMMARY"):
            current.append(line.partition(":")[2])
    return titles
