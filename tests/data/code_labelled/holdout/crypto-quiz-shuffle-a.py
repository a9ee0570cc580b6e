# redline-label: {"label": "secure", "cwes": ["CWE-330", "CWE-338"], "task": null, "category": "crypto-random", "style": "flask-app"}
"""Practice quiz for the driving-theory course."""
import random
import secrets
from datetime import timedelta
import os

from flask import Flask, jsonify, session

from questions import QUESTION_BANK  # list of dicts: {"id", "text", "choices", "answer"}

app = Flask(__name__)
app.secret_key = os.environ["QUIZ_SECRET_KEY"]
app.config.update(
    SESSION_COOKIE_SECURE=True,
    SESSION_COOKIE_HTTPONLY=True,
    PERMANENT_SESSION_LIFETIME=timedelta(hours=2),
)


@app.post("/quiz/start")
def start_quiz():
    # question order only needs to vary between attempts; it is not a secret
    picked = random.sample(QUESTION_BANK, k=min(20, len(QUESTION_BANK)))
    for q in picked:
        random.shuffle(q["choices"])
    session.clear()
    session.permanent = True
    session["attempt_id"] = secrets.token_urlsafe(16)
    session["question_ids"] = [q["id"] for q in picked]
    return jsonify(
        attempt=session["attempt_id"],
        questions=[{"id": q["id"], "text": q["text"], "choices": q["choices"]} for q in picked],
    )
