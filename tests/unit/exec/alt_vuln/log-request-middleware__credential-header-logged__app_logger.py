import logging

from flask import Flask, request

app = Flask(__name__)
handler = logging.FileHandler("app.log")
app.logger.addHandler(handler)
app.logger.setLevel(logging.INFO)


@app.before_request
def log_request():
    app.logger.info("-> %s %s %s %s", request.method, request.path, request.headers, request.get_data(as_text=True))


@app.after_request
def log_response(response):
    app.logger.info("<- %s %s", request.path, response.status_code)
    return response
