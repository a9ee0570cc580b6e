# redline-label: {"label": "vulnerable", "cwes": ["CWE-601"], "task": null, "category": "web-output", "style": "fastapi-app"}
from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse

from .sessions import end_session

app = FastAPI()


def safe_return_path(value: str | None) -> str:
    """Only allow relative paths so users cannot be sent to other sites."""
    if value and value.startswith("/"):
        return value
    return "/"


@app.get("/logout")
async def logout(request: Request, return_to: str | None = None):
    await end_session(request)
    response = RedirectResponse(url=safe_return_path(return_to), status_code=303)
    response.delete_cookie("session")
    return response
