# redline-label: {"label": "secure", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "function"}
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from library.models import Author, Book


def search_catalogue(session: Session, q: str, limit: int = 25) -> list[Book]:
    """Case-insensitive search over titles, ISBNs and author names."""
    q = q.strip()
    if not q:
        return []
    escaped = q.replace("\\", "\\\\").replace("%", r"\%").replace("_", r"\_")
    pattern = f"%{escaped}%"
    stmt = (
        select(Book)
        .join(Book.author)
        .where(
            or_(
                Book.title.ilike(pattern, escape="\\"),
                Book.isbn == q,
                Author.name.ilike(pattern, escape="\\"),
            )
        )
        .order_by(Book.title)
        .limit(limit)
    )
    return list(session.scalars(stmt))
