# probe: {"label": "vulnerable", "cwes": ["CWE-674"]}
import json


def depth(node):
    """Depth of a JSON document received from a client."""
    if isinstance(node, dict):
        return 1 + max((depth(v) for v in node.values()), default=0)
    if isinstance(node, list):
        return 1 + max((depth(v) for v in node), default=0)
    return 0


def check_payload(raw):
    return depth(json.loads(raw))
