# redline-label: {"label": "secure", "cwes": ["CWE-502"], "task": null, "category": "deserialization", "style": "fastapi-app"}
import yaml
from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel, ValidationError

app = FastAPI()


class Ingredient(BaseModel):
    name: str
    quantity: float
    unit: str = ""


class Recipe(BaseModel):
    title: str
    servings: int
    ingredients: list[Ingredient]
    steps: list[str]


@app.post("/recipes/import")
async def import_recipe(request: Request):
    """Accept a recipe written in YAML (the format our mobile app exports)."""
    body = await request.body()
    try:
        data = yaml.safe_load(body)
        recipe = Recipe.model_validate(data)
    except (yaml.YAMLError, ValidationError) as exc:
        raise HTTPException(status_code=422, detail=str(exc))
    return {"title": recipe.title, "ingredients": len(recipe.ingredients)}
