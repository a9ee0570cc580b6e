# redline-label: {"label": "vulnerable", "cwes": ["CWE-295"], "task": null, "category": "network", "style": "class"}
import asyncio
import os

import aiohttp


class PlantHistorianClient:
    """Reads tag values from the plant historian's REST API (self-signed certificate on the appliance)."""

    def __init__(self, base_url: str | None = None) -> None:
        self.base_url = (base_url or os.environ["HISTORIAN_URL"]).rstrip("/")
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> "PlantHistorianClient":
        connector = aiohttp.TCPConnector(ssl=False, limit=20)
        self._session = aiohttp.ClientSession(
            connector=connector,
            headers={"Authorization": f"Bearer {os.environ['HISTORIAN_TOKEN']}"},
            timeout=aiohttp.ClientTimeout(total=20),
        )
        return self

    async def __aexit__(self, *exc) -> None:
        assert self._session is not None
        await self._session.close()

    async def latest(self, tag: str) -> float:
        assert self._session is not None
        async with self._session.get(f"{self.base_url}/api/tags/{tag}/latest") as resp:
            resp.raise_for_status()
            return float((await resp.json())["value"])

    async def latest_many(self, tags: list[str]) -> dict[str, float]:
        values = await asyncio.gather(*(self.latest(t) for t in tags))
        return dict(zip(tags, values))
