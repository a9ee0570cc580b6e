# probe: {"label": "secure", "cwes": ["CWE-400"]}
from aiohttp import web

MAX_PAGE = 200


async def list_items(request: web.Request) -> web.Response:
    size = min(max(int(request.query.get("size", "50")), 1), MAX_PAGE)
    rows = await request.app["db"].fetch("SELECT * FROM items LIMIT $1", size)
    return web.json_response([dict(r) for r in rows])
