import jwt
def issue(payload):
    return jwt.encode(payload, "my-signing-key", algorithm="HS256")
