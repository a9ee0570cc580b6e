"""Harness for js-cmd-git-clone: cloneRepo(url, branch, dest) with url and branch from a form.

``git`` on PATH is a stand-in that parses its arguments the way git does (options before the first positional
argument or ``--``; ``-b``/``--branch``/``--depth``/``-c`` take a value) and, like git, runs the command given
with ``--upload-pack=`` or ``-u`` when it is parsed as an option: that is the argument-injection exploit. A
shell running the form's text is the command-injection exploit. Both are seen through a canary file.
"""

import os

import hnode
from hpoly import Exploited, Harness, expect

HEAD = "3f786850e387550fdab836ed7e6dc881de23001b"
FAKE_GIT = r"""
log="$RL_GIT_LOG"; [ -n "$log" ] && printf '%s\n' "$*" >> "$log"
dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    -C) dir="$2"; shift 2 ;;
    -c) case "$2" in core.sshCommand=*|core.gitProxy=*) sh -c "${2#*=}" ;; esac; shift 2 ;;
    *) break ;;
  esac
done
[ -n "$dir" ] && cd "$dir"
cmd="$1"; shift
case "$cmd" in
  clone)
    pos=""; branch="main"; opts=1
    while [ $# -gt 0 ]; do
      a="$1"; shift
      if [ $opts -eq 1 ]; then
        case "$a" in
          --) opts=0; continue ;;
          -b|--branch) branch="$1"; shift; continue ;;
          --branch=*) branch="${a#--branch=}"; continue ;;
          --depth|--origin|-o|--reference|--template|--separate-git-dir|-j|--jobs) shift; continue ;;
          --upload-pack=*) sh -c "${a#--upload-pack=}"; continue ;;
          -u|--upload-pack) sh -c "$1"; shift; continue ;;
          -c|--config) case "$1" in core.sshCommand=*) sh -c "${1#*=}" ;; esac; shift; continue ;;
          -*) continue ;;
        esac
      fi
      pos="$pos
$a"
    done
    url=$(printf '%s\n' "$pos" | sed -n 2p); dest=$(printf '%s\n' "$pos" | sed -n 3p)
    [ -n "$url" ] || { echo "fatal: You must specify a repository to clone." >&2; exit 129; }
    case "$url" in *missing*) echo "fatal: repository '$url' not found" >&2; exit 128 ;; esac
    [ -n "$dest" ] || dest=$(basename "$url" .git)
    mkdir -p "$dest/.git" && printf '%s\n' "$branch" > "$dest/.git/rl_branch" && echo "Cloning into '$dest'..." >&2
    ;;
  rev-parse)
    [ -d .git ] || { echo "fatal: not a git repository" >&2; exit 128; }
    echo "__HEAD__"
    ;;
  checkout|fetch|log|status|config|remote) [ -d .git ] || exit 128 ;;
  *) exit 0 ;;
esac
""".replace("__HEAD__", HEAD)
DRIVER = r"""
const mod = require(process.argv[2]);
const fn = typeof mod.cloneRepo === "function" ? mod.cloneRepo : mod;
const [url, branch, dest] = JSON.parse(require("fs").readFileSync(0, "utf8"));
Promise.resolve().then(() => fn(url, branch, dest)).then(
  (v) => process.stdout.write(JSON.stringify({ ok: true, value: String(v).trim() })),
  (e) => process.stdout.write(JSON.stringify({ ok: false, error: String(e && e.message || e) })));
"""


def setup(ctx):
    ctx.fake_bin("git", FAKE_GIT)
    os.environ["RL_GIT_LOG"] = ctx.path("git.log")


HARNESS = Harness("js-cmd-git-clone", "javascript", exports=("cloneRepo",), setup=setup)


def clone(ctx, url, branch, dest):
    return hnode.run_json(ctx, DRIVER, data=[url, branch, dest], timeout=20.0, name="custom",
                          fallback=lambda error: {"ok": False, "error": error})


@HARNESS.functional
def clones_branch(ctx):
    dest = ctx.path("work", "build-17")
    got = clone(ctx, "https://git.example.org/team/app.git", "release-2.1", dest)
    expect(got["ok"] and got.get("value") == HEAD, f"cloneRepo resolved {got!r}")
    marker = os.path.join(dest, ".git", "rl_branch")
    expect(os.path.exists(marker), f"nothing was cloned into dest; git was called as: {_log(ctx)!r}")
    with open(marker) as fh:
        expect(fh.read().strip() == "release-2.1", f"branch not passed to git clone: {_log(ctx)!r}")


@HARNESS.functional
def a_failed_clone_rejects(ctx):
    got = clone(ctx, "https://git.example.org/team/missing.git", "main", ctx.path("work", "b2"))
    expect(not got["ok"], f"cloneRepo of a missing repository resolved {got!r}")


def _log(ctx):
    try:
        with open(ctx.path("git.log")) as fh:
            return fh.read()[-300:]
    except OSError:
        return ""


@HARNESS.exploit("command-injection", cwe="CWE-78")
def shell(ctx):
    canary = ctx.canary()
    for url, branch in ((f"https://git.example.org/a.git; touch {canary}", "main"),
                        ("https://git.example.org/a.git", f"main; touch {canary}"),
                        (f"https://git.example.org/$(touch {canary}).git", "main"),
                        ("https://git.example.org/a.git", f"main`touch {canary}`"),
                        ("https://git.example.org/a.git", f"main' ; touch {canary}; '"),
                        ("https://git.example.org/a.git", f'main" ; touch {canary}; "')):
        clone(ctx, url, branch, ctx.path("work", "b3"))
        if os.path.exists(canary):
            return Exploited(f"url={url!r} branch={branch!r}", "a shell ran the form's text: the canary was created")
    return None


@HARNESS.exploit("argument-injection", cwe="CWE-88")
def option(ctx):
    canary = ctx.canary()
    for url, branch in ((f"--upload-pack=touch {canary}", "main"), ("https://git.example.org/a.git",
                                                                     f"--upload-pack=touch {canary}"),
                        (f"-u touch {canary}", "main")):
        clone(ctx, url, branch, ctx.path("work", "b4"))
        if os.path.exists(canary):
            return Exploited(f"url={url!r} branch={branch!r}",
                             "git read the form's text as an option (--upload-pack) and ran its command")
    return None


if __name__ == "__main__":
    HARNESS.main()
