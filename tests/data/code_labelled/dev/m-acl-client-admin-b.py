# redline-label: {"label": "secure", "cwes": ["CWE-285", "CWE-639"], "task": null, "category": "access-control", "style": "fastapi-app"}
from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel
from sqlalchemy.orm import Session

from .auth import get_current_user
from .db import get_db
from .models import Post, User

app = FastAPI()


class DeletePostRequest(BaseModel):
    reason: str = ""


@app.post("/posts/{post_id}/delete")
def delete_post(
    post_id: int,
    body: DeletePostRequest,
    user: User = Depends(get_current_user),
    db: Session = Depends(get_db),
):
    post = db.get(Post, post_id)
    if post is None:
        raise HTTPException(status_code=404)
    # authors can delete their own posts; admins (role stored server-side) can delete anything
    if post.author_id != user.id and user.role != "admin":
        raise HTTPException(status_code=403, detail="not your post")
    post.deleted = True
    post.deleted_reason = body.reason
    db.commit()
    return {"deleted": post.id}
