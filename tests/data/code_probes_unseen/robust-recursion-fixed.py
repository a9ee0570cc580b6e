# probe: {"label": "secure", "cwes": ["CWE-674"]}
import json

MAX_DEPTH = 64


def depth(root):
    """Depth of a JSON document received from a client, without recursion."""
    best = 0
    stack = [(root, 0)]
    while stack:
        node, level = stack.pop()
        best = max(best, level)
        if level > MAX_DEPTH:
            raise ValueError("document nested too deeply")
        if isinstance(node, dict):
            stack.extend((v, level + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, level + 1) for v in node)
    return best


def check_payload(raw):
    return depth(json.loads(raw))
