# probe: {"label": "secure", "cwes": ["CWE-681"]}
import argparse
import math
import time


def parse_args(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", type=float, default=2.5, help="seconds, fractions allowed")
    return parser.parse_args(argv)


def wait_for(ready, argv=None):
    args = parse_args(argv)
    if not math.isfinite(args.timeout) or args.timeout < 0:
        raise SystemExit("timeout must be a finite, non-negative number")
    deadline = time.monotonic() + args.timeout
    while time.monotonic() < deadline:
        if ready():
            return True
        time.sleep(0.1)
    return False
