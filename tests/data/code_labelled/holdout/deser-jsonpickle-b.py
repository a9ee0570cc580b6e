# redline-label: {"label": "secure", "cwes": ["CWE-502"], "task": null, "category": "deserialization", "style": "flask-app"}
from dataclasses import asdict, dataclass, field

from flask import Flask, request

app = Flask(__name__)


@dataclass
class Question:
    text: str
    kind: str = "text"
    options: list[str] = field(default_factory=list)


@dataclass
class Survey:
    title: str
    questions: list[Question] = field(default_factory=list)
    anonymous: bool = True


SURVEYS: dict[str, Survey] = {}
KINDS = {"text", "single", "multi", "scale"}


def survey_from_json(data: dict) -> Survey:
    questions = []
    for q in data.get("questions", []):
        if q.get("kind", "text") not in KINDS:
            raise ValueError(f"unknown question kind {q.get('kind')!r}")
        questions.append(Question(str(q["text"]), q.get("kind", "text"), [str(o) for o in q.get("options", [])]))
    return Survey(str(data["title"]), questions, bool(data.get("anonymous", True)))


@app.post("/surveys")
def save_survey():
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict):
        return {"error": "expected a JSON object"}, 400
    try:
        survey = survey_from_json(payload)
    except (KeyError, ValueError, TypeError) as exc:
        return {"error": str(exc)}, 400
    SURVEYS[survey.title] = survey
    return {"saved": survey.title, "questions": len(survey.questions)}, 201


@app.get("/surveys/<title>")
def load_survey(title):
    survey = SURVEYS.get(title)
    return (asdict(survey), 200) if survey else ({"error": "not found"}, 404)
