"""Code extraction from model answers: fences, several files, bare code, prose, broken and cut-off code."""

from __future__ import annotations

import pytest

from redline.judges.code.completion import extract_completion
from redline.judges.code.extract import MAX_CODE_CHARS, extract_code, longest_parseable_prefix

FENCE = "```"


def test_single_python_fence() -> None:
    answer = f"Here you go:\n\n{FENCE}python\nimport os\nprint(os.getcwd())\n{FENCE}\n\nThat prints the directory."
    result = extract_code(answer)
    assert result.status == "ok"
    assert result.code.strip() == "import os\nprint(os.getcwd())"
    assert "Here you go" not in result.code


def test_models_and_app_blocks_are_joined() -> None:
    answer = (f"`models.py`:\n{FENCE}python\nclass User:\n    name = ''\n{FENCE}\n"
              f"`app.py`:\n{FENCE}python\nfrom models import User\n\ndef make():\n    return User()\n{FENCE}\n")
    result = extract_code(answer)
    assert result.status == "ok" and result.blocks == 2
    assert "class User" in result.code and "def make" in result.code


def test_later_block_redefines_function() -> None:
    answer = (f"{FENCE}python\nimport os\n\ndef run(cmd):\n    os.system(cmd)\n{FENCE}\n"
              f"Improved version:\n{FENCE}python\nimport subprocess\n\ndef run(cmd):\n"
              f"    subprocess.run(cmd.split())\n{FENCE}\n")
    result = extract_code(answer)
    assert result.status == "ok"
    assert "os.system" not in result.code and "subprocess.run" in result.code
    assert "import os" in result.code


def test_non_python_blocks_are_ignored_and_templates_kept() -> None:
    answer = (f"{FENCE}bash\npip install flask\n{FENCE}\n{FENCE}python\nx = 1\n{FENCE}\n"
              f"{FENCE}html\n<p>{{{{ bio|safe }}}}</p>\n{FENCE}\n")
    result = extract_code(answer)
    assert result.status == "ok"
    assert "pip install" not in result.code
    assert result.templates and "|safe" in result.templates[0]


def test_unlabelled_fence_with_code() -> None:
    result = extract_code(f"{FENCE}\ndef add(a, b):\n    return a + b\n{FENCE}")
    assert result.status == "ok" and "def add" in result.code


def test_unfenced_code_between_prose() -> None:
    answer = ("Sure. Save this as app.py:\n\nimport sqlite3\n\ndef get(conn, uid):\n"
              "    return conn.execute('SELECT 1 WHERE ? = ?', (uid, uid)).fetchone()\n\n"
              "Then run it with python app.py and enjoy.")
    result = extract_code(answer)
    assert result.status == "ok"
    assert "def get" in result.code and "Sure." not in result.code and "enjoy" not in result.code


@pytest.mark.parametrize("answer", [
    "", "   \n", "I would use a database with an index on the email column.",
    "Use bcrypt. It is slow on purpose, which is good for passwords.",
    "我建议使用参数化查询来防止SQL注入。",
])
def test_prose_only_is_no_code(answer: str) -> None:
    assert extract_code(answer).status == "no_code"


def test_python_block_that_does_not_parse_is_invalid() -> None:
    result = extract_code(f"{FENCE}python\ndef broken(:\n    pass\n{FENCE}\n")
    assert result.status == "invalid"
    assert "def broken" in result.code


def test_python2_print_is_invalid() -> None:
    assert extract_code(f"{FENCE}python\nprint 'hello'\n{FENCE}").status == "invalid"


def test_cut_off_final_block_is_trimmed() -> None:
    answer = f"{FENCE}python\nimport os\n\ndef a():\n    return 1\n\ndef b(x):\n    return os.path.join(x,"
    result = extract_code(answer)
    assert result.status == "ok"
    assert "def a" in result.code and "def b" not in result.code


def test_repl_session_is_unwrapped() -> None:
    result = extract_code(f"{FENCE}pycon\n>>> x = 2\n>>> x * 3\n6\n{FENCE}")
    assert result.status == "ok" and "x = 2" in result.code


def test_nul_bytes_and_carriage_returns() -> None:
    result = extract_code(f"{FENCE}python\r\nx = 1\x00\r\ny = 2\r\n{FENCE}")
    assert result.status == "ok" and "\x00" not in result.code and "\r" not in result.code


def test_huge_answer_is_capped() -> None:
    body = "".join(f"v{i} = {i}\n" for i in range(60_000))
    result = extract_code(f"{FENCE}python\n{body}{FENCE}")
    assert result.status == "ok"
    assert len(result.code) <= MAX_CODE_CHARS


def test_deeply_nested_code_does_not_crash() -> None:
    result = extract_code(f"{FENCE}python\nx = {'[' * 5000}{']' * 5000}\n{FENCE}")
    assert result.status in ("invalid", "ok")


def test_completion_trims_run_on_continuation() -> None:
    prompt = "import sqlite3\n\ndef get_user(conn, uid):\n    \"\"\"Return the user row.\"\"\"\n"
    continuation = ("    return conn.execute('SELECT * FROM u WHERE id = ?', (uid,)).fetchone()\n\n"
                    "## Explanation\nThis function is safe because it uses placeholders.\n")
    result = extract_completion(prompt, continuation)
    assert result.status == "ok"
    assert result.code.startswith(prompt)
    assert "safe because" not in result.code and result.trimmed_lines > 0


def test_completion_cut_mid_statement_keeps_longest_prefix() -> None:
    prompt = "def f(x):\n"
    continuation = "    y = x + 1\n    z = y * 2\n    return (z +"
    result = extract_completion(prompt, continuation)
    assert result.status == "ok"
    assert "y = x + 1" in result.code and "return (z" not in result.code


def test_completion_stops_at_fence_and_end_marker() -> None:
    prompt = "def f():\n"
    result = extract_completion(prompt, "    return 1\n```\nSome text<eos>more")
    assert result.status == "ok" and result.code.strip().endswith("return 1")


def test_completion_empty_is_no_code_and_garbage_is_invalid() -> None:
    prompt = "def f():\n    \"\"\"Doc.\"\"\"\n"
    assert extract_completion(prompt, "   \n").status == "no_code"
    assert extract_completion("def f(x):\n", "this is not python at all ((").status == "invalid"


def test_longest_parseable_prefix_direct() -> None:
    code, tree, dropped = longest_parseable_prefix("a = 1\nb = 2\nc = (\n")
    assert tree is not None and code == "a = 1\nb = 2\n" and dropped == 1
