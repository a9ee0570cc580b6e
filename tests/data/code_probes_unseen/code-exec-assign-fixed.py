# probe: {"label": "secure", "cwes": ["CWE-95"]}
from fastapi import FastAPI

api = FastAPI()


@api.get("/convert")
def convert(value: float, unit: str = "km"):
    factor = 1000 if unit == "km" else 1
    return {"meters": value * factor}
