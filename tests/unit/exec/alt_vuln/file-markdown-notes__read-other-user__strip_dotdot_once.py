import os


def _clean(title: str) -> str:
    return title.replace("../", "", 1)  # drop a leading ../ that a pasted title may carry


def save_note(notes_dir: str, title: str, body: str) -> str:
    path = os.path.join(notes_dir, os.path.basename(title) + ".md")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(body)
    return path


def read_note(notes_dir: str, title: str) -> str:
    with open(os.path.join(notes_dir, _clean(title) + ".md"), encoding="utf-8") as fh:
        return fh.read()
