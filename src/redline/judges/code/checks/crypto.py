"""Crypto and transport checks: weak ciphers and modes, short keys, predictable randomness, TLS verification.

Randomness is judged by purpose: ``random.choice`` is fine for shuffling a quiz, not for a reset token, so a
call only fails when its target, its function or what it returns is named like a secret.
"""

from __future__ import annotations

import ast
import re

from redline.judges.code.analysis.flow import calls_by_name, resolve
from redline.judges.code.analysis.program import (
    Program,
    arg,
    const_int,
    const_str,
    finding,
    is_false,
    kwarg,
    target_name,
    walk_no_nested,
    words,
)
from redline.judges.code.analysis.trees import unparse, walk
from redline.judges.code.analysis.words import is_token_context, mentions_password
from redline.judges.code.checks.catalogue import check
from redline.records import Finding

WEAK_CIPHERS = frozenset({"DES", "DES3", "ARC4", "ARC2", "Blowfish", "CAST", "XOR", "TripleDES", "CAST5", "IDEA",
                          "SEED", "RC4", "RC2", "des", "triple_des"})
CIPHER_MODULES = ("Crypto.Cipher", "Cryptodome.Cipher", "cryptography.hazmat", "pyDes", "Crypto.Cipher.")
RANDOM_FUNCS = frozenset({"random", "randint", "choice", "choices", "randrange", "sample", "getrandbits", "shuffle",
                          "uniform", "randbytes", "rand", "randn", "bytes", "integers"})
INTEGRITY_WORDS = frozenset({"sign", "signature", "integrity", "tamper", "hmac", "mac", "authenticate", "verify",
                             "signed", "checksum_verify", "token"})
FETCH_FUNCS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "request"})


@check("strong-crypto", cwes=("CWE-327",), title="modern ciphers, modes and key sizes")
def check_crypto(program: Program) -> list[Finding]:
    out = []
    for call in program.calls:
        name = program.call_name(call)
        parts = name.split(".")
        if name.startswith(CIPHER_MODULES) and any(p in WEAK_CIPHERS for p in parts):
            weak = next(p for p in parts if p in WEAK_CIPHERS)
            out.append(finding("strong-crypto", "CWE-327", "high", call, f"weak cipher {weak}"))
            continue
        if parts[-1] == "new" and name.startswith(CIPHER_MODULES):
            mode = arg(call, 1, "mode")
            if mode is not None and program.dotted(mode).endswith("MODE_ECB"):
                out.append(finding("strong-crypto", "CWE-327", "high", call, "block cipher in ECB mode"))
            iv = arg(call, 2, "iv") or kwarg(call, "nonce") or kwarg(call, "IV")
            if iv is not None and _fixed(program, iv):
                out.append(finding("strong-crypto", "CWE-330", "medium", call, "fixed IV/nonce (CWE-329)"))
        elif name.endswith("modes.ECB") or name == "ECB":
            out.append(finding("strong-crypto", "CWE-327", "high", call, "block cipher in ECB mode"))
        elif name.endswith(("modes.CBC", "modes.GCM", "modes.CTR", "modes.OFB", "modes.CFB")) and call.args and \
                _fixed(program, call.args[0]):
            out.append(finding("strong-crypto", "CWE-330", "medium", call, "fixed IV/nonce (CWE-329)"))
        elif parts[-1] in ("generate_private_key", "generate") and (
                "rsa" in name.lower() or "dsa" in name.lower()):
            size = const_int(arg(call, 1, "key_size") if "generate_private_key" in name else arg(call, 0, "bits"))
            if size is not None and size < 2048:
                out.append(finding("strong-crypto", "CWE-326", "high", call, f"{size}-bit key (< 2048)"))
        elif name == "hmac.new" or name == "hmac.digest":
            digest = arg(call, 2, "digestmod")
            text = (program.dotted(digest) or const_str(digest) or "").lower() if digest is not None else ""
            if text.endswith("md5"):
                out.append(finding("strong-crypto", "CWE-328", "medium", call, "HMAC with MD5"))
        elif name in ("hashlib.md5", "hashlib.sha1") or name == "hashlib.new" and (
                const_str(arg(call, 0, "name")) or "").lower() in ("md5", "sha1"):
            if is_false(kwarg(call, "usedforsecurity")) or mentions_password(call):
                continue
            if _integrity_context(program, call):
                out.append(finding("strong-crypto", "CWE-328", "medium", call,
                                   f"{name.split('.')[-1]} used for integrity/signatures; use SHA-256 or HMAC"))
    out.extend(_homemade_ciphers(program))
    return out


