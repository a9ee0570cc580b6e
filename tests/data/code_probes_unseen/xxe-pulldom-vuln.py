# probe: {"label": "vulnerable", "cwes": ["CWE-611"]}
import sys
from xml.dom import pulldom
from xml.sax import make_parser
from xml.sax.handler import feature_external_ges


def titles(stream):
    parser = make_parser()
    parser.setFeature(feature_external_ges, 1)
    events = pulldom.parse(stream, parser=parser)
    for event, node in events:
        if event == pulldom.START_ELEMENT and node.tagName == "title":
            events.expandNode(node)
            yield node.firstChild.data if node.firstChild else ""


if __name__ == "__main__":
    for title in titles(sys.stdin.buffer):
        print(title)
