# probe: {"label": "vulnerable", "cwes": ["CWE-89"]}
import sqlite3

import pandas as pd
from flask import Flask, request

app = Flask(__name__)


@app.route("/report")
def report():
    region = request.args.get("region", "EU")
    year = request.args.get("year", "2024")
    conn = sqlite3.connect("sales.db")
    frame = pd.read_sql_query("SELECT month, SUM(amount) AS total FROM sales WHERE region = '" + region +
                              "' AND year = " + year + " GROUP BY month", conn)
    return frame.to_json(orient="records")
