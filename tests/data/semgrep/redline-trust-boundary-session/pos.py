from flask import request, session


def remember():
    session["role"] = request.args.get("role", "guest")
    return "saved"
