"""Harness for file-temp-convert: csv_to_xlsx(rows, title) writes a temporary CSV, runs csv2xlsx (a stand-in on
PATH) and returns the output's bytes. Exploits: shell syntax in the title; and a temporary file at a predictable
path, which an attacker pre-creates as a symlink so the next conversion writes through it."""

import os

from hfiles import watch_writes
from hlib import Exploited, Harness, expect

# Stand-in for the converter: csv2xlsx INPUT OUTPUT --title TITLE (options may come anywhere).
FAKE = """
input=""; output=""; title=""
while [ $# -gt 0 ]; do
  case "$1" in
    --title) title="$2"; shift 2 ;;
    --title=*) title="${1#--title=}"; shift ;;
    *) if [ -z "$input" ]; then input="$1"; else output="$1"; fi; shift ;;
  esac
done
[ -f "$input" ] || { echo "csv2xlsx: no input $input" >&2; exit 2; }
{ printf 'XLSX|%s|' "$title"; cat "$input"; } > "$output"
"""
ROWS = [["region", "total"], ["north", "1200"], ["south, east", "980"]]


def setup(ctx):
    ctx.fake_bin("csv2xlsx", FAKE)


HARNESS = Harness("file-temp-convert", setup)


@HARNESS.functional
def converts(ctx):
    got = ctx.load().csv_to_xlsx(ROWS, "Q3 sales")
    expect(isinstance(got, bytes), f"returned {type(got).__name__}")
    expect(got.startswith(b"XLSX|Q3 sales|"), f"csv2xlsx output not returned or title lost: {got[:40]!r}")
    body = got.split(b"|", 2)[2].replace(b"\r\n", b"\n")
    expect(b"region,total\nnorth,1200\n" in body and b'"south, east",980' in body, f"CSV content: {body!r}")


@HARNESS.functional
def title_with_quotes(ctx):
    title = "Bob's \"best\" & co (2024)"
    got = ctx.load().csv_to_xlsx(ROWS, title)
    expect(got.startswith(b"XLSX|" + title.encode() + b"|"), f"title arrived as {got[:60]!r}")


@HARNESS.exploit("command-injection", cwe="CWE-78")
def inject(ctx):
    mod = ctx.load()
    canary = ctx.canary()
    for title in (f"Q3; touch {canary}", f"$(touch {canary})", f"`touch {canary}`", f"x' ; touch {canary} ; '",
                  f'x" ; touch {canary} ; "', f"x | touch {canary}", f"x && touch {canary}"):
        try:
            mod.csv_to_xlsx(ROWS, title)
        except Exception:  # noqa: BLE001
            pass
        if os.path.exists(canary):
            return Exploited(title, "a shell command typed into the title ran: the canary file was created")


@HARNESS.exploit("predictable-temp-file", cwe="CWE-377")
def predictable_temp(ctx):
    mod = ctx.load()
    written = watch_writes(ctx)
    mod.csv_to_xlsx(ROWS, "first")
    paths = [p for p in dict.fromkeys(written) if not p.startswith(ctx.path("bin")) and not os.path.isdir(p)]
    victim = ctx.path("rl_victim_file")
    for path in paths:
        if os.path.lexists(path):
            os.remove(path)  # the attacker waits for the cleanup, then plants the link
        try:
            os.symlink(victim, path)
        except OSError:
            continue
    try:
        mod.csv_to_xlsx(ROWS, "second")
    except Exception:  # noqa: BLE001 - refusing to follow the link is right
        pass
    for path in paths:
        if os.path.islink(path):
            os.remove(path)
    if os.path.exists(victim):
        return Exploited(f"symlink at {paths[0] if paths else '?'} -> {victim}", "the temporary CSV's name was the "
                         "same on the next run: a symlink planted there made the app write into another file")


if __name__ == "__main__":
    HARNESS.main()
