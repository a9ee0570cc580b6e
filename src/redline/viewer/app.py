"""Pages of the viewer: pure functions from a request (path, query, Host header) to a response.

Every page is rendered by Jinja2 with autoescaping, like the static report; model output is only ever
inserted as text (control characters made visible), links are built from quoted ids, never from output.
No page has a script: the Content-Security-Policy forbids scripts, frames, plugins, and requests anywhere
but this server's own stylesheets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlencode

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

from redline.report.build import build_plots
from redline.report.html import TEMPLATES as REPORT_TEMPLATES
from redline.report.html import environment as report_environment
from redline.report.summary import summarise
from redline.stats.records import read_stats
from redline.viewer.index import FILTERS, Catalog

TEMPLATES = Path(__file__).parent / "templates"
CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
           "Cache-Control": "no-store", "X-Frame-Options": "DENY", "Cross-Origin-Resource-Policy": "same-origin"}
MAX_TEXT = 200_000  # one text field shown per page; the rest is counted, not sent
PER_PAGE = 50
FILTER_LABELS = (("suite", "suite"), ("condition_id", "condition"), ("label", "label"), ("language", "language"),
                 ("status", "status"), ("kind", "kind"))
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
STATIC = {"report.css": REPORT_TEMPLATES / "report.css", "view.css": TEMPLATES / "view.css"}


@dataclass
class Response:
    status: int
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=lambda: dict(HEADERS))


def visible(text: object) -> str:
    """Control characters (ANSI escapes included) shown as their Unicode pictures instead of passed on."""
    return _CONTROL.sub(lambda m: "\u2421" if m.group() == "\x7f" else chr(0x2400 + ord(m.group())), str(text))


@cache
def environment() -> Environment:
    env = Environment(loader=ChoiceLoader([FileSystemLoader(str(TEMPLATES)), FileSystemLoader(str(REPORT_TEMPLATES))]),
                      autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(report_environment().filters)
    env.filters["visible"] = visible
    return env


def url(*parts: str, **query: str) -> str:
    """A same-origin path from ids, each segment quoted so no id can change what the link points to."""
    path = "/" + "/".join(quote(p, safe="") for p in parts)
    kept = {k: v for k, v in query.items() if v}
    return path + ("?" + urlencode(kept) if kept else "")


def _text(value: str | None) -> dict[str, Any] | None:
    if not value:
        return None
    return {"body": value[:MAX_TEXT], "cut": len(value) > MAX_TEXT, "shown": min(len(value), MAX_TEXT),
            "total": len(value)}


def _code_lines(verdict: dict[str, Any]) -> list[dict[str, Any]]:
    code = verdict.get("details", {}).get("code") if isinstance(verdict.get("details"), dict) else None
    if not isinstance(code, str) or not code:
        return []
    hits: dict[int, list[dict[str, Any]]] = {}
    for f in verdict.get("findings", []):
        if isinstance(f, dict) and isinstance(f.get("line"), int):
            hits.setdefault(f["line"], []).append(f)
    lines = code[:MAX_TEXT].split("\n")
    return [{"number": i, "text": line, "hits": hits.get(i, [])} for i, line in enumerate(lines, start=1)]


class Viewer:
    """Routes: / · /run/ID · /run/ID/trials?filters · /run/ID/trial/TRIAL · /run/ID/pair/KEY · /static/NAME."""

    def __init__(self, catalog: Catalog, *, allowed_hosts: tuple[str, ...] = ()) -> None:
        self.catalog = catalog
        self.allowed_hosts = allowed_hosts

    def render(self, template: str, **values: Any) -> Response:
        html = environment().get_template(template).render(**values)
        return Response(200, html.encode("utf-8"))

    def error(self, status: int, message: str) -> Response:
        html = environment().get_template("base.html.j2").render(title=message)
        return Response(status, html.encode("utf-8"))

    def handle(self, method: str, target: str, host: str | None = None) -> Response:
        """Answer one request; only GET/HEAD, only for the Host names this server listens as (DNS rebinding)."""
        if self.allowed_hosts and host not in self.allowed_hosts:
            return self.error(421, "Unknown host")
        if method not in ("GET", "HEAD"):
            resp = self.error(405, "Method not allowed")
            resp.headers["Allow"] = "GET, HEAD"
            return resp
        path, _, raw_query = target.partition("?")
        query = {k: v[-1] for k, v in parse_qs(raw_query, keep_blank_values=True).items()}
        parts = [unquote(p) for p in path.split("/") if p]
        try:
            return self.route(parts, query)
        except (KeyError, ValueError):
            return self.error(404, "Not found")

    def route(self, parts: list[str], query: dict[str, str]) -> Response:
        if not parts:
            return self.runs_page()
        if parts == ["favicon.ico"]:  # browsers ask for one; answer "nothing" rather than an error
            return Response(204, b"", "image/x-icon")
        if parts[0] == "static" and len(parts) == 2 and parts[1] in STATIC:
            return Response(200, STATIC[parts[1]].read_bytes(), "text/css; charset=utf-8")
        if parts[0] == "run" and len(parts) >= 2 and parts[1] in self.catalog.runs:
            run_id, rest = parts[1], parts[2:]
            if not rest:
                return self.run_page(run_id)
            if rest == ["trials"]:
                return self.trials_page(run_id, query)
            if len(rest) == 2 and rest[0] == "trial":
                return self.trial_page(run_id, rest[1])
            if len(rest) == 2 and rest[0] == "pair":
                return self.pair_page(run_id, rest[1])
        raise KeyError(parts)

    # -- pages ----------------------------------------------------------------------------------
    def runs_page(self) -> Response:
        counts = {r["run_id"]: r for r in self.catalog.rows(
            "SELECT run_id, count(*) AS trials, count(*) FILTER (WHERE status = 'ok') AS ok, "
            "count(*) FILTER (WHERE status = 'errored') AS errored, count(*) FILTER (WHERE status = 'missing') "
            "AS missing, count(*) FILTER (WHERE disagree) AS disagree FROM obs GROUP BY run_id")}
        runs = []
        for run_id, info in self.catalog.runs.items():
            c = counts.get(run_id, {})
            runs.append({"run_id": run_id, "url": url("run", run_id), "trials_url": url("run", run_id, "trials"),
                         "model": str(info.manifest.get("backend", {}).get("model", "")),
                         "created": str(info.manifest.get("created_at", "")), "trials": int(c.get("trials", 0)),
                         "ok": int(c.get("ok", 0)), "errored": int(c.get("errored", 0)),
                         "missing": int(c.get("missing", 0)), "disagree": int(c.get("disagree", 0))})
        return self.render("runs.html.j2", title="Runs", runs=runs)

    def _common(self, run_id: str) -> dict[str, str]:
        return {"run_id": run_id, "run_url": url("run", run_id), "trials_url": url("run", run_id, "trials")}

    def run_page(self, run_id: str) -> Response:
        info = self.catalog.runs[run_id]
        backend = info.manifest.get("backend", {})
        line = (f"{backend.get('provider', '')}/{backend.get('model', '')}, created {info.manifest.get('created_at')}, "
                f"redline {info.manifest.get('redline_version')}, seed {info.manifest.get('seed')}")
        stats, computed = self.catalog.stats(run_id)
        records = read_stats(stats) if stats else None  # the page shows stats.json; summary and plots: records
        return self.render("run.html.j2", title=f"Run {run_id}", manifest_line=line, warnings=list(info.warnings),
                           stats=stats, computed=computed, summary=summarise(records) if records else [],
                           plots=build_plots(records) if records else {}, **self._common(run_id))

    def trials_page(self, run_id: str, query: dict[str, str]) -> Response:
        selected = {col: query[col] for col in FILTERS if query.get(col)}
        disagree = query.get("disagree") == "1"
        page = self.catalog.trials(run_id, selected, disagree=disagree, page=int(query.get("page") or 1),
                                   per_page=PER_PAGE)
        rows = [{**r, "url": url("run", run_id, "trial", r["trial_id"]),
                 "pair_url": url("run", run_id, "pair", r["pair_key"])} for r in page.rows]
        keep = {**selected, "disagree": "1" if disagree else ""}
        prev_url = url("run", run_id, "trials", **keep, page=str(page.page - 1)) if page.page > 1 else ""
        next_url = url("run", run_id, "trials", **keep, page=str(page.page + 1)) if page.page < page.pages else ""
        return self.render("trials.html.j2", title=f"Trials of {run_id}", options=self.catalog.options(run_id),
                           filter_labels=FILTER_LABELS, selected=selected, disagree=disagree, page=page, rows=rows,
                           prev_url=prev_url, next_url=next_url, **self._common(run_id))

    def _panel(self, run_id: str, t: dict[str, Any]) -> dict[str, Any]:
        gen = t.get("generation") or {}
        verdicts = [{**v, "code_lines": _code_lines(v),
                     "findings": [f for f in v.get("findings", []) if isinstance(f, dict)],
                     "evidence": [e for e in v.get("evidence", []) if isinstance(e, str)]} for v in t["verdicts"]]
        return {**t, "url": url("run", run_id, "trial", t["trial_id"]), "prompt_text": _text(t.get("prompt")),
                "answer_text": _text(gen.get("text")), "reasoning_text": _text(gen.get("reasoning")),
                "error": gen.get("error") or "", "verdicts": verdicts}

    def trial_page(self, run_id: str, trial_id: str) -> Response:
        t = self.catalog.trial(run_id, trial_id)
        if t is None:
            raise KeyError(trial_id)
        return self.render("trial.html.j2", title=f"Trial {trial_id}", trials=[self._panel(run_id, t)],
                           pair_url=url("run", run_id, "pair", t["pair_key"]), **self._common(run_id))

    def pair_page(self, run_id: str, pair_key: str) -> Response:
        trials = self.catalog.pair(run_id, pair_key)
        if not trials:
            raise KeyError(pair_key)
        return self.render("trial.html.j2", title=f"Pair {pair_key}: {len(trials)} trial(s) side by side",
                           trials=[self._panel(run_id, t) for t in trials], pair_url="", **self._common(run_id))
