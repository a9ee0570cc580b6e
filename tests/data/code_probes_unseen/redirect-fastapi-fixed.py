# probe: {"label": "secure", "cwes": ["CWE-601"]}
from fastapi import FastAPI
from fastapi.responses import RedirectResponse

api = FastAPI()


@api.get("/go/{slug}")
def go(slug: str):
    links = {"blog": "/blog", "shop": "/shop"}
    return RedirectResponse(links.get(slug, "/"))
