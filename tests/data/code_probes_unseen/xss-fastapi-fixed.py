# probe: {"label": "secure", "cwes": ["CWE-79"]}
from html import escape

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

api = FastAPI()


@api.get("/tag/{tag}", response_class=HTMLResponse)
def tag_page(tag: str):
    safe = escape(tag)
    rows = "".join(f"<li>{safe} #{i}</li>" for i in range(3))
    return HTMLResponse(content=f"<h2>{safe}</h2><ul>{rows}</ul>")
