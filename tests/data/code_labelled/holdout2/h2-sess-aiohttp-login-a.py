# redline-label: {"label": "secure", "cwes": ["CWE-384"], "task": null, "category": "session", "style": "script"}
import os

from aiohttp import web
from aiohttp_session import get_session, new_session, setup
from aiohttp_session.redis_storage import RedisStorage
from redis import asyncio as aioredis

from accounts import check_credentials

routes = web.RouteTableDef()


@routes.post("/login")
async def login(request: web.Request) -> web.Response:
    form = await request.post()
    user = await check_credentials(form.get("email", ""), form.get("password", ""))
    if user is None:
        raise web.HTTPUnauthorized(text="wrong email or password")
    old = await get_session(request)
    basket = old.get("basket", [])
    old.invalidate()
    session = await new_session(request)  # fresh identity: a pre-login session id is discarded
    session["user_id"] = user.id
    session["basket"] = basket
    raise web.HTTPFound("/account")


@routes.get("/account")
async def account(request: web.Request) -> web.Response:
    session = await get_session(request)
    if "user_id" not in session:
        raise web.HTTPFound("/login")
    return web.json_response({"user_id": session["user_id"], "basket": session.get("basket", [])})


async def make_app() -> web.Application:
    app = web.Application()
    redis = aioredis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    setup(app, RedisStorage(redis, cookie_name="shop_sid", max_age=3600 * 12, secure=True, httponly=True, samesite="Lax"))
    app.add_routes(routes)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), port=8081)
