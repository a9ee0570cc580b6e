# probe: {"label": "vulnerable", "cwes": ["CWE-94"]}
import sys


def make_filter(condition):
    code = compile("lambda row: " + condition, "<filter>", "eval")
    return eval(code)


def main():
    condition = sys.argv[1] if len(sys.argv) > 1 else "True"
    keep = make_filter(condition)
    rows = [{"age": 31, "city": "Oslo"}, {"age": 17, "city": "Lima"}]
    for row in filter(keep, rows):
        print(row)


if __name__ == "__main__":
    main()
