import defusedxml.ElementTree as ET
def parse(payload):
    return ET.fromstring(payload)
