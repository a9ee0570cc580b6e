# redline-label: {"label": "vulnerable", "cwes": ["CWE-352"], "task": null, "category": "web-output", "style": "flask-app"}
import os
from datetime import datetime

from flask import Flask, abort, redirect, render_template, request, session, url_for
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///blog.db"
db = SQLAlchemy(app)


class Comment(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    post_id = db.Column(db.Integer, nullable=False, index=True)
    author_id = db.Column(db.Integer, nullable=False)
    body = db.Column(db.Text, nullable=False)
    created = db.Column(db.DateTime, default=datetime.utcnow)


@app.route("/posts/<int:post_id>/comments", methods=["POST"])
def add_comment(post_id):
    if "user_id" not in session:
        abort(401)
    body = request.form.get("body", "").strip()
    if body:
        db.session.add(Comment(post_id=post_id, author_id=session["user_id"], body=body))
        db.session.commit()
    return redirect(url_for("show_post", post_id=post_id))


@app.route("/comments/<int:comment_id>/delete", methods=["POST"])
def delete_comment(comment_id):
    comment = Comment.query.get_or_404(comment_id)
    if comment.author_id != session.get("user_id"):
        abort(403)
    db.session.delete(comment)
    db.session.commit()
    return redirect(url_for("show_post", post_id=comment.post_id))


@app.route("/posts/<int:post_id>")
def show_post(post_id):
    comments = Comment.query.filter_by(post_id=post_id).order_by(Comment.created).all()
    return render_template("post.html", post_id=post_id, comments=comments)
