import os

from flask import Flask

app = Flask(__name__)


@app.get("/debug/env")
def env_dump():
    return {"cwd": os.getcwd(), "region": os.environ.get("REGION", "eu")}


def child_env():
    return dict(os.environ)
