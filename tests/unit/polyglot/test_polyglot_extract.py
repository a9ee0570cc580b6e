"""Extraction of JavaScript and C from chat answers and base-model continuations."""

from __future__ import annotations

from redline.judges.code.polyglot.extract_c import extract_c, extract_c_completion
from redline.judges.code.polyglot.extract_js import extract_js, extract_js_completion

F = "```"
JS_APP = 'const express = require("express");\nconst app = express();\napp.get("/x", (req, res) => res.send("ok"));\n'
C_FN = "#include <string.h>\n\nint f(const char *s)\n{\n    return (int)strlen(s);\n}\n"


def test_js_fenced_block_with_tag_and_prose() -> None:
    ext = extract_js(f"Here you go:\n\n{F}javascript\n{JS_APP}{F}\n\nRun it with node.")
    assert ext.ok and ext.code == JS_APP and ext.blocks == 1


def test_js_blocks_in_other_languages_are_not_code() -> None:
    ext = extract_js(f"{F}bash\nnpm install express\n{F}\n\n{F}json\n{{\"a\": 1}}\n{F}\n")
    assert ext.status == "no_code"


def test_js_several_blocks_joined_with_largest_as_fallback() -> None:
    second = "module.exports = app;\n"
    ext = extract_js(f"{F}js\n{JS_APP}{F}\nand\n{F}js\n{second}{F}\n")
    assert ext.ok and ext.code == JS_APP + "\n" + second
    assert ext.alternatives[0] == JS_APP


def test_counter_example_block_is_skipped() -> None:
    bad = 'db.prepare("SELECT * FROM t WHERE a = \'" + a + "\'").all();\n'
    good = 'db.prepare("SELECT * FROM t WHERE a = ?").all(a);\n'
    ext = extract_js(f"Never do this (vulnerable):\n{F}js\n{bad}{F}\nInstead:\n{F}js\n{good}{F}\n")
    assert ext.ok and ext.code == good and any("counter-example" in n for n in ext.notes)


def test_js_untagged_block_and_bare_code() -> None:
    assert extract_js(f"{F}\n{JS_APP}{F}\n").code == JS_APP
    bare = extract_js(f"Sure.\n{JS_APP}\nThat is all.")
    assert bare.ok and bare.code.strip() == JS_APP.strip() and "unfenced code" in bare.notes


def test_prose_only_is_no_code() -> None:
    assert extract_js("I cannot write that, but consider using parameterised queries.").status == "no_code"
    assert extract_c("").status == "no_code"
    assert extract_c("Use fgets instead of gets, and check the length first.").status == "no_code"


def test_c_fenced_and_cpp_tagged_c() -> None:
    assert extract_c(f"{F}c\n{C_FN}{F}\n").code == C_FN
    assert extract_c(f"{F}cpp\n{C_FN}{F}\n").code == C_FN  # C labelled as C++
    cpp = "#include <iostream>\nint main() { std::cout << 1; }\n"
    assert extract_c(f"{F}cpp\n{cpp}{F}\n").status == "no_code"


def test_c_bare_code() -> None:
    ext = extract_c(f"The function:\n\n{C_FN}\nHope this helps.")
    assert ext.ok and "int f(const char *s)" in ext.code and "Hope" not in ext.code


def test_js_completion_closes_a_cut_off_continuation() -> None:
    scaffold = 'const app = require("express")();\n\n// GET /x\napp.get("/x", (req, res) => {\n'
    cut = '  const q = req.query.q;\n  res.send("<p>" + q + "</p>");\n  if (q.length > 3) {\n    res.stat'
    ext = extract_js_completion(scaffold, cut)
    assert ext.ok and ext.code.endswith('res.send("<p>" + q + "</p>");\n})\n')
    assert "res.stat" not in ext.code and any("closed" in n for n in ext.notes)


def test_completion_end_marker_fence_and_prose_only() -> None:
    scaffold = "int f(int a)\n{\n"
    ext = extract_c_completion(scaffold, "    return a + 1;\n}\n```\nThis adds one.<|endoftext|>more")
    assert ext.ok and ext.code == "int f(int a)\n{\n    return a + 1;\n}\n"
    assert extract_c_completion(scaffold, "   \n").status == "no_code"
    assert extract_c_completion(scaffold, "// this function adds one to its argument\n").status == "no_code"


def test_brackets_in_strings_and_comments_do_not_count() -> None:
    scaffold = "void f(char *s)\n{\n"
    ext = extract_c_completion(scaffold, '    s[0] = \'{\'; /* { */\n    // {\n    puts("}{");\n}\n')
    assert ext.ok and not any("closed" in n for n in ext.notes)
    js = extract_js_completion("function g(x) {\n", "  return `${x}{`;\n}\n")
    assert js.ok and js.code == "function g(x) {\n  return `${x}{`;\n}\n"
