"""Headless Chromium (Debian's chromium + chromedriver, driven by Selenium) for report checks.

`open_page(path)` loads a local HTML file and returns what a reviewer needs: console messages, every network
request the page attempted, whether a planted script ran, and the rendered text.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest


@dataclass
class PageCheck:
    console: list[dict[str, Any]] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    pwned: bool = False
    text: str = ""  # visible text
    content: str = ""  # all text content, collapsed sections included
    title: str = ""
    svg_count: int = 0
    screenshot: bytes = b""

    @property
    def errors(self) -> list[dict[str, Any]]:
        return [m for m in self.console if m.get("level") in ("SEVERE", "ERROR")]

    @property
    def external_requests(self) -> list[str]:
        """Requests that would leave the machine (the browser's own chrome:// pages are not the report's)."""
        return [u for u in self.requests if u.startswith(("http:", "https:", "ws:", "wss:", "ftp:", "//"))]


def browser_available() -> bool:
    return bool(shutil.which("chromium") and shutil.which("chromedriver"))


def require_browser() -> None:
    if not browser_available():
        pytest.skip("headless Chromium (Debian chromium + chromium-driver) is not installed")


def open_page(path: Path, *, script: str | None = None) -> PageCheck:
    """Load ``path`` headless; optionally run ``script`` (e.g. clicking filters) before collecting results."""
    require_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or ""
    profile = tempfile.mkdtemp(prefix="redline-chrome-")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
                f"--user-data-dir={profile}", "--window-size=1280,2000"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or ""), options=opts)
    try:
        driver.get(path.resolve().as_uri())
        if script:
            driver.execute_script(script)
        check = PageCheck()
        check.pwned = bool(driver.execute_script("return window.__redline_pwned === true"))
        check.text = driver.find_element("tag name", "body").text
        check.content = str(driver.execute_script("return document.body.textContent"))
        check.title = driver.title
        check.svg_count = int(driver.execute_script("return document.querySelectorAll('svg').length"))
        check.screenshot = driver.get_screenshot_as_png()
        check.console = list(driver.get_log("browser"))
        for entry in driver.get_log("performance"):
            msg = json.loads(entry["message"])["message"]
            if msg.get("method") == "Network.requestWillBeSent":
                check.requests.append(msg["params"]["request"]["url"])
        return check
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
