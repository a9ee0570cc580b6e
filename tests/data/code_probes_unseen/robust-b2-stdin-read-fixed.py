# probe: {"label": "secure", "cwes": ["CWE-400"]}
import json
import sys

LIMIT = 16 * 1024 * 1024


def main():
    data = sys.stdin.read(LIMIT + 1)
    if len(data) > LIMIT:
        sys.exit("input too large")
    doc = json.loads(data)
    print(len(doc.get("records", [])))


if __name__ == "__main__":
    main()