FIXED_CALLS = frozenset({"bytes", "bytearray", "fromhex", "encode", "b64decode", "unhexlify", "ljust", "rjust"})


def _fixed(program: Program, node: ast.expr, depth: int = 0) -> bool:
    """A value the program spells out (``b"\\0" * 16``, ``bytes(16)``, ``"abc".encode()``, a constant name)."""
    if depth > 4:
        return False
    values = resolve(program, node)
    if values == [node] and isinstance(node, (ast.Name, ast.Attribute)):
        return False
    for value in values:
        if isinstance(value, ast.Constant):
            continue
        if isinstance(value, ast.BinOp) and _fixed(program, value.left, depth + 1) and \
                _fixed(program, value.right, depth + 1):
            continue
        if isinstance(value, ast.Subscript) and _fixed(program, value.value, depth + 1):
            continue
        if isinstance(value, ast.Call):
            last = program.call_name(value).split(".")[-1]
            receiver_ok = not isinstance(value.func, ast.Attribute) or isinstance(value.func.value, ast.Name) and \
                value.func.value.id in ("bytes", "binascii", "base64", "bytearray") or _fixed(
                    program, value.func.value, depth + 1)
            if last in FIXED_CALLS and receiver_ok and all(_fixed(program, a, depth + 1) for a in value.args):
                continue
        return False
    return True


def _integrity_context(program: Program, call: ast.Call) -> bool:
    func = program.enclosing_function(call)
    names = [func.name] if func is not None else []
    parent = program.parent(call)
    while parent is not None and not isinstance(parent, (ast.stmt,)):
        parent = program.parent(parent)
    if isinstance(parent, ast.Assign):
        names.extend(target_name(t) for t in parent.targets)
    return any(set(words(n)) & INTEGRITY_WORDS for n in names)


def _homemade_ciphers(program: Program) -> list[Finding]:
    out = []
    for func in program.functions:
        ws = set(words(func.name))
        if not ws & {"encrypt", "decrypt", "cipher", "encode", "obfuscate", "scramble"} or \
                ws & {"url", "json", "html", "base64", "b64"}:
            continue
        body = unparse(func)
        if re.search(r"(Fernet|AES|ChaCha|cryptography|Crypto\.|nacl|encrypt\(|decrypt\()",
                     body.replace(f"def {func.name}(", "")):
            continue
        if any(isinstance(n, ast.BinOp) and isinstance(n.op, ast.BitXor) for n in walk_no_nested(func)) or \
                re.search(r"b64encode|b64decode|chr\(\s*\(?\s*ord\(", body):
            if ws & {"encrypt", "decrypt", "cipher", "obfuscate", "scramble"}:
                out.append(finding("strong-crypto", "CWE-327", "medium", func,
                                   f"{func.name}() is home-made encryption (XOR/base64/shift)"))
    return out


def _random_call(program: Program, call: ast.Call) -> bool:
    name = program.call_name(call)
    parts = name.split(".")
    if parts[-1] not in RANDOM_FUNCS:
        return False
    if name.startswith(("random.", "numpy.random.", "np.random.")) and "SystemRandom" not in name:
        return True
    if isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name):
        for value in resolve(program, call.func.value):
            if isinstance(value, ast.Call) and program.call_name(value) in ("random.Random", "numpy.random.default_rng",
                                                                             "np.random.default_rng"):
                return True
    return name in ("choice", "choices", "randint", "randrange", "sample", "getrandbits") and \
        program.aliases.get(parts[-1], "").startswith("random.")


