# redline-label: {"label": "secure", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "script"}
import os

import asyncpg
from aiohttp import web

routes = web.RouteTableDef()


@routes.get("/api/flights")
async def search_flights(request: web.Request) -> web.Response:
    origin = request.query.get("from", "").upper()
    destination = request.query.get("to", "").upper()
    day = request.query.get("date")  # YYYY-MM-DD
    pool: asyncpg.Pool = request.app["pool"]
    rows = await pool.fetch(
        """
        SELECT flight_no, departs_at, arrives_at, seats_left
        FROM flights
        WHERE origin = $1 AND destination = $2 AND departs_at::date = $3::date
        ORDER BY departs_at
        """,
        origin,
        destination,
        day,
    )
    return web.json_response([{**dict(r), "departs_at": r["departs_at"].isoformat(), "arrives_at": r["arrives_at"].isoformat()} for r in rows])


async def init_pool(app: web.Application):
    app["pool"] = await asyncpg.create_pool(dsn=os.environ["DATABASE_URL"], min_size=1, max_size=10)
    yield
    await app["pool"].close()


def create_app() -> web.Application:
    app = web.Application()
    app.cleanup_ctx.append(init_pool)
    app.add_routes(routes)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), port=8080)
