# redline-label: {"label": "vulnerable", "cwes": ["CWE-79"], "task": null, "category": "web-output", "style": "script"}
from aiohttp import web

from guestbook import add_entry, latest_entries

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Guestbook</title></head>
<body>
<h1>Guestbook</h1>
<form method="post" action="/sign"><input name="name"> <textarea name="message"></textarea> <button>Sign</button></form>
<ul>{items}</ul>
</body></html>"""


async def index(request: web.Request) -> web.Response:
    items = "".join(
        f"<li><b>{e.name}</b>: {e.message} <small>{e.created:%d %b %Y}</small></li>"
        for e in await latest_entries(50)
    )
    return web.Response(text=PAGE.format(items=items), content_type="text/html")


async def sign(request: web.Request) -> web.Response:
    form = await request.post()
    name = str(form.get("name", "")).strip()[:80]
    message = str(form.get("message", "")).strip()[:1000]
    if not name or not message:
        raise web.HTTPBadRequest(text="name and message are required")
    await add_entry(name, message)
    raise web.HTTPSeeOther("/")


app = web.Application()
app.add_routes([web.get("/", index), web.post("/sign", sign)])

if __name__ == "__main__":
    web.run_app(app)