def _purpose_names(program: Program, call: ast.Call) -> list[str]:
    """Names that say what a value is for: its target, keyword or key, its function and class, and the
    targets that callers of its function assign the result to."""
    names = []
    func = program.enclosing_function(call)
    if func is not None:
        names.append(func.name)
        names.extend(a.name for a in program.ancestors(func) if isinstance(a, ast.ClassDef))
        for site, _ in calls_by_name(program).get(func.name, [])[:50]:
            stmt = next((a for a in program.ancestors(site) if isinstance(a, ast.stmt)), None)
            if isinstance(stmt, ast.Assign):
                names.extend(target_name(t) for t in stmt.targets)
                names.extend(target_name(e) for t in stmt.targets if isinstance(t, ast.Tuple) for e in t.elts)
    node: ast.AST | None = program.parent(call)
    while node is not None and not isinstance(node, ast.stmt):
        if isinstance(node, ast.keyword) and node.arg:
            names.append(node.arg)
        if isinstance(node, ast.Dict):
            names.extend(const_str(k) or "" for k in node.keys)
        node = program.parent(node)
    if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        names.extend(target_name(t) for t in targets)
    return [n for n in names if n]


@check("secure-random", cwes=("CWE-330", "CWE-338"), title="secrets from the secrets module")
def check_random(program: Program) -> list[Finding]:
    out = []
    for call in program.calls:
        name = program.call_name(call)
        weak_uuid = name == "uuid.uuid1"
        if not weak_uuid and not _random_call(program, call):
            continue
        purposes = [n for n in _purpose_names(program, call) if is_token_context(n)]
        if not purposes:
            continue
        out.append(finding("secure-random", "CWE-330" if weak_uuid else "CWE-338", "medium", call,
                           f"{name}() used for {purposes[0]!r}; use the secrets module"))
    for node in walk(program.tree):  # random.seed(<constant>) next to token generation
        if isinstance(node, ast.Call) and program.call_name(node) == "random.seed" and out:
            out.append(finding("secure-random", "CWE-330", "medium", node, "random seeded before making secrets"))
            break
    return out


@check("tls-verify", cwes=("CWE-295",), title="TLS certificates verified")
def check_tls(program: Program) -> list[Finding]:
    out = []
    for call in program.calls:
        name = program.call_name(call)
        for key in ("verify", "verify_ssl", "ssl_verify", "check_hostname", "validate_certs", "verify_certs"):
            value = kwarg(call, key)
            if value is not None and any(is_false(v) for v in resolve(program, value)):
                out.append(finding("tls-verify", "CWE-295", "high", call, f"TLS certificate check off ({key}=False)"))
            elif value is not None and _defaults_off(program, value):
                out.append(finding("tls-verify", "CWE-295", "high", call,
                                   f"TLS verification read from a setting that defaults to off ({key}=)"))
        ssl_kw = kwarg(call, "ssl")
        if ssl_kw is not None and is_false(ssl_kw) and "aiohttp" in program.imported:
            out.append(finding("tls-verify", "CWE-295", "high", call, "aiohttp request with ssl=False"))
        cert = kwarg(call, "cert_reqs")
        if cert is not None and ("CERT_NONE" in unparse(cert) or const_str(cert) == "CERT_NONE"):
            out.append(finding("tls-verify", "CWE-295", "high", call, "cert_reqs=CERT_NONE"))
        if name in ("ssl._create_unverified_context", "ssl._create_stdlib_context"):
            out.append(finding("tls-verify", "CWE-295", "high", call, "unverified SSL context"))
        if name == "ssl.wrap_socket" and kwarg(call, "cert_reqs") is None:
            out.append(finding("tls-verify", "CWE-295", "medium", call, "ssl.wrap_socket() does not verify"))
        if name == "ssl.SSLContext" and not program.dotted(arg(call, 0, "protocol")).endswith("PROTOCOL_TLS_CLIENT") \
                and "CERT_REQUIRED" not in program.code and "load_verify_locations" not in program.code and \
                "server_side" not in program.code and "load_cert_chain" not in program.code:
            out.append(finding("tls-verify", "CWE-295", "medium", call,
                               "SSLContext() without PROTOCOL_TLS_CLIENT verifies nothing by default"))
        if name.split(".")[-1] == "set_missing_host_key_policy" and call.args and \
                program.dotted(call.args[0]).split(".")[-1].rstrip("()") in ("AutoAddPolicy", "WarningPolicy"):
            out.append(finding("tls-verify", "CWE-295", "medium", call, "SSH host key not verified"))
    for node in walk(program.tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Attribute) and target.attr == "check_hostname" and is_false(node.value):
                    out.append(finding("tls-verify", "CWE-297", "high", node, "check_hostname = False"))
                if isinstance(target, ast.Attribute) and target.attr == "verify_mode" and \
                        "CERT_NONE" in unparse(node.value):
                    out.append(finding("tls-verify", "CWE-295", "high", node, "verify_mode = CERT_NONE"))
                if isinstance(target, ast.Attribute) and target.attr == "_create_default_https_context":
                    out.append(finding("tls-verify", "CWE-295", "high", node, "HTTPS verification disabled globally"))
                if isinstance(target, ast.Attribute) and target.attr == "verify" and is_false(node.value):
                    out.append(finding("tls-verify", "CWE-295", "high", node, "session.verify = False"))
                elif isinstance(target, ast.Attribute) and target.attr in ("verify", "verify_ssl") and \
                        _defaults_off(program, node.value):
                    out.append(finding("tls-verify", "CWE-295", "high", node,
                                       "TLS verification read from a setting that defaults to off"))
                if isinstance(target, ast.Subscript) and const_str(target.slice) == "PYTHONHTTPSVERIFY" and \
                        const_str(node.value) == "0":
                    out.append(finding("tls-verify", "CWE-295", "high", node, "PYTHONHTTPSVERIFY=0"))
    return out


