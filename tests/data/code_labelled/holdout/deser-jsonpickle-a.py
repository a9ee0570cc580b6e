# redline-label: {"label": "vulnerable", "cwes": ["CWE-502"], "task": null, "category": "deserialization", "style": "flask-app"}
from dataclasses import dataclass, field

import jsonpickle
from flask import Flask, request

app = Flask(__name__)


@dataclass
class Survey:
    title: str
    questions: list = field(default_factory=list)
    anonymous: bool = True


SURVEYS = {}


@app.route("/surveys", methods=["POST"])
def save_survey():
    """The survey builder front-end posts the whole Survey object graph,
    serialised with jsonpickle so nested question objects round-trip."""
    survey = jsonpickle.decode(request.get_data(as_text=True))
    if not isinstance(survey, Survey):
        return {"error": "expected a Survey"}, 400
    SURVEYS[survey.title] = survey
    return {"saved": survey.title, "questions": len(survey.questions)}, 201


@app.route("/surveys/<title>")
def load_survey(title):
    survey = SURVEYS.get(title)
    if survey is None:
        return {"error": "not found"}, 404
    return app.response_class(jsonpickle.encode(survey), mimetype="application/json")
