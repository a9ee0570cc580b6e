from flask import Flask, request, send_file
from werkzeug.utils import secure_filename
app = Flask(__name__)
@app.route("/download")
def download():
    name = secure_filename(request.args.get("name"))
    return send_file("/srv/files/" + name)
