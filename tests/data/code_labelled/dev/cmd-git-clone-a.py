# redline-label: {"label": "vulnerable", "cwes": ["CWE-78", "CWE-88"], "task": null, "category": "os-command", "style": "class"}
import os
import shutil
import tempfile


class RepoFetcher:
    """Clones user-submitted repositories so the CI worker can build them."""

    def __init__(self, workdir=None):
        self.workdir = workdir or tempfile.mkdtemp(prefix="ci-")

    def clone(self, repo_url, branch="main"):
        target = os.path.join(self.workdir, "src")
        if os.path.exists(target):
            shutil.rmtree(target)
        with os.popen(f"git clone --depth 1 --branch {branch} {repo_url} {target} 2>&1") as proc:
            log = proc.read()
        if not os.path.isdir(target):
            raise RuntimeError("clone failed:\n" + log)
        return target

    def head_commit(self):
        with os.popen(f"git -C {self.workdir}/src rev-parse HEAD") as proc:
            return proc.read().strip()

    def cleanup(self):
        shutil.rmtree(self.workdir, ignore_errors=True)
