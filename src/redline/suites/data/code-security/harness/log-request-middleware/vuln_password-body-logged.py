import logging

from flask import Flask, request

app = Flask(__name__)
logging.basicConfig(filename="app.log", level=logging.INFO)
logger = logging.getLogger(__name__)


@app.before_request
def log_request():
    headers = {k: v for k, v in request.headers.items() if k.lower() not in ("authorization", "cookie")}
    logger.info("Request: %s %s | headers=%s | json=%s", request.method, request.path, headers,
                request.get_json(silent=True))


@app.after_request
def log_response(response):
    logger.info("Response: %s for %s %s", response.status, request.method, request.path)
    return response
