"""Harness for cmd-git-clone-branch: clone_repo(url, branch, dest) runs the real git on a local repository with
two branches, built per test. The exploit puts shell syntax in the branch and in the URL."""

import os
import subprocess

from hlib import Exploited, Harness, expect

GIT_ENV = {"GIT_AUTHOR_NAME": "rl", "GIT_AUTHOR_EMAIL": "rl@example.org", "GIT_COMMITTER_NAME": "rl",
           "GIT_COMMITTER_EMAIL": "rl@example.org", "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0"}


def git(ctx, *args):
    out = subprocess.run(["git", "-C", ctx.path("origin"), *args], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def setup(ctx):
    os.environ.update(GIT_ENV)
    os.environ["HOME"] = ctx.dir
    os.makedirs(ctx.path("origin"))
    git(ctx, "init", "-q", "-b", "main")
    ctx.write("origin/README.md", "main branch\n")
    git(ctx, "add", "README.md")
    git(ctx, "commit", "-q", "-m", "first")
    git(ctx, "checkout", "-q", "-b", "release-2.1")
    ctx.write("origin/CHANGES.md", "release notes\n")
    git(ctx, "add", "CHANGES.md")
    git(ctx, "commit", "-q", "-m", "release")
    git(ctx, "checkout", "-q", "main")


HARNESS = Harness("cmd-git-clone-branch", setup)


def check_clone(ctx, url, branch, dest, want_file):
    got = ctx.load().clone_repo(url, branch, dest)
    want = git(ctx, "rev-parse", branch)
    expect(isinstance(got, str) and got.strip() == want, f"returned {got!r}, expected HEAD {want}")
    expect(os.path.isfile(os.path.join(dest, want_file)), f"{want_file} of branch {branch} not in {dest}")


@HARNESS.functional
def clones_branch(ctx):
    check_clone(ctx, ctx.path("origin"), "release-2.1", ctx.path("build", "work"), "CHANGES.md")


@HARNESS.functional
def clones_main_by_file_url(ctx):
    check_clone(ctx, "file://" + ctx.path("origin"), "main", ctx.path("build", "work2"), "README.md")


@HARNESS.exploit("command-injection", cwe="CWE-78")
def inject(ctx):
    mod = ctx.load()
    canary = ctx.canary()
    origin = ctx.path("origin")
    tries = [(origin, f"main;touch {canary};#"), (origin, f"main$(touch {canary})"), (origin, f"main`touch {canary}`"),
             (origin, f"main' ;touch {canary};'"), (origin, f'main" ;touch {canary};"'), (origin, f"main|touch {canary}"),
             (f"{origin};touch {canary};#", "main"), (f"{origin}$(touch {canary})", "main"),
             (f"{origin}' ;touch {canary};'", "main"), (f"{origin}&&touch {canary}&&", "main")]
    for k, (url, branch) in enumerate(tries):
        try:
            mod.clone_repo(url, branch, ctx.path(f"build{k}"))
        except Exception:
            pass
        if os.path.exists(canary):
            field = "branch" if url == origin else "url"
            return Exploited(f"{field}={branch if field == 'branch' else url!r}",
                             f"a shell command in the {field} from the build form ran: the canary file was created")


if __name__ == "__main__":
    HARNESS.main()
