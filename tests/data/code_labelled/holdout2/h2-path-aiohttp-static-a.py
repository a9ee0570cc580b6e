# redline-label: {"label": "secure", "cwes": ["CWE-22"], "task": null, "category": "path-upload", "style": "script"}
from pathlib import Path

from aiohttp import web

DOCS_ROOT = Path("/opt/handbook/build/html").resolve()


async def serve_doc(request: web.Request) -> web.StreamResponse:
    """Serve the built staff handbook: /handbook/{tail:.*}"""
    tail = request.match_info["tail"] or "index.html"
    target = (DOCS_ROOT / tail).resolve()
    if not target.is_relative_to(DOCS_ROOT):
        raise web.HTTPNotFound()
    if target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        raise web.HTTPNotFound()
    return web.FileResponse(target)


app = web.Application()
app.router.add_get("/handbook/{tail:.*}", serve_doc)

if __name__ == "__main__":
    web.run_app(app, host="127.0.0.1", port=8088)
