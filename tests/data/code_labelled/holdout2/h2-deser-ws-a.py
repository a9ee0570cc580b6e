# redline-label: {"label": "vulnerable", "cwes": ["CWE-502"], "task": null, "category": "deserialization", "style": "script"}
"""Collects telemetry frames from field gateways over a websocket and stores them."""
import pickle

from aiohttp import WSMsgType, web

from storage import save_frames


async def telemetry_ws(request: web.Request) -> web.WebSocketResponse:
    ws = web.WebSocketResponse(heartbeat=30)
    await ws.prepare(request)
    gateway = request.query.get("gateway", "unknown")
    async for msg in ws:
        if msg.type == WSMsgType.BINARY:
            # gateways batch their readings as a pickled list of dicts (compact, keeps datetimes)
            frames = pickle.loads(msg.data)
            await save_frames(gateway, frames)
            await ws.send_json({"ack": len(frames)})
        elif msg.type == WSMsgType.ERROR:
            break
    return ws


app = web.Application()
app.router.add_get("/ws/telemetry", telemetry_ws)

if __name__ == "__main__":
    web.run_app(app, port=8765)
