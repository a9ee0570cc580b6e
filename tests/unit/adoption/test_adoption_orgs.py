"""The shipped organisation table and user extensions."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.adoption.orgs import OrgType, builtin_orgs_path, load_orgs, parse_orgs_file
from redline.errors import InputError

DATA = Path(__file__).resolve().parents[2] / "data" / "adoption"


def test_shipped_table_is_large_and_complete() -> None:
    orgs = parse_orgs_file(builtin_orgs_path())
    assert len(orgs) >= 60
    types = {o.type for o in orgs}
    assert types == set(OrgType)  # every type is represented
    for org in orgs:
        assert org.source and org.name
        assert org.country is None or (len(org.country) == 2 and org.country.isupper())
    countries = {o.country for o in orgs if o.type is not OrgType.intermediary}
    assert {"CN", "US", "FR", "NO"} <= countries  # "NO" must stay a string, not YAML's false


def test_accounts_are_unique_across_organisations() -> None:
    seen: dict[str, str] = {}
    for org in parse_orgs_file(builtin_orgs_path()):
        for account in (org.id, *org.accounts):
            assert account.lower() not in seen, f"{account} in {org.id} and {seen.get(account.lower())}"
            seen[account.lower()] = org.id


def test_developer_buckets() -> None:
    table = load_orgs()
    assert table.developer("Qwen").country == "CN"
    assert table.developer("qwen").key == "Qwen"  # Hub names compare case-insensitively
    assert table.developer("Alibaba-NLP").key == "Qwen"  # extra account of the same developer
    assert table.developer("facebook").key == "meta-llama"
    assert table.developer("bartowski").country == "intermediary"
    assert table.developer("unsloth").country == "intermediary"  # has a country, still an intermediary
    assert table.developer("bigscience").country == "unknown"  # no single country
    assert table.developer("some-random-person").country == "unaffiliated"
    assert table.developer("some-random-person").key == "some-random-person"
    assert table.developer("").country == "unknown"


def test_extension_adds_and_overrides() -> None:
    table = load_orgs(DATA / "extra-orgs.yaml")
    assert table.developer("someuser").country == "DE"
    assert table.developer("mistral-community").key == "mistralai"
    assert table.orgs["mistralai"].name == "Mistral AI (test override)"
    assert len(table) == len(load_orgs()) + 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- id: x\n  name: X\n  type: company\n  source: s\n  country: china\n", "entry 1 \\(x\\): country must be"),
        ("- id: x\n  name: X\n  type: startup\n  source: s\n", "entry 1 \\(x\\): type 'startup'"),
        ("- id: x\n  name: X\n  type: company\n", "entry 1: 'source' is required"),
        ("- id: x\n  name: X\n  type: company\n  source: s\n  colour: red\n", "unknown field\\(s\\): colour"),
        ("- id: x\n  name: X\n  type: company\n  source: s\n- id: X\n  name: Y\n  type: company\n  source: s\n",
         "duplicate organisation id"),
        ("organisations: 3\n", "expected a list"),
        ("- id: [unclosed\n", "invalid YAML"),
    ],
)
def test_bad_extension_files(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "orgs.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_orgs(path)


def test_missing_extension_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="organisation file not found"):
        load_orgs(tmp_path / "absent.yaml")
