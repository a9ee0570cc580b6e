import os, jwt
def issue(payload):
    return jwt.encode(payload, os.environ["JWT_KEY"], algorithm="HS256")
