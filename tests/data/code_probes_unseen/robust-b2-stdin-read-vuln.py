# probe: {"label": "vulnerable", "cwes": ["CWE-400"]}
import json
import sys


def main():
    doc = json.loads(sys.stdin.read())
    print(len(doc.get("records", [])))


if __name__ == "__main__":
    main()
