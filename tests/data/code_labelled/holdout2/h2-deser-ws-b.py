# redline-label: {"label": "secure", "cwes": ["CWE-502"], "task": null, "category": "deserialization", "style": "script"}
"""Collects telemetry frames from field gateways over a websocket and stores them."""
import json
from datetime import datetime

from aiohttp import WSMsgType, web

from storage import save_frames

REQUIRED = {"sensor": str, "ts": str, "value": (int, float)}


def parse_frames(raw: str) -> list[dict]:
    frames = json.loads(raw)
    if not isinstance(frames, list) or len(frames) > 5000:
        raise ValueError("expected a list of at most 5000 frames")
    out = []
    for f in frames:
        if not isinstance(f, dict) or any(not isinstance(f.get(k), t) for k, t in REQUIRED.items()):
            raise ValueError("malformed frame")
        out.append({"sensor": f["sensor"], "ts": datetime.fromisoformat(f["ts"]), "value": float(f["value"])})
    return out


async def telemetry_ws(request: web.Request) -> web.WebSocketResponse:
    ws = web.WebSocketResponse(heartbeat=30)
    await ws.prepare(request)
    gateway = request.query.get("gateway", "unknown")
    async for msg in ws:
        if msg.type == WSMsgType.TEXT:
            try:
                frames = parse_frames(msg.data)
            except ValueError as exc:
                await ws.send_json({"error": str(exc)})
                continue
            await save_frames(gateway, frames)
            await ws.send_json({"ack": len(frames)})
        elif msg.type == WSMsgType.ERROR:
            break
    return ws


app = web.Application()
app.router.add_get("/ws/telemetry", telemetry_ws)

if __name__ == "__main__":
    web.run_app(app, port=8765)
