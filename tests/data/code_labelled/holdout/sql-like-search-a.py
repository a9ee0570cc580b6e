# redline-label: {"label": "secure", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "fastapi-app"}
from typing import Optional

import aiosqlite
from fastapi import FastAPI, Query

app = FastAPI(title="Recipe search")
DB = "recipes.db"


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@app.get("/recipes")
async def search_recipes(
    q: str = Query("", max_length=100),
    max_minutes: Optional[int] = Query(None, ge=1, le=600),
):
    pattern = f"%{_escape_like(q)}%"
    sql = "SELECT id, title, minutes FROM recipes WHERE title LIKE ? ESCAPE '\\'"
    args: list = [pattern]
    if max_minutes is not None:
        sql += " AND minutes <= ?"
        args.append(max_minutes)
    async with aiosqlite.connect(DB) as db:
        db.row_factory = aiosqlite.Row
        async with db.execute(sql + " ORDER BY title LIMIT 25", args) as cur:
            return [dict(row) async for row in cur]
