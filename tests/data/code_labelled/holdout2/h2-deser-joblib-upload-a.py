# redline-label: {"label": "vulnerable", "cwes": ["CWE-502"], "task": null, "category": "deserialization", "style": "flask-app"}
import io
import os

import joblib
import pandas as pd
from flask import Flask, jsonify, request
from flask_login import LoginManager, login_required

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
LoginManager(app)


@app.post("/models/evaluate")
@login_required
def evaluate_model():
    """Data-science sandbox: upload a trained scikit-learn model (.joblib) and a CSV, get predictions back."""
    model_file = request.files["model"]
    data_file = request.files["data"]
    model = joblib.load(io.BytesIO(model_file.read()))
    frame = pd.read_csv(data_file)
    predictions = model.predict(frame)
    return jsonify(predictions=predictions.tolist()[:1000])
