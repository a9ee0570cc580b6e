"""HTML form helpers of the harness library: read a served form (hidden fields and checkbox values
included) and submit it as a same-site browser would, or as another site can."""

from __future__ import annotations

import html.parser
from typing import Any

class _Forms(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict[str, Any]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append({"action": a.get("action", ""), "method": a.get("method", "get").lower(),
                               "fields": {}, "checkboxes": {}})
        elif tag in ("input", "textarea", "select", "button") and self.forms and a.get("name"):
            kind = a.get("type", "").lower()
            if kind == "checkbox":
                self.forms[-1]["checkboxes"][a["name"]] = a.get("value") or "on"
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if tag == "button" or kind == "submit":
                return
            self.forms[-1]["fields"][a["name"]] = a.get("value", "")


def forms(page: str) -> list[dict[str, Any]]:
    parser = _Forms()
    parser.feed(page)
    return parser.forms


def post_form(client: Any, url: str, data: dict[str, Any], *, drop: tuple[str, ...] = ()) -> Any:
    """GET ``url``, take the POST form that has the most of ``data``'s fields (the first such one: a page may
    also carry, say, a logout form in its layout), keep its hidden fields such as a CSRF token, override ``data``
    (``True`` ticks a checkbox with the value the form gives it; ``None`` leaves a field out), drop the named
    fields, and submit it the way a browser on the same site would."""
    page = client.get(url)
    posts = [f for f in forms(page.get_data(as_text=True)) if f["method"] == "post"]
    best = max((len(set(data) & (set(f["fields"]) | set(f["checkboxes"]))) for f in posts), default=0)
    found = [f for f in posts if len(set(data) & (set(f["fields"]) | set(f["checkboxes"]))) == best]
    fields: dict[str, Any] = dict(found[0]["fields"]) if found else {}
    boxes: dict[str, str] = found[0]["checkboxes"] if found else {}
    action = (found[0]["action"] if found else "") or url
    fields.update({k: (boxes.get(k, "on") if v is True else v) for k, v in data.items()})
    for name in [k for k in fields if k in drop or data.get(k, 0) is None]:
        fields.pop(name)
    return client.post(action, data=fields, headers={"Origin": "http://localhost",
                                                     "Referer": "http://localhost" + url})


def cross_site_post(client: Any, url: str, data: dict[str, Any]) -> Any:
    """What a page on another site can make the victim's browser send: the fields, cookies, no token."""
    return client.post(url, data=data, headers={"Origin": "http://evil.example", "Referer": "http://evil.example/x"})


def text_of(resp: Any) -> str:
    return str(resp.get_data(as_text=True))
