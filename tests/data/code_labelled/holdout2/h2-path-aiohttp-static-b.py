# redline-label: {"label": "vulnerable", "cwes": ["CWE-22"], "task": null, "category": "path-upload", "style": "script"}
import os

from aiohttp import web

DOCS_ROOT = "/opt/handbook/build/html"


async def serve_doc(request: web.Request) -> web.StreamResponse:
    """Serve the built staff handbook: /handbook?page=policies/leave.html"""
    page = request.query.get("page", "index.html")
    target = os.path.normpath(os.path.join(DOCS_ROOT, page))
    if os.path.isdir(target):
        target = os.path.join(target, "index.html")
    if not os.path.isfile(target):
        raise web.HTTPNotFound()
    return web.FileResponse(target)


app = web.Application()
app.router.add_get("/handbook", serve_doc)

if __name__ == "__main__":
    web.run_app(app, host="127.0.0.1", port=8088)
