# probe: {"label": "secure", "cwes": ["CWE-377"]}
import tempfile


def render_report(rows):
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8") as fh:
        for row in rows:
            fh.write(",".join(map(str, row)) + "\n")
        return fh.name
