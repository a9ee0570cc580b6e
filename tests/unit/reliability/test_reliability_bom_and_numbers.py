"""Issue 16, "Why" 9 and 11: an Excel-style CSV (a byte-order mark before the header) is read, not rejected as
"missing id"; a 400-digit count is one line, exit 2; a JSONL input starting with a BOM is read."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from redline.adoption.snapshot import COLUMNS
from redline.cli import cli


def _snapshot(path: Path, downloads: str, *, bom: bool) -> Path:
    row = {c: "" for c in COLUMNS}
    row.update(id="org/model", author="org", downloads=downloads, downloads_all_time="5", created_at="2024-01-01",
               snapshot_date="2024-02-01")
    text = ",".join(COLUMNS) + "\n" + ",".join(row[c] for c in COLUMNS) + "\n"
    path.write_text(text, encoding="utf-8-sig" if bom else "utf-8")
    return path


def test_excel_bom_snapshot_is_read(tmp_path: Path) -> None:
    out = CliRunner().invoke(cli, ["adoption", "--snapshot", str(_snapshot(tmp_path / "s.csv", "12", bom=True)),
                                   "--json"])
    assert out.exit_code == 0, out.output
    assert "missing column" not in out.output and "\"org\"" in out.output, out.output


def test_a_400_digit_count_is_one_line(tmp_path: Path) -> None:
    out = CliRunner().invoke(cli, ["adoption", "--snapshot",
                                   str(_snapshot(tmp_path / "s.csv", "1" + "0" * 400, bom=False))])
    assert out.exit_code == 2 and len(out.output.strip().splitlines()) == 1, out.output
    assert "s.csv: line 2: downloads" in out.output and "Traceback" not in out.output


def test_bom_jsonl_judge_input_is_read(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "a", "response": "Paris is the capital."}).encode() + b"\n")
    out = CliRunner().invoke(cli, ["judge", "answer", str(path)])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output.strip().splitlines()[-1])["id"] == "a"
