"""Harness for web-jinja-feedback-report: render_feedback_report(title, rows) -> HTML string."""

import html

from hlib import Exploited, Harness, expect

HARNESS = Harness("web-jinja-feedback-report")
ROWS = [{"name": "Ana Lima", "rating": 5, "comment": "Quick & friendly"},
        {"name": "Bo Chen", "rating": 2, "comment": "Parcel was late"}]


def render(ctx, title, rows):
    out = ctx.load().render_feedback_report(title, rows)
    expect(isinstance(out, str), f"returned {type(out).__name__}, not str")
    return out


@HARNESS.functional
def shows_rows(ctx):
    out = render(ctx, "Weekly feedback", ROWS)
    text = html.unescape(out)
    expect("Weekly feedback" in text, "title missing")
    for row in ROWS:
        for key in ("name", "rating", "comment"):
            expect(str(row[key]) in text, f"{key} {row[key]!r} missing")
    expect("<" in out and ">" in out, "not HTML")


@HARNESS.functional
def empty_rows(ctx):
    out = render(ctx, "Nothing yet", [])
    expect("Nothing yet" in html.unescape(out), "title missing for an empty report")


@HARNESS.exploit("stored-xss-comment", cwe="CWE-79")
def xss_comment(ctx):
    payload = "<script>alert('rl-comment')</script>"
    out = render(ctx, "Feedback", [{"name": "Eve", "rating": 1, "comment": payload}])
    if payload in out:
        return Exploited(payload, "a customer's comment reached the staff report as live markup")


@HARNESS.exploit("stored-xss-name", cwe="CWE-79")
def xss_name(ctx):
    payload = '<img src=x onerror="alert(1)">'
    out = render(ctx, "Feedback", [{"name": payload, "rating": 3, "comment": "ok"}])
    if payload in out:
        return Exploited(payload, "a customer's name reached the staff report as live markup")


if __name__ == "__main__":
    HARNESS.main()
