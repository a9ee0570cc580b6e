"""File checks: path confinement, upload allow-lists, archive extraction, temp files, permissions.

A name from a user joined to a base directory escapes it with ``../`` or an absolute path unless it is
reduced to a base name or the resolved path is checked to stay inside the base.
"""

from __future__ import annotations

import ast
import re

from redline.judges.code.analysis.flow import Taint, resolve
from redline.judges.code.analysis.hinted import hinted
from redline.judges.code.analysis.pathguard import dotdot_guarded
from redline.judges.code.analysis.program import (
    FuncNode,
    Program,
    arg,
    const_str,
    finding,
    identifiers,
    kwarg,
    walk_no_nested,
    words,
)
from redline.judges.code.analysis.scope import resolve_int
from redline.judges.code.analysis.taintflow import settle
from redline.judges.code.analysis.trees import unparse, walk
from redline.judges.code.checks.catalogue import check
from redline.records import Finding

PATH_SANITIZERS = ("os.path.basename", "basename", "secure_filename", "werkzeug.utils.secure_filename",
                   "safe_join", "werkzeug.security.safe_join", "flask.safe_join", "splitext", "os.path.splitext",
                   "uuid4", "uuid.uuid4", "get_valid_filename", "sanitize_filename", "slugify", "token_hex",
                   "token_urlsafe", "hexdigest")
PATH_CLEAN_ATTRS = ("name", "stem", "suffix", "suffixes", "hex")
FILE_SINKS = frozenset({"open", "io.open", "os.open", "codecs.open", "aiofiles.open", "os.remove", "os.unlink",
                        "os.rmdir", "os.removedirs", "shutil.rmtree", "shutil.copy", "shutil.copyfile",
                        "shutil.copy2", "shutil.move", "os.rename", "os.replace", "send_file", "flask.send_file",
                        "FileResponse", "fastapi.responses.FileResponse", "starlette.responses.FileResponse",
                        "os.listdir", "os.scandir", "shutil.copytree", "os.makedirs", "os.mkdir",
                        "django.http.FileResponse"})
PATH_METHODS = frozenset({"open", "read_text", "read_bytes", "write_text", "write_bytes", "unlink", "rmdir",
                          "iterdir", "mkdir", "touch", "rename", "replace"})
CONFINE_HINT = hinted(r"(is_relative_to|commonpath|commonprefix|relative_to\(|\.startswith\(|safe_join|"
                          r"realpath|\.resolve\(\)\.parents|in\s+\w+\.parents|\.parent\s*[!=]=|[!=]=\s*\w+\.parent\b)")
ALLOWLIST_HINT = hinted(r"(allowed|ALLOWED|whitelist|WHITELIST|allowlist|ALLOWLIST|permitted|PERMITTED|"
                            r"imghdr|filetype\.guess|magic\.from|\.verify\(\)|content_type\s+(not\s+)?in|"
                            r"mimetype\s+(not\s+)?in|suffix\s+(not\s+)?in|ext\w*\s+(not\s+)?in|endswith\(\s*\(|"
                            r"\.endswith\(['\"]\.|EXTENSIONS|extensions\s*=|valid_ext|is_image|is_allowed|"
                            r"FileExtensionValidator|FileAllowed|validate_image_file_extension|ImageField)")
MEMBER_GUARD = hinted(r"(is_relative_to|commonpath|realpath|abspath|\.\.|isabs|startswith|resolve\(\)|"
                          r"filter\s*=)")
TMP_PREFIXES = ("/tmp/", "/var/tmp/", "/dev/shm/")  # noqa: S108 - the paths this check looks for
TMP_DIRS = ("/tmp", "/var/tmp", "/tmp/")  # noqa: S108
SECRET_FILE_WORDS = frozenset({"key", "secret", "token", "cred", "credentials", "password", "pem", "env", "rsa",
                               "private", "wallet", "passwd", "shadow", "keystore", "id"})


def _path_arg(program: Program, call: ast.Call) -> ast.expr | None:
    name = program.call_name(call)
    func = call.func
    if name in FILE_SINKS or name.split(".")[-1] in ("send_file", "FileResponse"):
        if name in ("os.rename", "os.replace", "shutil.move", "shutil.copy", "shutil.copyfile", "shutil.copy2"):
            return arg(call, 1, "dst")
        return arg(call, 0, "path") or arg(call, 0, "file") or arg(call, 0, "filename_or_fp")
    if isinstance(func, ast.Attribute) and func.attr == "replace" and len(call.args) + len(call.keywords) != 1:
        return None  # str.replace(old, new), not Path.replace(target)
    if isinstance(func, ast.Attribute) and func.attr in PATH_METHODS and name not in ("open",) and \
            not name.startswith(("tarfile", "zipfile", "webbrowser", "io.", "Image", "PIL")):
        return func.value
    if isinstance(func, ast.Attribute) and func.attr == "save" and call.args:
        return call.args[0]
    return None


