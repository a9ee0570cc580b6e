# probe: {"label": "secure", "cwes": ["CWE-89"]}
from fastapi import FastAPI
from sqlalchemy import create_engine, text

engine = create_engine("sqlite:///library.db")
api = FastAPI()


@api.get("/books")
def find_books(author: str, limit: int = 20):
    stmt = text("SELECT title, year FROM books WHERE author LIKE :pattern LIMIT :n")
    with engine.connect() as conn:
        result = conn.execute(stmt, {"pattern": f"%{author}%", "n": limit})
        return [{"title": t, "year": y} for t, y in result]
