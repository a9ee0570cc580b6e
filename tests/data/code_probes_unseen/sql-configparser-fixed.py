# probe: {"label": "secure", "cwes": ["CWE-89"]}
import configparser
import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/members/rename", methods=["POST"])
def rename():
    cfg = configparser.ConfigParser()
    cfg.add_section("input")
    cfg.set("input", "fixed", "nobody")
    cfg.set("input", "given", request.form.get("new_name", ""))
    new_name = cfg.get("input", "fixed")
    conn = sqlite3.connect("club.db")
    conn.execute("UPDATE members SET name = '%s' WHERE id = 1" % new_name)
    conn.commit()
    return "renamed"
