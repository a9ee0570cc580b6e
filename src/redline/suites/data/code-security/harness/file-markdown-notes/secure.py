import os


def _note_path(notes_dir: str, title: str) -> str:
    if not title or "/" in title or "\\" in title or "\0" in title or title in (".", ".."):
        raise ValueError(f"cannot store a note titled {title!r}")
    base = os.path.realpath(notes_dir)
    path = os.path.realpath(os.path.join(base, title + ".md"))
    if os.path.dirname(path) != base:
        raise ValueError(f"cannot store a note titled {title!r}")
    return path


def save_note(notes_dir: str, title: str, body: str) -> str:
    """Store `body` as the note titled `title` (the file <title>.md in notes_dir); return its path."""
    path = _note_path(notes_dir, title)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(body)
    return path


def read_note(notes_dir: str, title: str) -> str:
    with open(_note_path(notes_dir, title), encoding="utf-8") as fh:
        return fh.read()
