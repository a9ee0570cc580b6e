from lxml import etree


def read_sitemap(xml_bytes: bytes) -> list[str]:
    """Return the page addresses (loc values) of an uploaded sitemap.xml, in document order."""
    parser = etree.XMLParser(resolve_entities=True, remove_blank_text=True)
    root = etree.fromstring(xml_bytes, parser)
    locs = root.xpath("//*[local-name()='url']/*[local-name()='loc']")
    return [(loc.text or "").strip() for loc in locs]
