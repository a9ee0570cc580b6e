"""The organisation table: which Hub accounts belong to which developer, and where that developer is based.

Shipped as data (``data/orgs.yaml``) so that every attribution can be checked and argued with; users extend or
override it with their own file. Accounts not in the table are *unaffiliated* (individual users); re-packagers
and quantisers are typed *intermediary* and get their own bucket instead of a country, because crediting a
quantised copy to the quantiser's country is exactly the choice the lineage attribution exists to question.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from redline.errors import InputError

UNAFFILIATED = "unaffiliated"
INTERMEDIARY = "intermediary"
UNKNOWN = "unknown"
_ISO = re.compile(r"^[A-Z]{2}$")


class OrgType(StrEnum):
    company = "company"
    academic = "academic"
    government = "government"
    non_profit = "non-profit"
    community = "community"
    intermediary = "intermediary"


@dataclass(frozen=True)
class Org:
    """A developer. ``id`` is its main Hub account; ``accounts`` are further Hub accounts of the same developer."""

    id: str
    name: str
    country: str | None
    type: OrgType
    source: str
    accounts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Developer:
    """Who gets credit: an organisation from the table, or an account standing for itself."""

    key: str
    country: str
    org: Org | None


class OrgTable:
    """Case-insensitive lookup from Hub account to organisation."""

    def __init__(self, orgs: Iterable[Org]) -> None:
        self.orgs: dict[str, Org] = {}
        self._by_account: dict[str, Org] = {}
        for org in orgs:
            old = self.orgs.pop(org.id, None)
            if old is not None:  # a later file overrides an earlier entry with the same id
                for account in (old.id, *old.accounts):
                    self._by_account.pop(account.lower(), None)
            self.orgs[org.id] = org
            for account in (org.id, *org.accounts):
                self._by_account[account.lower()] = org

    def __len__(self) -> int:
        return len(self.orgs)

    def lookup(self, account: str) -> Org | None:
        return self._by_account.get(account.lower())

    def developer(self, account: str) -> Developer:
        """The credited developer and its country bucket (ISO code, intermediary, unaffiliated or unknown)."""
        if not account:
            return Developer(key=UNKNOWN, country=UNKNOWN, org=None)
        org = self.lookup(account)
        if org is None:
            return Developer(key=account, country=UNAFFILIATED, org=None)
        if org.type is OrgType.intermediary:
            return Developer(key=org.id, country=INTERMEDIARY, org=org)
        return Developer(key=org.id, country=org.country or UNKNOWN, org=org)


def builtin_orgs_path() -> Path:
    return Path(str(files("redline.adoption").joinpath("data/orgs.yaml")))


def load_orgs(extra: Path | str | None = None) -> OrgTable:
    """The shipped table, then the user's file (entries with the same ``id`` replace shipped ones)."""
    orgs = parse_orgs_file(builtin_orgs_path())
    if extra is not None:
        orgs += parse_orgs_file(Path(extra))
    return OrgTable(orgs)


def parse_orgs_file(path: Path) -> list[Org]:
    if not path.exists():
        raise InputError(f"{path}: organisation file not found")
    from redline.store.inputs import MAX_DEPTH, nesting_depth, read_text_bounded

    text = read_text_bounded(path, cap=8 * 1024 * 1024)  # a regular file only, capped while reading
    if nesting_depth(text) > MAX_DEPTH:
        raise InputError(f"{path}: nested more than {MAX_DEPTH} levels deep")
    try:
        data = yaml.safe_load(text)
    except RecursionError:
        raise InputError(f"{path}: nested too deep") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark is not None else ""
        raise InputError(f"{path}: {line}invalid YAML") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    entries = data.get("organisations") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise InputError(f"{path}: expected a list of organisations (or a mapping with an 'organisations' list)")
    orgs = [parse_org(entry, where=f"{path}: entry {i}") for i, entry in enumerate(entries, start=1)]
    ids = [o.id.lower() for o in orgs]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise InputError(f"{path}: duplicate organisation id(s): {', '.join(dupes)}")
    return orgs


def parse_org(entry: Any, *, where: str) -> Org:
    if not isinstance(entry, Mapping):
        raise InputError(f"{where}: each organisation must be a mapping")
    for key in ("id", "name", "type", "source"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise InputError(f"{where}: {key!r} is required (a non-empty string)")
    org_id = entry["id"].strip()
    try:
        org_type = OrgType(entry["type"])
    except ValueError:
        allowed = ", ".join(t.value for t in OrgType)
        raise InputError(f"{where} ({org_id}): type {entry['type']!r} is not one of {allowed}") from None
    country = entry.get("country")
    if country is not None and (not isinstance(country, str) or not _ISO.match(country)):
        raise InputError(f"{where} ({org_id}): country must be an ISO 3166-1 alpha-2 code like 'CN', got {country!r}")
    accounts = entry.get("accounts", []) or []
    if not isinstance(accounts, list) or not all(isinstance(a, str) and a.strip() for a in accounts):
        raise InputError(f"{where} ({org_id}): accounts must be a list of Hub account names")
    unknown = sorted(set(entry) - {"id", "name", "type", "source", "country", "accounts"})
    if unknown:
        raise InputError(f"{where} ({org_id}): unknown field(s): {', '.join(unknown)}")
    return Org(
        id=org_id,
        name=entry["name"].strip(),
        country=country,
        type=org_type,
        source=entry["source"].strip(),
        accounts=tuple(a.strip() for a in accounts),
    )
