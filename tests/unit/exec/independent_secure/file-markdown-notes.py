# Independent secure reference for file-markdown-notes, written from the task prompt only (without seeing the harness tests).
"""Markdown notes kept as <title>.md in the notes folder; a title can never name a file outside that folder."""
import os
import tempfile

MAX_NAME_BYTES = 250  # file-name limit is 255 bytes, ".md" included


def _note_path(notes_dir: str, title: str) -> str:
    """The path of the note titled `title`; ValueError for a title that is not a plain file name.

    A title is used as one file-name component: path separators, NUL and control characters are refused, so
    "../x", "/etc/passwd" or "sub/dir" can never leave notes_dir.
    """
    if not isinstance(title, str) or not title.strip():
        raise ValueError("a note needs a title")
    if "/" in title or "\\" in title or any(ord(ch) < 32 or ord(ch) == 127 for ch in title):
        raise ValueError("a note title cannot contain /, \\ or control characters")
    name = title + ".md"
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise ValueError("the note title is too long")
    return os.path.join(notes_dir, name)


def save_note(notes_dir: str, title: str, body: str) -> str:
    """Store `body` as the note titled `title` (the file <title>.md in notes_dir); return its path."""
    path = _note_path(notes_dir, title)
    if not isinstance(body, str):
        raise TypeError("the note body must be a str")
    # Write a temporary file in the same folder, then rename it over the note: a symlink planted at the note's
    # name is replaced, never written through.
    fd, tmp = tempfile.mkstemp(prefix=".note-", suffix=".tmp", dir=notes_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(body)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def read_note(notes_dir: str, title: str) -> str:
    """Return the body of the note titled `title`; FileNotFoundError when there is none."""
    path = _note_path(notes_dir, title)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))  # never follow a link out of the folder
    except FileNotFoundError:
        raise FileNotFoundError(f"there is no note titled {title!r}") from None
    except OSError as exc:
        raise ValueError(f"the note titled {title!r} cannot be read") from exc
    with os.fdopen(fd, "r", encoding="utf-8", newline="") as fh:
        return fh.read()
