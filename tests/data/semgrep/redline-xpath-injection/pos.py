from flask import request
from lxml import etree

TREE = etree.parse("staff.xml")


def lookup():
    name = request.form["name"]
    rows = TREE.xpath("//staff[name='" + name + "']/phone/text()")
    return ", ".join(rows)
