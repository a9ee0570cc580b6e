# probe: {"label": "vulnerable", "cwes": ["CWE-95"]}
from fastapi import FastAPI

api = FastAPI()


@api.get("/convert")
def convert(value: str, unit: str = "km"):
    scope = {}
    exec(f"result = {value} * 1000 if '{unit}' == 'km' else {value}", {}, scope)
    return {"meters": scope["result"]}