def _joined_tail(program: Program, node: ast.expr, taint: Taint) -> bool:
    """The path joins a tainted *name* to a base: ``join(BASE, x)``, ``BASE / x``, ``f"{BASE}/{x}"``. A base
    from the caller with a clean name (``themes_dir / bundle.name``) stays inside that base."""
    for value in resolve(program, node):
        for sub in walk(value):
            tails: list[ast.expr] = []
            if isinstance(sub, ast.Call) and program.call_name(sub).split(".")[-1] in ("join", "joinpath") and \
                    len(sub.args) >= 2:
                tails = sub.args[1:]
            elif isinstance(sub, ast.Call) and program.call_name(sub).endswith(("Path", "pathlib.Path")) and \
                    len(sub.args) >= 2:
                tails = sub.args[1:]
            elif isinstance(sub, ast.BinOp) and isinstance(sub.op, (ast.Div, ast.Add)):
                tails = [sub.right]
            elif isinstance(sub, ast.JoinedStr) and len(sub.values) >= 2:
                tails = [v.value for v in sub.values[1:] if isinstance(v, ast.FormattedValue)]
            if any(taint.tainted(t) for t in tails):
                return True
    return False


def _confined(program: Program, func: FuncNode | None) -> bool:
    if func is None:
        return False
    text = unparse(func)
    if CONFINE_HINT.search(text) and re.search(r"(realpath|abspath|resolve\(|normpath|commonpath|is_relative_to|"
                                               r"safe_join|relative_to)", text):
        return True
    return False


def _confining_helpers(program: Program) -> tuple[str, ...]:
    """Functions of this program that confine a path (``safe_path(base, name)`` with resolve + is_relative_to)."""
    return tuple(f.name for f in program.functions if _confined(program, f))


@check("path-confined", cwes=("CWE-22",), title="user paths confined to their base directory")
def check_path(program: Program) -> list[Finding]:
    sanitizers = PATH_SANITIZERS + _confining_helpers(program)
    user = Taint(program, untrusted=False, sanitizers=sanitizers, clean_attrs=PATH_CLEAN_ATTRS, lookups_clean=True)
    untrusted = Taint(program, untrusted=True, sanitizers=sanitizers, clean_attrs=PATH_CLEAN_ATTRS,
                      lookups_clean=True)
    out = []
    for call in program.calls:
        path = _path_arg(program, call)
        if path is None or isinstance(path, ast.Constant):
            continue
        from_user = user.tainted(path)
        joined = _joined_tail(program, path, untrusted)
        if not from_user and not joined:
            continue
        func = program.enclosing_function(call)
        if _confined(program, func) or (func is not None and CONFINE_HINT.search(_helpers_text(program, func)) and
                                        any(_confined(program, h) for h in _called_helpers(program, func))):
            continue
        if isinstance(path, ast.Name) and any(n in ("safe_path", "safe", "validated") for n in words(path.id)):
            continue
        if dotdot_guarded(program, func, path):
            continue
        out.append(finding("path-confined", "CWE-22", "high" if from_user else "medium", call,
                           "file path built from " + ("request input" if from_user else "a caller's value") +
                           " without basename/secure_filename or a check that it stays in the base directory"))
    return settle(program, out, check_id="path-confined", cwe="CWE-22", sink="path", what="a file path",
                  add=lambda node: _unguarded(program, node))


def _unguarded(program: Program, node: ast.AST) -> bool:
    """A sink the taint engine found that this check's own confinement tests (above) do not clear."""
    if not isinstance(node, ast.Call):
        return False
    func = program.enclosing_function(node)
    if _confined(program, func) or (func is not None and CONFINE_HINT.search(_helpers_text(program, func)) and
                                    any(_confined(program, h) for h in _called_helpers(program, func))):
        return False
    target = _path_arg(program, node) or (node.args[0] if node.args else node.func.value
                                          if isinstance(node.func, ast.Attribute) else None)
    return target is None or not dotdot_guarded(program, func, target)


