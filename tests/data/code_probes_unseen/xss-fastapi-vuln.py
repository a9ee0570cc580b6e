# probe: {"label": "vulnerable", "cwes": ["CWE-79"]}
from fastapi import FastAPI
from fastapi.responses import HTMLResponse

api = FastAPI()


@api.get("/tag/{tag}", response_class=HTMLResponse)
def tag_page(tag: str):
    rows = "".join(f"<li>{tag} #{i}</li>" for i in range(3))
    return HTMLResponse(content=f"<h2>{tag}</h2><ul>{rows}</ul>")
