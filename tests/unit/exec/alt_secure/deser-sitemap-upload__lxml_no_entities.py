from lxml import etree


def read_sitemap(xml_bytes: bytes) -> list[str]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    root = etree.fromstring(xml_bytes, parser)
    out = []
    for url in root:
        if etree.QName(url).localname != "url":
            continue
        for child in url:
            if etree.QName(child).localname == "loc":
                out.append((child.text or "").strip())
    return out