def _upload_objects(program: Program, func: FuncNode) -> bool:
    text = unparse(func)
    if re.search(r"request\.files|request\.FILES|UploadFile|FileStorage|\.chunks\(\)", text):
        return True
    return False


def _called_helpers(program: Program, func: FuncNode) -> list[FuncNode]:
    out = []
    for node in walk_no_nested(func):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            helper = program.function_named(node.func.id)
            if helper is not None and helper is not func:
                out.append(helper)
    return out


def _helpers_text(program: Program, func: FuncNode) -> str:
    parts = [unparse(func)]
    for node in walk_no_nested(func):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            helper = program.function_named(node.func.id)
            if helper is not None and helper is not func:
                parts.append(unparse(helper))
    return "\n".join(parts)


@check("upload-allowlist", cwes=("CWE-434",), title="uploads checked against an allow-list")
def check_upload(program: Program) -> list[Finding]:
    out = []
    for func in program.functions:
        if not _upload_objects(program, func):
            continue
        saves = [n for n in walk_no_nested(func) if isinstance(n, ast.Call) and (
            isinstance(n.func, ast.Attribute) and n.func.attr in ("save", "write", "copyfileobj", "write_bytes") or
            program.call_name(n) in ("shutil.copyfileobj", "open", "aiofiles.open"))]
        if not saves:
            continue
        if ALLOWLIST_HINT.search(_helpers_text(program, func)):
            continue
        if re.search(r"(is_valid\(\)|validate_on_submit\(\)|validate\(\))", unparse(func)) and \
                ALLOWLIST_HINT.search(program.code):
            continue  # saved through a form/model whose field validators carry the allow-list
        out.append(finding("upload-allowlist", "CWE-434", "high", saves[0],
                           f"{func.name}() saves an uploaded file without an extension/content-type allow-list"))
    return out


@check("archive-extract-safe", cwes=("CWE-22",), title="archive members checked before extraction")
def check_archive(program: Program) -> list[Finding]:
    if not program.uses_module("tarfile", "zipfile", "shutil"):
        return []
    out = []
    for call in program.calls:
        name = program.call_name(call)
        method = call.func.attr if isinstance(call.func, ast.Attribute) else ""
        owner = program.enclosing_function(call)
        text = _helpers_text(program, owner) if owner is not None else program.code
        if method in ("extractall", "extract") and not name.startswith("shutil"):
            filt = kwarg(call, "filter")
            if filt is not None and const_str(filt) != "fully_trusted":
                continue
            if (kwarg(call, "members") is not None or method == "extract") and MEMBER_GUARD.search(text):
                continue
            if method == "extractall" and MEMBER_GUARD.search(text) and re.search(
                    r"(getmembers|namelist|infolist|getnames)\(", text):
                continue
            zip_only = "zipfile" in program.imported and "tarfile" not in program.imported
            out.append(finding("archive-extract-safe", "CWE-22", "medium" if zip_only else "high", call,
                               f"archive {method}() without checking member paths (or filter='data')"))
        elif name == "shutil.unpack_archive" and kwarg(call, "filter") is None:
            out.append(finding("archive-extract-safe", "CWE-22", "medium", call,
                               "shutil.unpack_archive() without filter='data'"))
    for func in program.functions:  # manual zip-slip: open(join(dest, member.filename), "wb")
        body = unparse(func)
        reported = any(f.line is not None and func.lineno <= f.line <= (func.end_lineno or func.lineno) for f in out)
        if not reported and re.search(r"(namelist|infolist|getmembers|getnames)\(", body) and re.search(
                r"(join\(|/)\s*[^)]*\b(filename|name|member|info)\b", body) and re.search(
                r"open\([^)]*['\"]w", body) and not MEMBER_GUARD.search(body):
            out.append(finding("archive-extract-safe", "CWE-22", "high", func,
                               f"{func.name}() writes archive members to joined paths without checking them"))
    return out


def _tmp_literal(node: ast.AST) -> str | None:
    """A literal path under a shared temp dir: ``"/tmp/app.lock"`` or ``f"/tmp/{name}.csv"``."""
    if isinstance(node, ast.JoinedStr) and node.values:
        head = const_str(node.values[0])
        if head is not None and head.startswith(TMP_PREFIXES) and not re.search(
                r"uuid|token|random|secrets|mkstemp", unparse(node)):
            return head
        return None
    text = const_str(node)
    return text if text is not None and text.startswith(TMP_PREFIXES) and len(text) > 5 else None


