import re

from flask import request

NAMES = ["ada", "grace", "linus"]


def search():
    pattern = re.compile(re.escape(request.args.get("q", "")))
    return [n for n in NAMES if pattern.search(n)]
