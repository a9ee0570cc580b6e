"""Harness for js-file-temp-export: exportCsv(rows) writes a new temporary CSV file and returns its path.

The exploit is the attacker who shares the temporary folder: after a first export it plants a symlink at the
path that export used (pointing at a file of the victim's) and asks for a second export. A name that repeats
and a write that follows the link overwrite the victim's file.
"""

import csv
import io
import json
import os

from hpoly import Exploited, Harness, expect

HARNESS = Harness("js-file-temp-export", "javascript", exports=("exportCsv",))
ROWS = [["id", "name", "total"], ["1", "Ann", "9.50"], ["2", "Bo", "12.00"]]


def export(ctx, rows):
    got = ctx.js_call("exportCsv", json.dumps(rows), parse=(0,))
    expect(got["ok"] and isinstance(got["value"], str), f"exportCsv failed: {got.get('error', got.get('value'))}")
    return got["value"]


@HARNESS.functional
def writes_csv(ctx):
    path = export(ctx, ROWS)
    expect(os.path.isfile(path), f"exportCsv returned {path!r}, which is not a file")
    with open(path, newline="") as fh:
        got = [row for row in csv.reader(io.StringIO(fh.read())) if row]
    expect(got == ROWS, f"the file holds {got!r}")


@HARNESS.exploit("predictable-temp-file", cwe="CWE-377")
def symlink_race(ctx):
    first = export(ctx, ROWS)
    victim = ctx.write("victim/settings.json", '{"keep": true}\n')
    os.unlink(first)  # the mailer deleted it after sending
    os.symlink(victim, first)
    try:
        export(ctx, [["evil", "row"]])
    except AssertionError:
        pass  # refusing to write through the link is the secure outcome
    with open(victim) as fh:
        text = fh.read()
    if "evil" in text:
        return Exploited(f"a symlink at {os.path.basename(first)!r} to another file",
                         "the second export reused the name and wrote through the link into the victim's file")
    return None


if __name__ == "__main__":
    HARNESS.main()
