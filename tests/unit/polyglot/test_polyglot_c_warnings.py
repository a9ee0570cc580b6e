"""GCC warnings become findings with CWEs, from one compiler process per batch."""

from __future__ import annotations

import pytest

from redline.judges.code.polyglot import c_warnings
from redline.judges.code.polyglot.validity import gcc_binary

pytestmark = pytest.mark.skipif(gcc_binary() is None, reason="gcc not installed")

FMT = "#include <stdio.h>\nvoid f(const char *s) { printf(s); }\n"
UAF = "#include <stdlib.h>\nint g(void) { char *p = malloc(4); if (!p) return 0; free(p); return p[0]; }\n"
LOCAL = "#include <string.h>\nchar *h(void) { char b[8]; strcpy(b, \"x\"); return b; }\n"
GETS = "#include <stdio.h>\nvoid r(char *b) { gets(b); }\n"
OVER = "#include <stdio.h>\n#include <string.h>\nvoid o(void) { char b[4]; strcpy(b, \"0123456789\"); puts(b); }\n"
CLEAN = "#include <stdio.h>\nint main(void) { printf(\"%d\\n\", 1); return 0; }\n"


def cwes(found: list[c_warnings.Finding]) -> set[str | None]:
    return {f.cwe for f in found if f.severity in ("medium", "high")}


def test_warnings_map_to_cwes() -> None:
    fmt, none, uaf, local, gets, over, clean = c_warnings.scan_c_warnings([FMT, None, UAF, LOCAL, GETS, OVER, CLEAN])
    assert "CWE-134" in cwes(fmt)
    assert none == []
    assert "CWE-416" in cwes(uaf)
    assert "CWE-562" in cwes(local)
    assert "CWE-242" in cwes(gets)
    assert {"CWE-119", "CWE-787"} & cwes(over)  # -Warray-bounds or -Wstringop-overflow, by GCC version
    assert cwes(clean) == set()
    assert all(f.tool == "gcc" and f.line for f in fmt + uaf + local)


def test_unmapped_warnings_are_low_notes() -> None:
    (found,) = c_warnings.scan_c_warnings(["int f(int a) { int unused = 2; return a; }\n"])
    assert found and all(f.severity == "low" and f.cwe is None for f in found)


def test_empty() -> None:
    assert c_warnings.scan_c_warnings([]) == [] and c_warnings.scan_c_warnings([None]) == [[]]
