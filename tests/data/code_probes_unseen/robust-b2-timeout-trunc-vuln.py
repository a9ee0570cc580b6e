# probe: {"label": "vulnerable", "cwes": ["CWE-681"]}
import argparse
import time


def parse_args(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", default="2.5", help="seconds, fractions allowed")
    return parser.parse_args(argv)


def wait_for(ready, argv=None):
    args = parse_args(argv)
    deadline = time.monotonic() + int(float(args.timeout))
    while time.monotonic() < deadline:
        if ready():
            return True
        time.sleep(0.1)
    return False
