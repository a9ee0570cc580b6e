import xml.etree.ElementTree as ET
def parse(payload):
    return ET.fromstring(payload)
