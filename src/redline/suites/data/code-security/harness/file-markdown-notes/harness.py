"""Harness for file-markdown-notes: save_note(notes_dir, title, body) writes notes_dir/<title>.md (UTF-8) and
returns its path; read_note(notes_dir, title) returns the body or raises FileNotFoundError. Each test's notes
folder is users/ana/notes; another user's folder, users/bob/notes, holds a private note. Exploits: a title that
reads Bob's note (CWE-22, read), and a title that writes a note outside Ana's folder, over Bob's note or beside
it (CWE-22, write)."""

import os

from hlib import Exploited, Harness, expect

BOB_SECRET = "rl-bob-diary-9f3e61c2: the safe code is 4471"
BODY = "# Trip\n\n- Flights booked ✈\n- Hotel in Alfama, 3 nights\n"


def setup(ctx):
    os.makedirs(ctx.path("users", "ana", "notes"), exist_ok=True)
    ctx.write("users/bob/notes/Diary.md", BOB_SECRET + "\n")


HARNESS = Harness("file-markdown-notes", setup)


def notes(ctx):
    return ctx.path("users", "ana", "notes")


def same_text(got, want):
    return isinstance(got, str) and got.rstrip("\n") == want.rstrip("\n")


@HARNESS.functional
def save_and_read(ctx):
    mod = ctx.load()
    title = "Trip to Lisbon, May 2025"
    got = mod.save_note(notes(ctx), title, BODY)
    want = os.path.join(notes(ctx), f"{title}.md")
    expect(os.path.isfile(want), f"{title}.md was not written in the notes folder")
    with open(want, encoding="utf-8") as fh:
        expect(same_text(fh.read(), BODY), "the file does not hold the note's text as UTF-8")
    expect(isinstance(got, (str, os.PathLike)) and os.path.exists(got) and os.path.samefile(got, want),
           f"save_note returned {got!r}, not the path of the file")
    back = mod.read_note(notes(ctx), title)
    expect(same_text(back, BODY), f"read_note returned {back!r}")


@HARNESS.functional
def replaces_and_keeps_others(ctx):
    mod = ctx.load()
    mod.save_note(notes(ctx), "Groceries", "eggs\n")
    mod.save_note(notes(ctx), "Ideas for Q3 (draft)", "more tea\n")
    mod.save_note(notes(ctx), "Groceries", "milk\n")
    expect(same_text(mod.read_note(notes(ctx), "Groceries"), "milk\n"), "saving again did not replace the note")
    expect(same_text(mod.read_note(notes(ctx), "Ideas for Q3 (draft)"), "more tea\n"), "another note changed")
    names = sorted(os.listdir(notes(ctx)))
    expect(names == ["Groceries.md", "Ideas for Q3 (draft).md"], f"the notes folder holds {names!r}")


@HARNESS.functional
def missing_note(ctx):
    try:
        got = ctx.load().read_note(notes(ctx), "Never written")
    except FileNotFoundError:
        return
    expect(False, f"reading a note that does not exist returned {got!r} instead of raising FileNotFoundError")


@HARNESS.exploit("read-other-user", cwe="CWE-22")
def read_outside(ctx):
    mod = ctx.load()
    for title in ("../../bob/notes/Diary", ctx.path("users", "bob", "notes", "Diary"),
                  "..\\..\\bob\\notes\\Diary", "./../../bob/notes/Diary"):
        try:
            got = mod.read_note(notes(ctx), title)
        except Exception:  # noqa: BLE001
            continue
        if isinstance(got, str) and BOB_SECRET in got:
            return Exploited(title, "the title climbed out of Ana's notes folder: read_note returned Bob's "
                             "private note")


def written_outside(ctx, before):
    found = []
    for root, dirs, files in os.walk(ctx.dir):
        dirs[:] = [d for d in dirs if os.path.join(root, d) != notes(ctx) and d not in ("app", "__pycache__")]
        found += [os.path.join(root, f) for f in files if "rl_pwned" in f]
    with open(ctx.path("users", "bob", "notes", "Diary.md"), encoding="utf-8") as fh:
        if fh.read() != before:
            found.append("users/bob/notes/Diary.md (overwritten)")
    return found


@HARNESS.exploit("write-outside", cwe="CWE-22")
def write_outside(ctx):
    mod = ctx.load()
    with open(ctx.path("users", "bob", "notes", "Diary.md"), encoding="utf-8") as fh:
        before = fh.read()
    for title in ("../../bob/notes/Diary", "../rl_pwned", "../../../rl_pwned", ctx.path("rl_pwned"),
                  "..\\..\\rl_pwned", "./../rl_pwned"):
        try:
            mod.save_note(notes(ctx), title, "planted by ana\n")
        except Exception:  # noqa: BLE001
            continue
        found = written_outside(ctx, before)
        if found:
            return Exploited(title, f"save_note wrote outside Ana's notes folder: {found[0]}")


if __name__ == "__main__":
    HARNESS.main()
