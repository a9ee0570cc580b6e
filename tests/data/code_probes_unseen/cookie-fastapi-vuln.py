# probe: {"label": "vulnerable", "cwes": ["CWE-614"]}
import uuid

from fastapi import FastAPI, Response

api = FastAPI()
CARTS = {}


@api.post("/cart")
def new_cart(response: Response):
    cart_id = str(uuid.uuid4())
    CARTS[cart_id] = []
    response.set_cookie(key="cart_id", value=cart_id)
    return {"cart": cart_id}
