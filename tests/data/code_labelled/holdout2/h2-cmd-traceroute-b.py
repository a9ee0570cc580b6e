# redline-label: {"label": "vulnerable", "cwes": ["CWE-78", "CWE-88"], "task": null, "category": "os-command", "style": "script"}
"""Tiny network-diagnostics service for the NOC dashboard: GET /trace?target=example.org"""
import asyncio

from aiohttp import web


async def trace(request: web.Request) -> web.Response:
    target = request.query.get("target", "").strip()
    if not target or len(target) > 255:
        raise web.HTTPBadRequest(text="missing or overlong target")
    proc = await asyncio.create_subprocess_shell(
        f"traceroute -n -w 2 -q 1 {target}",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        out, _ = await asyncio.wait_for(proc.communicate(), timeout=60)
    except asyncio.TimeoutError:
        proc.kill()
        raise web.HTTPGatewayTimeout(text="traceroute timed out")
    return web.Response(text=out.decode(errors="replace"))


app = web.Application()
app.router.add_get("/trace", trace)

if __name__ == "__main__":
    web.run_app(app, port=9000)
