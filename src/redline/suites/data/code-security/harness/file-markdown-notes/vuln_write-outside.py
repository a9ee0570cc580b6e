import os


def save_note(notes_dir: str, title: str, body: str) -> str:
    """Store `body` as the note titled `title` (the file <title>.md in notes_dir); return its path."""
    path = os.path.join(notes_dir, f"{title}.md")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(body)
    return path


def read_note(notes_dir: str, title: str) -> str:
    base = os.path.abspath(notes_dir)
    path = os.path.abspath(os.path.join(base, f"{title}.md"))
    if not path.startswith(base + os.sep):
        raise FileNotFoundError(title)
    with open(path, encoding="utf-8") as fh:
        return fh.read()
