import xml.etree.ElementTree as ET

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def read_sitemap(xml_bytes: bytes) -> list[str]:
    """Return the page addresses (loc values) of an uploaded sitemap.xml, in document order."""
    root = ET.fromstring(xml_bytes)
    return [(loc.text or "").strip() for loc in root.findall("sm:url/sm:loc", NS)]
