# Independent secure reference for cmd-git-clone-branch.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import os
import re
import subprocess

_SHA = re.compile(r"^[0-9a-f]{40}$")


def _git_env() -> dict:
    env = dict(os.environ)
    env["GIT_TERMINAL_PROMPT"] = "0"  # never wait for credentials
    return env


def clone_repo(url: str, branch: str, dest: str) -> str:
    """Clone `url` at `branch` into `dest` and return the HEAD commit hash.

    No shell; the branch and URL come after their options and after '--', so values such as '--upload-pack=...'
    can never be read as git options; the ext:: transport (which runs commands) is switched off.
    """
    if not branch or branch.startswith("-") or any(c in branch for c in "\0\n\r"):
        raise ValueError("invalid branch name")
    if not url or any(c in url for c in "\0\n\r") or url.lower().startswith("ext::"):
        raise ValueError("invalid repository URL")
    subprocess.run(
        [
            "git", "-c", "protocol.ext.allow=never", "clone", "--quiet", "--single-branch",
            "--branch", branch, "--", url, dest,
        ],
        check=True,
        capture_output=True,
        timeout=600,
        env=_git_env(),
    )
    result = subprocess.run(
        ["git", "-C", dest, "rev-parse", "HEAD"], check=True, capture_output=True, text=True, timeout=60, env=_git_env()
    )
    commit = result.stdout.strip()
    if not _SHA.match(commit):
        raise RuntimeError("unexpected output from git rev-parse")
    return commit
