from urllib.parse import quote

from flask import make_response, request


def download():
    label = quote(request.args.get("label", "report"))
    resp = make_response("...")
    resp.headers["Content-Disposition"] = f"attachment; filename={label}.csv"
    return resp
