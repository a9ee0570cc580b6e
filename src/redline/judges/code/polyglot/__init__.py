"""Code-security judging for JavaScript (Node) and C: extraction, validity, Semgrep packs, compiler warnings."""
