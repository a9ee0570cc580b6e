# probe: {"label": "vulnerable", "cwes": ["CWE-1004"]}
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


async def login(request):
    form = await request.form()
    token = form.get("api_token", "")
    response = JSONResponse({"ok": True})
    response.set_cookie("api_token", token, secure=True, samesite="strict")
    return response


app = Starlette(routes=[Route("/login", login, methods=["POST"])])
