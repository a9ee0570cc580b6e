# probe: {"label": "vulnerable", "cwes": ["CWE-501"]}
from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = b"k"


@app.before_request
def remember_tenant():
    tenant = request.headers.get("X-Tenant")
    if tenant:
        session["tenant"] = tenant
