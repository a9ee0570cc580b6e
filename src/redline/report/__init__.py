"""Reports of a run: one self-contained HTML page, Markdown for CI logs, versioned JSON, SARIF of findings."""
