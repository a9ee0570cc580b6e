import os


def save_note(notes_dir: str, title: str, body: str) -> str:
    """Store `body` as the note titled `title` (the file <title>.md in notes_dir); return its path."""
    name = os.path.basename(title) + ".md"  # titles never name folders
    path = os.path.join(notes_dir, name)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(body)
    return path


def read_note(notes_dir: str, title: str) -> str:
    with open(os.path.join(notes_dir, f"{title}.md"), encoding="utf-8") as fh:
        return fh.read()
