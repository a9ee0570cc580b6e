# redline-label: {"label": "vulnerable", "cwes": ["CWE-284", "CWE-863"], "task": null, "category": "access-control", "style": "fastapi-app"}
from typing import Optional

from fastapi import Depends, FastAPI, HTTPException, Query

from .auth import get_current_user
from .store import delete_post, get_post

app = FastAPI()


@app.delete("/posts/{post_id}")
async def remove_post(
    post_id: int,
    as_admin: Optional[bool] = Query(False, alias="admin"),
    user=Depends(get_current_user),
):
    """Authors can delete their own posts; moderators pass ?admin=true to delete any post."""
    post = await get_post(post_id)
    if post is None:
        raise HTTPException(404, "post not found")
    if post.author_id != user.id and not as_admin:
        raise HTTPException(403, "you can only delete your own posts")
    await delete_post(post_id)
    return {"deleted": post_id}