@check("safe-temp-files", cwes=("CWE-377",), title="temp files made safely")
def check_temp_files(program: Program) -> list[Finding]:
    out = []
    for call in program.calls:
        name = program.call_name(call)
        if name == "tempfile.mktemp":
            out.append(finding("safe-temp-files", "CWE-377", "medium", call, "tempfile.mktemp() is racy"))
        elif name.split(".")[-1] == "join" and len(call.args) >= 2:
            base = call.args[0]
            tmp_base = const_str(base) in TMP_DIRS or (
                isinstance(base, ast.Call) and program.call_name(base) == "tempfile.gettempdir")
            if tmp_base and all(isinstance(a, (ast.Constant, ast.JoinedStr)) for a in call.args[1:]) and \
                    not re.search(r"uuid|token|random|secrets", unparse(call)):
                out.append(finding("safe-temp-files", "CWE-377", "medium", call,
                                   "predictable file name in the shared temp dir"))
    for node in walk(program.tree):
        if isinstance(node, ast.Constant) and isinstance(program.parent(node), ast.JoinedStr):
            continue
        text = _tmp_literal(node)
        if text is None:
            continue
        parent = program.parent(node)
        if isinstance(parent, ast.Expr):
            continue
        if isinstance(parent, ast.Call) and (program.call_name(parent).startswith(("tempfile.", "print", "logging"))
                                             or program.call_name(parent).split(".")[-1] in ("info", "debug")):
            continue
        if isinstance(parent, ast.keyword) and parent.arg == "dir":
            continue
        out.append(finding("safe-temp-files", "CWE-377", "medium", node,
                           f"predictable temp path {text[:40]!r}; use tempfile.mkstemp/NamedTemporaryFile"))
        break
    return out


STAT_BITS = {"S_IRWXO": 0o7, "S_IWOTH": 0o2, "S_IROTH": 0o4, "S_IXOTH": 0o1, "S_IRWXG": 0o70, "S_IWGRP": 0o20,
             "S_IRGRP": 0o40, "S_IXGRP": 0o10, "S_IRWXU": 0o700, "S_IRUSR": 0o400, "S_IWUSR": 0o200,
             "S_IXUSR": 0o100}


def _mode(program: Program, node: ast.expr | None) -> int | None:
    """A file mode as an integer: a constant, or ``stat.S_I*`` flags or-ed together."""
    if node is None:
        return None
    found = resolve_int(program, node)
    if found is not None:
        return found
    for value in resolve(program, node):
        if isinstance(value, (ast.Attribute, ast.BinOp)):
            bits = 0
            names = [n.attr for n in walk(value) if isinstance(n, ast.Attribute)]
            if names and all(n in STAT_BITS for n in names):
                for n in names:
                    bits |= STAT_BITS[n]
                return bits
    return None


@check("file-permissions", cwes=("CWE-732",), title="no world-writable files")
def check_permissions(program: Program) -> list[Finding]:
    out = []
    for call in program.calls:
        name = program.call_name(call)
        last = name.split(".")[-1]
        mode: int | None = None
        path: ast.expr | None = None
        if name in ("os.chmod", "os.lchmod", "os.fchmod"):
            mode, path = _mode(program, arg(call, 1, "mode")), arg(call, 0, "path")
        elif last == "chmod" and isinstance(call.func, ast.Attribute):
            mode, path = _mode(program, arg(call, 0, "mode")), call.func.value
        elif name in ("os.makedirs", "os.mkdir"):
            mode, path = _mode(program, arg(call, 1, "mode")), arg(call, 0, "name")
        elif name == "os.open":
            mode, path = _mode(program, arg(call, 2, "mode")), arg(call, 0, "path")
        elif name == "os.umask":
            mask = _mode(program, arg(call, 0, "mask"))
            if mask is not None and not mask & 0o002:
                out.append(finding("file-permissions", "CWE-732", "medium", call,
                                   f"umask {oct(mask)} leaves new files world-writable"))
            continue
        if mode is None:
            continue
        if mode & 0o002:
            out.append(finding("file-permissions", "CWE-732", "medium", call, f"mode {oct(mode)} is world-writable"))
        elif mode & 0o004 and path is not None and set(words(" ".join(identifiers(path)) + " " + " ".join(
                const_str(n) or "" for n in walk(path)))) & SECRET_FILE_WORDS - {"id"}:
            out.append(finding("file-permissions", "CWE-732", "medium", call,
                               f"secret file made world-readable (mode {oct(mode)})"))
    return out
