import pathlib

from flask import request

BASE = pathlib.Path("/srv/reports")


def report_exists():
    name = pathlib.Path(request.args.get("name", "")).name
    target = BASE / name
    return "yes" if target.exists() else "no"
