# probe: {"label": "vulnerable", "cwes": ["CWE-89"]}
import asyncpg
from fastapi import FastAPI

app = FastAPI()
POOL = None


@app.on_event("startup")
async def startup():
    global POOL
    POOL = await asyncpg.create_pool(dsn="postgresql://app@localhost/app")


@app.get("/tickets")
async def tickets(assignee: str):
    async with POOL.acquire() as conn:
        rows = await conn.fetch(f"SELECT id, title FROM tickets WHERE assignee = '{assignee}'")
    return [dict(r) for r in rows]
