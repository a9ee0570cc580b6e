"""Architecture: every import of every module (function-level and TYPE_CHECKING ones included) points down the
layering in docs/design.md, and the top-level parts of ``redline`` have no import cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import redline

SRC = Path(redline.__file__).resolve().parent
# top-level part -> layer; an import may only go to a lower layer or stay inside its own part
LAYERS: dict[str, int] = {
    "cli": 8, "__main__": 8,
    "commands": 7,
    "pipeline": 6,
    "report": 5, "runner": 5, "viewer": 5, "export": 5,
    "stats": 4, "judges": 4, "evaluation": 4,
    "adoption": 3, "suites": 3, "backends": 3, "sandbox": 3,
    "store": 2, "registry": 2, "config": 2, "profiles": 2, "config_file": 2, "query": 2,
    "text": 1, "errors": 1, "records": 1,
    "__init__": 0,
}


def part_of(module: str) -> str:
    """``redline.judges.code.checks`` -> ``judges``; ``redline`` -> ``__init__``."""
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 else "__init__"


def module_name(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, own: str | None = None) -> set[str]:
    """Absolute names of the redline modules a file imports, wherever the import statement is (and modules
    named as a literal to ``importlib.import_module``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = own or module_name(path)
    package = own if path.name == "__init__.py" else own.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.split(".")[0] == "redline")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            if name.split(".")[0] == "redline":
                out.add(name)
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
              and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
              and node.args[0].value.startswith("redline.")):
            out.add(node.args[0].value)
    return out


def part_graph() -> dict[tuple[str, str], list[str]]:
    """(from part, to part) -> the modules that make the arrow."""
    edges: dict[tuple[str, str], list[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        src = module_name(path)
        for target in imports_of(path):
            a, b = part_of(src), part_of(target)
            if a != b:
                edges.setdefault((a, b), []).append(f"{src} -> {target}")
    return edges


def cycles(edges: dict[tuple[str, str], list[str]]) -> list[list[str]]:
    """Strongly connected components with more than one part (Tarjan)."""
    graph: dict[str, set[str]] = {}
    for a, b in edges:
        graph.setdefault(a, set()).add(b)
        graph.setdefault(b, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_every_part_has_a_layer() -> None:
    parts = {part_of(module_name(p)) for p in SRC.rglob("*.py")}
    assert parts <= set(LAYERS), f"parts without a layer: {sorted(parts - set(LAYERS))}"


def test_no_cycle_between_parts() -> None:
    assert cycles(part_graph()) == []


def test_no_upward_import() -> None:
    upward = [m for (a, b), mods in sorted(part_graph().items())
              if LAYERS.get(b, 99) > LAYERS.get(a, -1) for m in mods]
    assert upward == [], "imports that point up the layering:\n" + "\n".join(upward)


def test_the_checker_sees_function_level_imports(tmp_path: Path) -> None:
    """The parser must not miss an import hidden inside a function or behind TYPE_CHECKING."""
    mod = tmp_path / "m.py"
    mod.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from redline.a import x\n"
                   "def f():\n    import redline.b.c\n    from redline.d import e\n", encoding="utf-8")
    mod.write_text(mod.read_text(encoding="utf-8") + "import importlib\nimportlib.import_module('redline.f')\n",
                   encoding="utf-8")
    assert imports_of(mod, "redline.x.m") == {"redline.a", "redline.b.c", "redline.d", "redline.f"}


def test_an_upward_import_is_caught(tmp_path: Path) -> None:
    """A store module importing the pipeline is an upward arrow; the checker flags exactly that one."""
    mod = tmp_path / "m.py"
    mod.write_text("def f():\n    from redline.pipeline.audit import run_audit\n", encoding="utf-8")
    targets = imports_of(mod, "redline.store.m")
    assert [t for t in targets if LAYERS[part_of(t)] > LAYERS["store"]] == ["redline.pipeline.audit"]


def test_statistics_are_pure() -> None:
    """Statistics are functions of a run's records (``RunData``), so no stats module reaches the store."""
    reaching = [f"{module_name(p)} -> {t}" for p in sorted((SRC / "stats").rglob("*.py"))
                for t in imports_of(p) if part_of(t) == "store"]
    assert reaching == []


RUN_FILES = ("manifest.json", "trials.jsonl", "cases.jsonl", "generations.jsonl", "verdicts.jsonl", "stats.json",
             "references.json", "sequential.json", "judge_agreement.json", "report.html", "report.md",
             "report.json", "report.sarif")


def test_only_the_run_directory_names_its_files() -> None:
    """Every run-directory artefact has a typed accessor on ``RunDir``; no other module spells a file name."""
    owner = SRC / "store" / "run_dir.py"
    naming = []
    for path in sorted(SRC.rglob("*.py")):
        if path == owner:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in RUN_FILES:
                naming.append(f"{module_name(path)}:{node.lineno} {node.value!r}")
    assert naming == []
