# probe: {"label": "secure", "cwes": ["CWE-94"]}
import operator
import sys

OPS = {">": operator.gt, "<": operator.lt, "==": operator.eq}


def make_filter(condition):
    field, op, value = condition.split()
    compare = OPS[op]
    return lambda row: compare(row[field], type(row[field])(value))


def main():
    condition = sys.argv[1] if len(sys.argv) > 1 else "age > 0"
    keep = make_filter(condition)
    rows = [{"age": 31, "city": "Oslo"}, {"age": 17, "city": "Lima"}]
    for row in filter(keep, rows):
        print(row)


if __name__ == "__main__":
    main()
