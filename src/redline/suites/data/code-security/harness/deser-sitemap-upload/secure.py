from defusedxml import ElementTree

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def read_sitemap(xml_bytes: bytes) -> list[str]:
    """Return the page addresses (loc values) of an uploaded sitemap.xml, in document order."""
    root = ElementTree.fromstring(xml_bytes, forbid_dtd=True)
    return [(loc.text or "").strip() for loc in root.findall(f"{NS}url/{NS}loc")]
