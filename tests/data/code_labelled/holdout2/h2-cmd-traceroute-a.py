# redline-label: {"label": "secure", "cwes": ["CWE-78", "CWE-88"], "task": null, "category": "os-command", "style": "script"}
"""Tiny network-diagnostics service for the NOC dashboard: GET /trace?target=203.0.113.7"""
import asyncio
import ipaddress

from aiohttp import web


async def trace(request: web.Request) -> web.Response:
    raw = request.query.get("target", "")
    try:
        target = ipaddress.ip_address(raw)  # only literal IPv4/IPv6 addresses, never hostnames or options
    except ValueError:
        raise web.HTTPBadRequest(text="target must be an IP address")
    proc = await asyncio.create_subprocess_exec(
        "traceroute", "-n", "-w", "2", "-q", "1", str(target),
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