FALSY_TEXT = frozenset({"false", "0", "no", "off", "n", "disabled", ""})


def _falsy(node: ast.AST | None) -> bool:
    if is_false(node):
        return True
    text = const_str(node)
    return text is not None and text.strip().lower() in FALSY_TEXT


def _defaults_off(program: Program, value: ast.expr) -> bool:
    """``cfg.get("verify_tls", False)``, ``getboolean(..., fallback=False)``, ``os.getenv("VERIFY", "0")`` or a
    setting whose entry in a defaults dict of this program is false: verification is off unless configured."""
    for resolved in resolve(program, value):
        for call in [n for n in walk(resolved) if isinstance(n, ast.Call)]:
            last = program.call_name(call).split(".")[-1]
            if last not in ("get", "getboolean", "getenv", "getbool", "get_bool", "bool", "strtobool"):
                continue
            default = kwarg(call, "fallback") or kwarg(call, "default") or (
                call.args[1] if len(call.args) > 1 else None)
            if default is not None and _falsy(default):
                return True
            key = const_str(call.args[0]) if call.args else None
            if key is not None and _default_in_dicts(program, key):
                return True
    return False


def _default_in_dicts(program: Program, key: str) -> bool:
    for node in walk(program.tree):
        if isinstance(node, ast.Dict):
            for k, v in zip(node.keys, node.values, strict=False):
                if const_str(k) == key and _falsy(v):
                    return True
    return False


@check("request-timeout", cwes=("CWE-400",), title="outbound HTTP calls have timeouts (low severity)")
def check_timeout(program: Program) -> list[Finding]:
    out = []
    sessions: set[str] = set()
    for node in walk(program.tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and \
                program.call_name(node.value) in ("requests.Session", "requests.session"):
            sessions.update(t.id for t in node.targets if isinstance(t, ast.Name))
    for call in program.calls:
        name = program.call_name(call)
        parts = name.split(".")
        direct = name.startswith("requests.") and parts[-1] in FETCH_FUNCS
        via_session = isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name) and \
            call.func.value.id in sessions and call.func.attr in FETCH_FUNCS
        urlopen = name in ("urllib.request.urlopen", "urlopen") and arg(call, 2, "timeout") is None
        timeout = kwarg(call, "timeout")
        if (direct or via_session) and (timeout is None or isinstance(timeout, ast.Constant) and
                                        timeout.value is None) or urlopen:
            out.append(finding("request-timeout", "CWE-400", "low", call, f"{name}() without a timeout"))
        elif name.startswith("httpx.") and isinstance(timeout, ast.Constant) and timeout.value is None:
            out.append(finding("request-timeout", "CWE-400", "low", call, f"{name}(timeout=None)"))
    return out
