"""`redline view` in headless Chromium: filters, the pair view, hostile output shown as text, no external requests."""

from __future__ import annotations

import json
import shutil
import tempfile
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from redline.viewer.app import Viewer
from redline.viewer.index import open_catalog
from redline.viewer.server import make_server
from tests.support.browser import browser_available
from tests.support.viewer_runs import HOSTILE_CASE, PLANT, make_runs

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not browser_available(), reason="headless Chromium not installed")]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("runs")
    make_runs(root)
    server = make_server(Viewer(open_catalog([root])), 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or ""
    profile = tempfile.mkdtemp(prefix="redline-chrome-")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
                f"--user-data-dir={profile}", "--window-size=1400,1600"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    drv = webdriver.Chrome(service=Service(shutil.which("chromedriver") or ""), options=opts)
    yield drv
    drv.quit()
    shutil.rmtree(profile, ignore_errors=True)


def requests_and_errors(drv: Any) -> tuple[list[str], list[dict[str, Any]]]:
    urls = []
    for entry in drv.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg.get("method") == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    errors = [m for m in drv.get_log("browser") if m.get("level") in ("SEVERE", "ERROR")]
    return urls, errors


def follow(drv: Any, element: Any) -> None:
    """Click a link or button and wait until the next page has replaced this one (events, not sleeps)."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    old = drv.find_element("tag name", "html")
    element.click()

    def replaced(_: Any) -> bool:
        # Chrome sometimes reports a node of the unloaded page as "does not belong to the document" instead of
        # stale; both mean the page was replaced
        try:
            return bool(ec.staleness_of(old)(drv))
        except WebDriverException as exc:
            if "does not belong to the document" in str(exc):
                return True
            raise

    WebDriverWait(drv, 60).until(replaced)
    WebDriverWait(drv, 60).until(lambda d: d.execute_script("return document.readyState") == "complete")


def rows(drv: Any) -> list[list[str]]:
    return [[td.text for td in tr.find_elements("tag name", "td")]
            for tr in drv.find_elements("css selector", "#trial-table tbody tr")]


def test_browse_filter_pair_and_hostile_trial(base_url: str, driver: Any) -> None:
    from selenium.webdriver.support.ui import Select

    driver.get(base_url + "/")
    follow(driver, driver.find_element("link text", "demo"))
    assert driver.find_elements("css selector", "#plots svg"), "the run page shows the report's plots"
    follow(driver, driver.find_element("css selector", "nav.top a[href$='/trials']"))
    everything = driver.find_element("id", "count").text

    Select(driver.find_element("id", "f-label")).select_by_visible_text("vulnerable")
    Select(driver.find_element("id", "f-condition_id")).select_by_visible_text("baseline")
    follow(driver, driver.find_element("id", "apply"))
    shown = rows(driver)
    assert shown and all(r[5] == "vulnerable" and r[1] == "baseline" for r in shown)
    assert driver.find_element("id", "count").text != everything

    Select(driver.find_element("id", "f-label")).select_by_visible_text("(all)")
    Select(driver.find_element("id", "f-condition_id")).select_by_visible_text("(all)")
    driver.find_element("id", "f-disagree").click()
    follow(driver, driver.find_element("id", "apply"))
    shown = rows(driver)
    assert len(shown) == 10 and all("answer-model" in r[6] for r in shown)

    driver.get(base_url + "/run/demo/trials?kind=code&condition_id=tibet-ics")
    hostile = [tr for tr in driver.find_elements("css selector", "#trial-table tbody tr")
               if tr.find_element("tag name", "td").text == HOSTILE_CASE]
    assert hostile, "the hostile case id is shown as text"
    follow(driver, hostile[0].find_element("link text", "pair"))
    panels = driver.find_elements("css selector", "article.trial")
    assert len(panels) == 2 and driver.find_elements("css selector", "div.side")
    text = driver.find_element("tag name", "body").text
    assert PLANT in text and "<script>alert(1)</script>" in text and "javascript:alert(7)" in text
    assert driver.find_elements("css selector", "table.code tr.hit"), "the finding's line is highlighted"
    assert driver.execute_script("return window.__redline_pwned === true") is False
    assert not driver.find_elements("css selector", "article img, article script, article a[href^='javascript']")

    urls, errors = requests_and_errors(driver)
    network = [u for u in urls if u.startswith(("http:", "https:", "ws:", "wss:", "ftp:", "//"))]  # not chrome://
    assert network and [u for u in network if not u.startswith(base_url + "/")] == []
    assert errors == [], errors
