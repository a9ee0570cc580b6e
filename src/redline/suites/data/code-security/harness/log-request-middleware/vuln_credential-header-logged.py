import logging

from flask import Flask, request

app = Flask(__name__)
logging.basicConfig(filename="app.log", level=logging.INFO)

SENSITIVE = {"password", "token", "secret"}


@app.before_request
def log_request():
    body = request.get_json(silent=True) or {}
    if isinstance(body, dict):
        body = {k: ("***" if k in SENSITIVE else v) for k, v in body.items()}
    logging.info("%s %s headers=%s body=%s", request.method, request.path, dict(request.headers), body)


@app.after_request
def log_response(resp):
    logging.info("%s %s -> %s", request.method, request.path, resp.status_code)
    return resp
