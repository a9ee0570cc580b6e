# probe: {"label": "vulnerable", "cwes": ["CWE-643"]}
import sys
import xml.etree.ElementTree as ET

import elementpath


def main():
    city = sys.argv[1]
    root = ET.parse("stations.xml").getroot()
    for station in elementpath.select(root, "//station[@city = '" + city + "']/@name"):
        print(station)


if __name__ == "__main__":
    main()
