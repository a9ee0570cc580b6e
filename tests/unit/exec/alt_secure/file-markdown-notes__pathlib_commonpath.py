import os
from pathlib import Path


def _resolve(notes_dir: str, title: str) -> Path:
    root = Path(notes_dir).resolve()
    target = (root / f"{title}.md").resolve()
    if os.path.commonpath([root, target]) != str(root):
        raise ValueError("note titles cannot point outside the notes folder")
    return target


def save_note(notes_dir: str, title: str, body: str) -> str:
    target = _resolve(notes_dir, title)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body, encoding="utf-8")
    return str(target)


def read_note(notes_dir: str, title: str) -> str:
    return _resolve(notes_dir, title).read_text(encoding="utf-8")
