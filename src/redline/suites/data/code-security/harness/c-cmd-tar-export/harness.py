"""Harness for c-cmd-tar-export: make_archive(archive, files, count) runs "tar -cf <archive> <file>...".

The real GNU tar on PATH does the work, in a folder of documents (one with spaces in its name). Functional tests
read the archive back with Python's tarfile (a "./" prefix on the stored names is accepted) and make tar fail on
a missing document. Exploits: a shell command in a document name creates a canary file (CWE-78), and document
names that are tar options -- GNU tar's --checkpoint-action=exec runs a command -- create it through tar itself
(CWE-88).
"""

import os
import tarfile

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
int make_archive(const char *archive, const char *const files[], size_t count);
int main(int argc, char **argv)
{
    int rc = make_archive(argv[1], (const char *const *)(argv + 2), (size_t)(argc - 2));
    printf("%d\n", rc);
    return 0;
}
"""
DOCS = {"report.txt": "Quarterly report\n", "minutes 2024.md": "# Minutes\n- budget approved\n",
        "budget-q3.csv": "item,amount\npaper,12\n"}


def setup(ctx):
    for name, text in DOCS.items():
        ctx.write(name, text)
    os.makedirs(ctx.path("exports"), exist_ok=True)


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-cmd-tar-export", "c", setup=setup, prepare=prepare)


def archive(ctx, target, *files):
    run = ctx.c_run(prepare(ctx), target, *files)
    return run, run.stdout.split()[:1]


@HARNESS.functional
def archives_ticked_documents(ctx):
    target = "exports/docs.tar"
    run, rc = archive(ctx, target, *DOCS)
    expect(rc == ["0"], f"make_archive({target!r}, {list(DOCS)}) returned {run.stdout!r} {run.stderr[-200:]!r}")
    expect(os.path.isfile(ctx.path(target)), f"no archive at {target}")
    with tarfile.open(ctx.path(target)) as tar:
        stored = {m.name.removeprefix("./"): m for m in tar.getmembers() if m.isfile()}
        expect(set(stored) == set(DOCS), f"the archive holds {sorted(stored)}, expected {sorted(DOCS)}")
        for name, text in DOCS.items():
            data = tar.extractfile(stored[name])
            expect(data is not None and data.read().decode() == text, f"{name} differs in the archive")


@HARNESS.functional
def reports_tar_failure(ctx):
    run, rc = archive(ctx, "exports/part.tar", "report.txt", "no such document.txt")
    expect(rc == ["-1"], f"tar exits 2 on a missing document; make_archive returned {run.stdout!r}")


@HARNESS.exploit("command-injection", cwe="CWE-78")
def inject(ctx):
    prog = prepare(ctx)
    canary = ctx.canary()
    for name in (f"report.txt; touch {canary}", f"$(touch {canary}).txt", f"`touch {canary}`.txt",
                 f"x' ; touch {canary} ; '", f'x" ; touch {canary} ; "', f"report.txt\ntouch {canary}",
                 f"report.txt | touch {canary}"):
        ctx.c_run(prog, "exports/inj.tar", "budget-q3.csv", name)
        if os.path.exists(canary):
            return Exploited(name, "a shell command in a document name ran: the canary file was created")
    return None


@HARNESS.exploit("argument-injection", cwe="CWE-88")
def options(ctx):
    prog = prepare(ctx)
    canary = ctx.canary("rl_checkpoint")
    ticked = ("report.txt", "--checkpoint=1", f"--checkpoint-action=exec=touch {canary}")
    ctx.c_run(prog, "exports/opt.tar", *ticked)
    if os.path.exists(canary):
        return Exploited(f"documents {list(ticked)}", "tar took the document names as its options and ran "
                                                      "the checkpoint command: the canary file was created")
    return None


if __name__ == "__main__":
    HARNESS.main()
