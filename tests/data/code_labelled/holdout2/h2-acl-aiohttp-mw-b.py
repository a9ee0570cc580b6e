# redline-label: {"label": "vulnerable", "cwes": ["CWE-862", "CWE-285"], "task": null, "category": "access-control", "style": "script"}
from aiohttp import web

from auth import user_from_request  # validates the session cookie, returns None if absent/expired
from fleet import decommission_vehicle, list_vehicles, reassign_driver

ADMIN_PREFIX = "/admin/"


@web.middleware
async def admin_guard(request: web.Request, handler):
    """Protects the whole /admin/ tree: no valid session, no access."""
    if request.path.startswith(ADMIN_PREFIX):
        user = await user_from_request(request)
        if user is None:
            raise web.HTTPUnauthorized()
        request["user"] = user
    return await handler(request)


async def vehicles(request: web.Request) -> web.Response:
    return web.json_response(await list_vehicles())


async def decommission(request: web.Request) -> web.Response:
    vid = int(request.match_info["vid"])
    await decommission_vehicle(vid, by=request["user"].id)
    return web.json_response({"vehicle": vid, "status": "decommissioned"})


async def reassign(request: web.Request) -> web.Response:
    body = await request.json()
    await reassign_driver(int(request.match_info["vid"]), int(body["driver_id"]), by=request["user"].id)
    return web.json_response({"ok": True})


app = web.Application(middlewares=[admin_guard])
app.router.add_get("/admin/vehicles", vehicles)
app.router.add_post("/admin/vehicles/{vid}/decommission", decommission)
app.router.add_post("/admin/vehicles/{vid}/driver", reassign)

if __name__ == "__main__":
    web.run_app(app, port=8090)
