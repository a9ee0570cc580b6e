# probe: {"label": "vulnerable", "cwes": ["CWE-400"]}
from aiohttp import web


async def list_items(request: web.Request) -> web.Response:
    size = int(request.query.get("size", "50"))
    rows = await request.app["db"].fetch("SELECT * FROM items LIMIT $1", size)
    return web.json_response([dict(r) for r in rows])
