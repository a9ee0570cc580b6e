# redline-label: {"label": "secure", "cwes": ["CWE-78", "CWE-88"], "task": null, "category": "os-command", "style": "class"}
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlparse

BRANCH_RE = re.compile(r"^[A-Za-z0-9._/-]{1,100}$")


class RepoFetcher:
    """Clones user-submitted repositories so the CI worker can build them."""

    def __init__(self, workdir: Path | None = None) -> None:
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="ci-"))

    @staticmethod
    def _check(repo_url: str, branch: str) -> None:
        parsed = urlparse(repo_url)
        if parsed.scheme != "https" or not parsed.netloc:
            raise ValueError("only https:// repository URLs are accepted")
        if not BRANCH_RE.match(branch) or branch.startswith("-"):
            raise ValueError("invalid branch name")

    def clone(self, repo_url: str, branch: str = "main") -> Path:
        self._check(repo_url, branch)
        target = self.workdir / "src"
        shutil.rmtree(target, ignore_errors=True)
        subprocess.run(
            ["git", "clone", "--depth", "1", "--branch", branch, "--", repo_url, str(target)],
            check=True,
            capture_output=True,
            timeout=300,
        )
        return target

    def head_commit(self) -> str:
        out = subprocess.run(
            ["git", "-C", str(self.workdir / "src"), "rev-parse", "HEAD"],
            check=True, capture_output=True, text=True, timeout=30,
        )
        return out.stdout.strip()

    def cleanup(self) -> None:
        shutil.rmtree(self.workdir, ignore_errors=True)
